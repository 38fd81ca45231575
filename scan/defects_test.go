package scan

import (
	"image"
	"image/draw"
	"math"
	"math/rand/v2"

	"github.com/idpro/idpro/ocr/specimen"
)

// The generated calibration set: specimen documents (ocr/specimen) with
// each defect applied at several strengths. The defects the specimen
// renderer does not make (exposure, glare, motion, cut-off, blank) are
// made here on top of its clean captures.

// sample is one labelled page of the set.
type sample struct {
	name   string
	defect string // "clean" or the defect
	strong bool   // strong enough to stop the MRZ reader: must block
	mild   bool   // a defect too weak to matter much: must not block
	page   Page
}

func nrgba(img image.Image) *image.NRGBA {
	out := image.NewNRGBA(img.Bounds())
	draw.Draw(out, out.Bounds(), img, img.Bounds().Min, draw.Src)
	return out
}

func render(kind specimen.Kind, seed uint64, opt specimen.RenderOptions) *image.NRGBA {
	img, err := specimen.Render(specimen.Random(seed, kind), opt)
	if err != nil {
		panic(err)
	}
	return nrgba(img)
}

// cleanOptions is a clean capture: the renderer's random placement and
// its mild noise, blur and compression.
func cleanOptions(seed uint64, page specimen.Page, dpi float64) specimen.RenderOptions {
	return specimen.RandomOptions(seed, page, dpi)
}

// tone maps every channel through f.
func tone(img *image.NRGBA, f func(v float64) float64) *image.NRGBA {
	var lut [256]uint8
	for i := range lut {
		lut[i] = uint8(math.Max(0, math.Min(255, math.Round(f(float64(i))))))
	}
	out := image.NewNRGBA(img.Bounds())
	for i := 0; i < len(img.Pix); i += 4 {
		out.Pix[i], out.Pix[i+1], out.Pix[i+2], out.Pix[i+3] = lut[img.Pix[i]], lut[img.Pix[i+1]], lut[img.Pix[i+2]], 255
	}
	return out
}

// glare adds a blown-out reflection of the given radius (pixels) at
// (cx, cy), as the lamp of a scanner makes on a laminated card.
func glare(img *image.NRGBA, cx, cy, radius float64) *image.NRGBA {
	out := nrgba(img)
	b := out.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			d := math.Hypot(float64(x)-cx, float64(y)-cy) / radius
			if d > 2 {
				continue
			}
			k := math.Min(1, 1.6*math.Exp(-d*d))
			i := out.PixOffset(x, y)
			for c := 0; c < 3; c++ {
				out.Pix[i+c] = uint8(float64(out.Pix[i+c])*(1-k) + 255*k)
			}
		}
	}
	return out
}

// motion smears the image horizontally over length pixels.
func motion(img *image.NRGBA, length int) *image.NRGBA {
	out := nrgba(img)
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for c := 0; c < 3; c++ {
			var sum, n int
			for x := b.Min.X; x < b.Max.X; x++ {
				sum += int(img.Pix[img.PixOffset(x, y)+c])
				n++
				if x-length >= b.Min.X {
					sum -= int(img.Pix[img.PixOffset(x-length, y)+c])
					n--
				}
				if x-length/2 >= b.Min.X {
					out.Pix[out.PixOffset(x-length/2, y)+c] = uint8(sum / n)
				}
			}
		}
	}
	return out
}

// cut keeps the image but the share frac of its width on the right: the
// document runs off the edge of the scan.
func cut(img *image.NRGBA, frac float64) *image.NRGBA {
	b := img.Bounds()
	r := image.Rect(b.Min.X, b.Min.Y, b.Max.X-int(frac*float64(b.Dx())), b.Max.Y)
	return nrgba(img.SubImage(r))
}

// blankPage is a scan of the empty glass: light grey with sensor noise.
func blankPage(seed uint64, dpi float64) *image.NRGBA {
	r := rand.New(rand.NewPCG(seed, 1))
	w, h := int(210/25.4*dpi), int(297/25.4*dpi)
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for i := 0; i < len(img.Pix); i += 4 {
		v := uint8(245 + r.NormFloat64()*2)
		img.Pix[i], img.Pix[i+1], img.Pix[i+2], img.Pix[i+3] = v, v, v, 255
	}
	return img
}
