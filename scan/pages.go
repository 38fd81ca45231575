package scan

import (
	"bytes"
	"image/jpeg"
	"image/png"

	"github.com/idpro/idpro/app"
)

// Label says which side of the document a page shows. Its message key is
// "scan.label." + the label (with {{.n}}, the page's position, for
// LabelPage).
type Label string

const (
	LabelFront Label = "front"
	LabelBack  Label = "back"
	LabelPage  Label = "page" // a passport page or anything else
)

// LabelledPage is a page of a request and what it shows.
type LabelledPage struct {
	Page
	Label Label
}

// Pages is the ordered list of pages of one request, at most Max of them.
// It is what the Documents step edits; it does no I/O. The zero value
// holds no pages and accepts MaxPages.
type Pages struct {
	items []LabelledPage
	Max   int // 0 means MaxPages
}

func (ps *Pages) max() int {
	if ps.Max > 0 {
		return ps.Max
	}
	return MaxPages
}

// Len is the number of pages.
func (ps *Pages) Len() int { return len(ps.items) }

// All returns the pages in order; changing the slice does not change ps.
func (ps *Pages) All() []LabelledPage {
	return append([]LabelledPage(nil), ps.items...)
}

// Add appends pages, labelling them by position (front, back, then page
// n). It adds all of them or, when they would pass the limit, none.
func (ps *Pages) Add(pages ...Page) error {
	if len(ps.items)+len(pages) > ps.max() {
		return app.Errorf("scan.request_page_limit", nil, "max", ps.max(), "pages", len(ps.items)+len(pages))
	}
	for _, p := range pages {
		ps.items = append(ps.items, LabelledPage{Page: p, Label: defaultLabel(len(ps.items))})
	}
	return nil
}

func defaultLabel(i int) Label {
	switch i {
	case 0:
		return LabelFront
	case 1:
		return LabelBack
	}
	return LabelPage
}

func (ps *Pages) check(i int) error {
	if i < 0 || i >= len(ps.items) {
		return app.Errorf("scan.no_such_page", nil, "page", i+1)
	}
	return nil
}

// Remove drops the page at index i.
func (ps *Pages) Remove(i int) error {
	if err := ps.check(i); err != nil {
		return err
	}
	ps.items = append(ps.items[:i], ps.items[i+1:]...)
	return nil
}

// Move puts the page at index from at index to, shifting the others.
func (ps *Pages) Move(from, to int) error {
	if err := ps.check(from); err != nil {
		return err
	}
	if err := ps.check(to); err != nil {
		return err
	}
	p := ps.items[from]
	ps.items = append(ps.items[:from], ps.items[from+1:]...)
	ps.items = append(ps.items[:to], append([]LabelledPage{p}, ps.items[to:]...)...)
	return nil
}

// Label sets what the page at index i shows.
func (ps *Pages) Label(i int, l Label) error {
	if err := ps.check(i); err != nil {
		return err
	}
	ps.items[i].Label = l
	return nil
}

// Rotate turns the page at index i by quarter turns clockwise (negative:
// anticlockwise) and re-encodes its data to match.
func (ps *Pages) Rotate(i, quarterTurns int) error {
	if err := ps.check(i); err != nil {
		return err
	}
	p := &ps.items[i].Page
	// EXIF orientations that turn the stored image clockwise by 1, 2, 3
	// quarter turns.
	o := [4]int{1, 6, 3, 8}[((quarterTurns%4)+4)%4]
	if o == 1 {
		return nil
	}
	p.Image = orientImage(p.Image, o)
	var buf bytes.Buffer
	var err error
	if p.ContentType == "image/png" {
		err = (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(&buf, p.Image)
	} else {
		err = jpeg.Encode(&buf, p.Image, &jpeg.Options{Quality: 92})
		p.ContentType = "image/jpeg"
	}
	if err != nil {
		return app.Errorf("scan.encode_failed", err, "file", p.Source)
	}
	p.Data = buf.Bytes()
	return nil
}
