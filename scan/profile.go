package scan

import (
	"bytes"
	"context"
	"errors"
	"image/png"
	"slices"

	"github.com/disintegration/imaging"
	"github.com/idpro/idpro/app"
)

// Profile is a way of scanning one kind of document.
type Profile string

const (
	// IDCard scans both sides of an ID-1 card (ID card, residence permit,
	// driving licence): on a flatbed the front, then the back after the
	// user turns the card; in a duplex feeder both in one pass.
	IDCard Profile = "id_card"
	// PassportPage scans the open passport's data page on a flatbed.
	PassportPage Profile = "passport_page"
)

// Step names what a Session is doing, for the UI to say.
type Step string

const (
	StepPreview Step = "preview"
	StepFront   Step = "front"
	StepBack    Step = "back"
)

// Session scans a document with a profile on one device.
type Session struct {
	Backend Backend
	Device  Device
	Caps    Capabilities // of Device; from Backend.Capabilities
	// Source is where Run scans from: one of Sources(profile, Caps); any
	// other value, "" included, is DefaultSource (so a remembered source
	// the device or the profile does not offer is harmless). See SourceFor.
	Source Source
	Mode   Mode // "" is Color
	// DPI of the final scan (0: 300, what MRZ reading and the
	// social-security service want) and of the preview (0: 75).
	DPI, PreviewDPI int
	// Turn asks the user to turn the card over and returns when they
	// confirm; an error (their Cancel) ends the session. It is called for
	// a card on the flatbed (turn it on the glass) and in a one-sided
	// feeder (feed it again, other side up), never for a duplex feeder.
	// The UI implements it.
	Turn func(ctx context.Context) error
	// RotateBack turns the back side 180° when the card comes from a
	// duplex feeder, for feeders that deliver it upside down.
	RotateBack bool
	Progress   Progress
	OnStep     func(Step)
	// OnPreview, when set, gets each preview scan of the glass, for the UI
	// to show where the document was found.
	OnPreview func(Page)
}

// ErrNoTurn is returned when a two-sided flatbed scan has no Turn callback.
var ErrNoTurn = errors.New("scan: Session.Turn is needed to scan a card's back on a flatbed")

// Sources lists where profile p can scan from on a device with caps, the
// default first, for the UI to offer. An ID card goes on the flatbed
// (turned by hand), through a duplex feeder (both sides in one pass) or a
// one-sided feeder (fed twice); a passport page, a booklet, only on the
// flatbed, or from a feeder when there is no flatbed (a copy of the page).
// A device that tells no sources is taken to have a flatbed.
func Sources(p Profile, caps Capabilities) []Source {
	if len(caps.Sources) == 0 {
		return []Source{Flatbed}
	}
	order := []Source{Flatbed, Duplex, Feeder}
	if p == PassportPage {
		order = []Source{Flatbed}
		if !caps.Has(Flatbed) {
			order = []Source{Feeder, Duplex}
		}
	}
	var out []Source
	for _, src := range order {
		if caps.Has(src) {
			out = append(out, src)
		}
	}
	if len(out) == 0 { // only sources this package does not know
		return caps.Sources[:1]
	}
	return out
}

// DefaultSource is where a profile scans from on a device with caps: the
// first of Sources.
func DefaultSource(p Profile, caps Capabilities) Source {
	return Sources(p, caps)[0]
}

// SourceFor is where Run(ctx, p) scans from: s.Source when the device
// offers it for p, else DefaultSource. The UI shows it as the selected
// source and words its Turn prompt by it.
func (s Session) SourceFor(p Profile) Source {
	if slices.Contains(Sources(p, s.Caps), s.Source) {
		return s.Source
	}
	return DefaultSource(p, s.Caps)
}

// Run scans the document: one page for a passport, front and back for a
// card.
func (s Session) Run(ctx context.Context, p Profile) ([]Page, error) {
	src := s.SourceFor(p)
	if p == IDCard && src == Duplex {
		return s.duplexCard(ctx)
	}
	s.step(StepFront)
	front, err := s.Document(ctx, src)
	if err != nil {
		return nil, err
	}
	if p == PassportPage {
		return []Page{front}, nil
	}
	if s.Turn == nil {
		return []Page{front}, app.Errorf("scanner.failed", ErrNoTurn, "device", s.Device.Name())
	}
	if err := s.Turn(ctx); err != nil {
		return []Page{front}, DeviceError(ErrCancelled, s.Device.Name(), err)
	}
	s.step(StepBack)
	back, err := s.Document(ctx, src)
	if err != nil {
		return []Page{front}, err
	}
	return []Page{front, back}, nil
}

func (s Session) duplexCard(ctx context.Context) ([]Page, error) {
	s.step(StepFront)
	pages, err := s.Backend.Scan(ctx, s.Device, Settings{Source: Duplex, DPI: s.dpi(), Mode: s.mode(), MaxPages: 2}, s.Progress)
	if err != nil {
		return pages, err
	}
	if len(pages) == 2 && s.RotateBack {
		pages[1], err = rotate180(pages[1])
	}
	return pages, err
}

// Preview is a quick low-resolution scan of the whole glass.
func (s Session) Preview(ctx context.Context) (Page, error) {
	s.step(StepPreview)
	pages, err := s.Backend.Scan(ctx, s.Device, Settings{Source: Flatbed, DPI: s.previewDPI(), Mode: s.mode()}, s.Progress)
	if err != nil {
		return Page{}, err
	}
	if s.OnPreview != nil {
		s.OnPreview(pages[0])
	}
	return pages[0], nil
}

// Document scans the document on the flatbed: a preview finds where it
// lies and the final scan covers just that area at full resolution. From a
// feeder the page is scanned as it comes.
func (s Session) Document(ctx context.Context, src Source) (Page, error) {
	set := Settings{Source: src, DPI: s.dpi(), Mode: s.mode(), MaxPages: 1}
	if src == Flatbed {
		preview, err := s.Preview(ctx)
		if err != nil {
			return Page{}, err
		}
		if area, ok := DocumentArea(preview.Image, preview.DPI, s.Caps.Glass); ok {
			set.Area = area
		}
	}
	pages, err := s.Backend.Scan(ctx, s.Device, set, s.Progress)
	if err != nil {
		return Page{}, err
	}
	return pages[0], nil
}

func (s Session) step(st Step) {
	if s.OnStep != nil {
		s.OnStep(st)
	}
}

func (s Session) dpi() int {
	if s.DPI > 0 {
		return s.DPI
	}
	return 300
}

func (s Session) previewDPI() int {
	if s.PreviewDPI > 0 {
		return s.PreviewDPI
	}
	return 75
}

func (s Session) mode() Mode {
	if s.Mode != "" {
		return s.Mode
	}
	if len(s.Caps.Modes) > 0 && !slices.Contains(s.Caps.Modes, Color) {
		return s.Caps.Modes[0]
	}
	return Color
}

// rotate180 turns a page and encodes it again as PNG.
func rotate180(p Page) (Page, error) {
	img := imaging.Rotate180(p.Image)
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return p, app.Errorf("scanner.failed", err, "device", p.Source)
	}
	p.Image, p.Data, p.ContentType = img, buf.Bytes(), "image/png"
	return p, nil
}
