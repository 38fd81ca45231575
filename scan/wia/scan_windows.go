//go:build windows

package wia

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image/png"
	"slices"

	"github.com/idpro/idpro/scan"
)

// Capabilities reads the sources from the device's document handling
// capabilities and the resolutions from its scan item.
func (s *Scanner) Capabilities(ctx context.Context, dev scan.Device) (scan.Capabilities, error) {
	var caps scan.Capabilities
	err := s.do(func() error {
		d, err := connect(dev.ID)
		if err != nil {
			return err
		}
		defer d.release()
		handling := handlingFlatbed // a device without the property is a flatbed
		if v, err := d.propertyValue(propHandlingCaps); err == nil {
			handling = toInt(v)
		}
		if handling&handlingFlatbed != 0 {
			caps.Sources = append(caps.Sources, scan.Flatbed)
		}
		if handling&handlingFeeder != 0 {
			caps.Sources = append(caps.Sources, scan.Feeder)
		}
		if handling&handlingDuplex != 0 {
			caps.Sources = append(caps.Sources, scan.Duplex)
		}
		if w, err := d.propertyValue(propBedWidth); err == nil {
			caps.Glass.Width = float64(toInt(w)) * 25.4 / 1000
		}
		if h, err := d.propertyValue(propBedHeight); err == nil {
			caps.Glass.Height = float64(toInt(h)) * 25.4 / 1000
		}
		item, err := firstItem(d)
		if err != nil {
			return err
		}
		defer item.release()
		caps.Resolutions = resolutions(item)
		caps.Modes = []scan.Mode{scan.Color, scan.Gray}
		return nil
	})
	if err != nil {
		return scan.Capabilities{}, deviceError(dev.Name(), err)
	}
	return caps, nil
}

func firstItem(d object) (object, error) {
	items, err := d.get("Items")
	if err != nil {
		return object{}, err
	}
	defer items.release()
	return items.get("Item", 1)
}

// resolutions reads the X resolution property's list or range.
func resolutions(item object) []int {
	p, err := item.property(propXRes)
	if err != nil {
		return nil
	}
	defer p.release()
	sub, _ := p.value("SubType")
	switch toInt(sub) {
	case subTypeRange:
		lo, _ := p.value("SubTypeMin")
		hi, _ := p.value("SubTypeMax")
		return scan.ResolutionsIn(toInt(lo), toInt(hi))
	case subTypeList:
		values, err := p.get("SubTypeValues")
		if err != nil {
			return nil
		}
		defer values.release()
		n, _ := values.count()
		var out []int
		for i := 1; i <= n; i++ {
			if v, err := values.value("Item", i); err == nil {
				out = append(out, toInt(v))
			}
		}
		slices.Sort(out)
		return out
	}
	return nil
}

// Scan transfers pages one by one. WIA's Transfer cannot be interrupted,
// so a cancel takes effect when the current page is in; that page and any
// before it are dropped.
func (s *Scanner) Scan(ctx context.Context, dev scan.Device, set scan.Settings, progress scan.Progress) ([]scan.Page, error) {
	if set.Source == "" {
		set.Source = scan.Flatbed
	}
	if set.DPI == 0 {
		set.DPI = 300
	}
	var pages []scan.Page
	err := s.do(func() error {
		d, err := connect(dev.ID)
		if err != nil {
			return err
		}
		defer d.release()
		if err := selectSource(d, set.Source); err != nil {
			return err
		}
		item, err := firstItem(d)
		if err != nil {
			return err
		}
		defer item.release()
		if err := configure(item, set); err != nil {
			return err
		}
		for n := 1; ; n++ {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			if progress != nil {
				progress(n, 0)
			}
			p, err := transfer(item)
			if err != nil {
				if hresult(err) == errPaperEmpty && len(pages) > 0 {
					return nil // the feeder ran out: the batch is complete
				}
				return err
			}
			p.DPI, p.Source = float64(set.DPI), dev.Name()
			pages = append(pages, p)
			if progress != nil {
				progress(n, 1)
			}
			if set.Source == scan.Flatbed || (set.MaxPages > 0 && len(pages) == set.MaxPages) {
				return nil
			}
		}
	})
	switch {
	case ctx.Err() != nil:
		return nil, scan.DeviceError(scan.ErrCancelled, dev.Name(), ctx.Err())
	case err != nil:
		return pages, deviceError(dev.Name(), err)
	}
	return pages, nil
}

func selectSource(d object, src scan.Source) error {
	sel := map[scan.Source]int{
		scan.Flatbed: handlingFlatbed,
		scan.Feeder:  handlingFeeder,
		scan.Duplex:  handlingFeeder | handlingDuplex,
	}[src]
	if sel == 0 {
		return fmt.Errorf("source %q: %w", src, errUnsupportedSource)
	}
	err := d.setProperty(propHandlingSel, sel)
	if err != nil && src == scan.Flatbed {
		return nil // flatbed-only devices lack the property
	}
	if err != nil {
		return err
	}
	if src != scan.Flatbed {
		// One page per Transfer call; the loop asks again until the feeder
		// is empty.
		_ = d.setProperty(propPages, 1)
	}
	return nil
}

var errUnsupportedSource = errors.New("unsupported source")

func configure(item object, set scan.Settings) error {
	intent := intentColor
	if set.Mode == scan.Gray {
		intent = intentGray
	}
	if err := item.setProperty(propIntent, intent); err != nil {
		return err
	}
	for _, id := range []string{propXRes, propYRes} {
		if err := item.setProperty(id, set.DPI); err != nil {
			return err
		}
	}
	if set.Area.IsZero() {
		return nil
	}
	px := func(mm float64) int { return int(mm / 25.4 * float64(set.DPI)) }
	for id, v := range map[string]int{
		propXPos: px(set.Area.X), propYPos: px(set.Area.Y),
		propXExtent: px(set.Area.Width), propYExtent: px(set.Area.Height),
	} {
		if err := item.setProperty(id, v); err != nil {
			return err
		}
	}
	return nil
}

// transfer scans one page as PNG.
func transfer(item object) (scan.Page, error) {
	v, err := item.call("Transfer", formatPNG)
	if err != nil {
		return scan.Page{}, err
	}
	file := object{v.ToIDispatch()}
	defer file.release()
	data, err := file.get("FileData")
	if err != nil {
		return scan.Page{}, err
	}
	defer data.release()
	raw, err := data.bytes("BinaryData")
	if err != nil {
		return scan.Page{}, err
	}
	img, err := png.Decode(bytes.NewReader(raw))
	if err != nil {
		return scan.Page{}, err
	}
	return scan.Page{Image: img, Data: raw, ContentType: "image/png"}, nil
}
