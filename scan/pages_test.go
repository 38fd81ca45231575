package scan

import (
	"bytes"
	"image"
	"image/jpeg"
	"testing"

	"github.com/idpro/idpro/app"
)

func named(s string) Page {
	return Page{Image: halves(20, 10), Source: s}
}

func sources(ps *Pages) string {
	var s string
	for _, p := range ps.All() {
		s += p.Source + ":" + string(p.Label) + " "
	}
	return s
}

func TestPagesAddLabelsAndLimit(t *testing.T) {
	var ps Pages
	if err := ps.Add(named("a"), named("b"), named("c")); err != nil {
		t.Fatal(err)
	}
	if got := sources(&ps); got != "a:front b:back c:page " {
		t.Errorf("pages = %q", got)
	}
	err := ps.Add(named("d"), named("e"))
	if app.ErrorCode(err) != "scan.request_page_limit" || ps.Len() != 3 {
		t.Errorf("adding past 4: err %v, len %d", err, ps.Len())
	}
	if err := ps.Add(named("d")); err != nil || ps.Len() != 4 {
		t.Errorf("fourth page: err %v, len %d", err, ps.Len())
	}
}

func TestPagesMoveRemoveLabel(t *testing.T) {
	var ps Pages
	if err := ps.Add(named("a"), named("b"), named("c")); err != nil {
		t.Fatal(err)
	}
	if err := ps.Move(2, 0); err != nil {
		t.Fatal(err)
	}
	if got := sources(&ps); got != "c:page a:front b:back " {
		t.Errorf("after move = %q", got)
	}
	if err := ps.Label(0, LabelBack); err != nil {
		t.Fatal(err)
	}
	if err := ps.Remove(2); err != nil {
		t.Fatal(err)
	}
	if got := sources(&ps); got != "c:back a:front " {
		t.Errorf("after label and remove = %q", got)
	}
	for _, err := range []error{ps.Remove(2), ps.Move(0, 5), ps.Label(-1, LabelPage), ps.Rotate(9, 1)} {
		if app.ErrorCode(err) != "scan.no_such_page" {
			t.Errorf("out of range: %v", err)
		}
	}
}

func TestPagesRotate(t *testing.T) {
	var ps Pages
	if err := ps.Add(Page{Image: halves(200, 100), ContentType: "image/jpeg"}); err != nil {
		t.Fatal(err)
	}
	if err := ps.Rotate(0, 1); err != nil {
		t.Fatal(err)
	}
	p := ps.All()[0]
	// A clockwise quarter turn brings the left (red) half to the top.
	if b := p.Image.Bounds(); b != image.Rect(0, 0, 100, 200) {
		t.Fatalf("bounds = %v", b)
	}
	if r, _, bl, _ := p.Image.At(50, 20).RGBA(); r < bl {
		t.Errorf("top is not red")
	}
	cfg, err := jpeg.DecodeConfig(bytes.NewReader(p.Data))
	if err != nil || cfg.Width != 100 || cfg.Height != 200 {
		t.Errorf("data not re-encoded turned: %v %v", cfg, err)
	}
	if err := ps.Rotate(0, -1); err != nil {
		t.Fatal(err)
	}
	if r, _, bl, _ := ps.All()[0].Image.At(20, 50).RGBA(); r < bl || ps.All()[0].Image.Bounds().Dx() != 200 {
		t.Errorf("turning back does not restore the page")
	}
}
