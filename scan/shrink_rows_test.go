package scan

import (
	"image"
	"image/color"
	"math/rand/v2"
	"testing"
)

// Every pixel layout rgbRow reads directly gives the colours At gives.
func TestRGBRowMatchesAt(t *testing.T) {
	r := image.Rect(3, 5, 20, 9)
	pal := color.Palette{color.RGBA{10, 20, 30, 255}, color.RGBA{200, 100, 50, 255}, color.RGBA{0, 255, 128, 255}}
	images := map[string]image.Image{
		"RGBA": image.NewRGBA(r), "NRGBA": image.NewNRGBA(r), "RGBA64": image.NewRGBA64(r),
		"NRGBA64": image.NewNRGBA64(r), "Paletted": image.NewPaletted(r, pal),
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for name, img := range images {
		set := img.(interface{ Set(x, y int, c color.Color) })
		for y := r.Min.Y; y < r.Max.Y; y++ {
			for x := r.Min.X; x < r.Max.X; x++ {
				c := color.RGBA64{uint16(rng.IntN(1 << 16)), uint16(rng.IntN(1 << 16)), uint16(rng.IntN(1 << 16)), 0xffff}
				if name == "Paletted" {
					set.Set(x, y, pal[rng.IntN(len(pal))])
					continue
				}
				set.Set(x, y, c)
			}
		}
		got := make([]uint8, 3*r.Dx())
		for y := r.Min.Y; y < r.Max.Y; y++ {
			rgbRow(img, y, got)
			for x := 0; x < r.Dx(); x++ {
				cr, cg, cb, _ := img.At(r.Min.X+x, y).RGBA()
				if want := [3]uint8{uint8(cr >> 8), uint8(cg >> 8), uint8(cb >> 8)}; [3]uint8(got[3*x:3*x+3]) != want {
					t.Fatalf("%s (%d,%d): %v, want %v", name, x, y, got[3*x:3*x+3], want)
				}
			}
		}
	}
}
