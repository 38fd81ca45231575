package specimen

import (
	"bytes"
	"errors"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	"math"
	"math/rand/v2"

	"github.com/disintegration/imaging"
	xdraw "golang.org/x/image/draw"
	"golang.org/x/image/math/f64"
)

// Page is how the document is captured.
type Page int

const (
	Card      Page = iota // cropped to the document with a thin scanner margin
	A4Flatbed             // lying anywhere on the glass of an A4 flatbed scan
	Photo                 // a phone photo: desk around it, uneven light
)

func (p Page) String() string {
	switch p {
	case A4Flatbed:
		return "a4"
	case Photo:
		return "photo"
	}
	return "card"
}

// RenderOptions say how to capture and degrade the document. The zero value
// of every degradation means none.
type RenderOptions struct {
	DPI         float64 // resolution of the document in the image; 300 when 0
	Page        Page
	Rotate      int     // 0, 90, 180 or 270 degrees, counter-clockwise
	Skew        float64 // extra rotation in degrees, e.g. within ±10
	Noise       float64 // standard deviation of grey-level noise (0-255 scale)
	Blur        float64 // Gaussian blur sigma in pixels
	JPEGQuality int     // re-encode as JPEG at this quality when > 0
	Light       float64 // 0 normal; up to 1 darker and uneven
	Tilt        float64 // a phone at an angle: the right side at this fraction of the left's size (0 or 1: none)
	TiltTop     bool    // with Tilt, the top side far instead, as a phone held over a desk sees a document
	Seed        uint64  // placement, photo placeholder, noise
}

// RandomOptions draws a capture of the kind real users make: any of four
// orientations, skew within ±10°, mild noise, blur and JPEG artefacts.
func RandomOptions(seed uint64, page Page, dpi float64) RenderOptions {
	r := rand.New(rand.NewPCG(seed, 0x0b7))
	o := RenderOptions{DPI: dpi, Page: page, Seed: seed,
		Rotate:      90 * r.IntN(4),
		Skew:        r.Float64()*20 - 10,
		Noise:       r.Float64() * 8,
		Blur:        r.Float64() * dpi / 600,
		JPEGQuality: 70 + r.IntN(26),
	}
	if page == Photo {
		o.Light = r.Float64() * 0.6
		o.Blur += r.Float64() * 0.8
	}
	return o
}

var errDPI = errors.New("specimen: DPI must be between 50 and 1200")

// Render draws the document and captures it as opt says.
func Render(d Document, opt RenderOptions) (image.Image, error) {
	if opt.DPI == 0 {
		opt.DPI = 300
	}
	if opt.DPI < 50 || opt.DPI > 1200 {
		return nil, errDPI
	}
	r := rngFor(opt.Seed)
	doc, err := card(d, opt.DPI, r)
	if err != nil {
		return nil, err
	}
	return capture(doc, opt, r)
}

// Capture captures a document drawn elsewhere (a Backdrop with a real
// MRZ printed on it) as opt says: turned, on its page, degraded.
func Capture(doc image.Image, opt RenderOptions) (image.Image, error) {
	if opt.DPI == 0 {
		opt.DPI = 300
	}
	return capture(doc, opt, rngFor(opt.Seed))
}

func capture(doc image.Image, opt RenderOptions, r *rand.Rand) (image.Image, error) {
	src := doc
	if opt.Blur > 0 {
		// Blurring the document rather than the page costs far less memory
		// at 600 dpi and looks the same.
		src = imaging.Blur(doc, opt.Blur)
	}
	if opt.Tilt > 0 && opt.Tilt < 1 && opt.TiltTop {
		src = imaging.Rotate90(tilt(imaging.Rotate270(src), opt.Tilt))
	} else if opt.Tilt > 0 && opt.Tilt < 1 {
		src = tilt(src, opt.Tilt)
	}
	page := place(src, opt, r)
	if opt.Light > 0 {
		light(page, opt.Light, r)
	}
	if opt.Noise > 0 {
		noise(page, opt.Noise, r)
	}
	if opt.JPEGQuality > 0 {
		var buf bytes.Buffer
		if err := jpeg.Encode(&buf, page, &jpeg.Options{Quality: opt.JPEGQuality}); err != nil {
			return nil, err
		}
		return jpeg.Decode(&buf)
	}
	return page, nil
}

// place puts the document, turned by Rotate+Skew, on its page.
func place(doc image.Image, opt RenderOptions, r *rand.Rand) *image.RGBA {
	angle := (float64(opt.Rotate) + opt.Skew) * math.Pi / 180
	sin, cos := math.Sin(angle), math.Cos(angle)
	dw, dh := float64(doc.Bounds().Dx()), float64(doc.Bounds().Dy())
	// Size of the turned document's bounding box.
	bw := math.Abs(dw*cos) + math.Abs(dh*sin)
	bh := math.Abs(dw*sin) + math.Abs(dh*cos)

	var pw, ph int
	var paper color.RGBA
	switch opt.Page {
	case A4Flatbed:
		pw, ph = int(210/25.4*opt.DPI), int(297/25.4*opt.DPI)
		g := uint8(235 + r.IntN(20))
		paper = color.RGBA{g, g, g, 255}
	case Photo:
		pw, ph = int(bw*1.5), int(bh*1.5)
		paper = color.RGBA{uint8(90 + r.IntN(60)), uint8(60 + r.IntN(50)), uint8(40 + r.IntN(40)), 255}
	default:
		margin := 2 / 25.4 * opt.DPI
		pw, ph = int(bw+2*margin), int(bh+2*margin)
		paper = color.RGBA{250, 250, 250, 255}
	}
	page := image.NewRGBA(image.Rect(0, 0, pw, ph))
	draw.Draw(page, page.Bounds(), image.NewUniform(paper), image.Point{}, draw.Src)

	// Centre of the document on the page, anywhere it fits whole.
	cx := bw/2 + r.Float64()*math.Max(0, float64(pw)-bw)
	cy := bh/2 + r.Float64()*math.Max(0, float64(ph)-bh)
	if opt.Page == Card {
		cx, cy = float64(pw)/2, float64(ph)/2
	}
	// Image y grows downwards, so a counter-clockwise turn on screen is
	// (x, y) -> (x cos + y sin, -x sin + y cos).
	s2d := f64.Aff3{
		cos, sin, cx - cos*dw/2 - sin*dh/2,
		-sin, cos, cy + sin*dw/2 - cos*dh/2,
	}
	xdraw.BiLinear.Transform(page, s2d, doc, doc.Bounds(), xdraw.Over, nil)
	return page
}

// light darkens the page with a gradient from one side, as a phone's
// shadow or a dim room does.
func light(img *image.RGBA, amount float64, r *rand.Rand) {
	amount = math.Min(amount, 1)
	b := img.Bounds()
	ax, ay := r.Float64()*2-1, r.Float64()*2-1
	for y := b.Min.Y; y < b.Max.Y; y++ {
		fy := float64(y-b.Min.Y)/float64(b.Dy()) - 0.5
		row := img.Pix[img.PixOffset(b.Min.X, y):]
		for x := 0; x < b.Dx(); x++ {
			fx := float64(x)/float64(b.Dx()) - 0.5
			k := 1 - amount*(0.45+0.35*(ax*fx+ay*fy))
			for c := 0; c < 3; c++ {
				row[4*x+c] = uint8(float64(row[4*x+c]) * k)
			}
		}
	}
}

// noise adds the same Gaussian grey-level noise to all three channels.
func noise(img *image.RGBA, sigma float64, r *rand.Rand) {
	for i := 0; i+3 < len(img.Pix); i += 4 {
		n := r.NormFloat64() * sigma
		for c := 0; c < 3; c++ {
			img.Pix[i+c] = clamp(float64(img.Pix[i+c]) + n)
		}
	}
}

func clamp(v float64) uint8 {
	switch {
	case v < 0:
		return 0
	case v > 255:
		return 255
	}
	return uint8(v + 0.5)
}

func rngFor(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, 0xca9d)) }
