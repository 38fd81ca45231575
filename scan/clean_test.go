package scan

import (
	"math"
	"testing"

	"github.com/idpro/idpro/ocr/specimen"
)

func TestCleanCropsAndStraightensTheDocument(t *testing.T) {
	for _, k := range []specimen.Kind{specimen.IDCard, specimen.Passport} {
		seed := uint64(7)
		opt := specimen.RenderOptions{DPI: 200, Page: specimen.A4Flatbed, Rotate: 90, Skew: 6, Noise: 3, Seed: seed}
		img := render(k, seed, opt)
		orig := Page{Image: img, DPI: 200, Source: "a4.png"}
		clean, d, err := Clean(orig)
		if err != nil {
			t.Fatal(err)
		}
		if orig.Image != img {
			t.Fatal("Clean changed the original page")
		}
		wantKind := map[specimen.Kind]Kind{specimen.IDCard: KindCard, specimen.Passport: KindPassport}[k]
		if d.Kind != wantKind || clean.DPI != 200 {
			t.Errorf("%s: kind %q dpi %v", k, d.Kind, clean.DPI)
		}
		// Landscape, the document's size plus a 2 mm margin each side.
		wmm, hmm := wantKind.SizeMM()
		b := clean.Image.Bounds()
		gotW, gotH := float64(b.Dx())/200*25.4, float64(b.Dy())/200*25.4
		if math.Abs(gotW-(wmm+4)) > 3 || math.Abs(gotH-(hmm+4)) > 3 {
			t.Errorf("%s: clean page %.1fx%.1f mm, want about %.1fx%.1f", k, gotW, gotH, wmm+4, hmm+4)
		}
		// Found again on the clean page, it lies straight.
		again := FindDocument(clean)
		if a := math.Abs(again.Box.Angle); a > 1 && a < 179 {
			t.Errorf("%s: document still turned by %.1f°", k, again.Box.Angle)
		}
		if clean.ContentType != "image/jpeg" || len(clean.Data) == 0 {
			t.Errorf("%s: clean page not encoded", k)
		}
	}
}
