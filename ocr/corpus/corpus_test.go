package corpus

import (
	"image"
	"image/color"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/image/tiff"
)

func TestHalvesSplitByPhoto(t *testing.T) {
	docs := []string{"a.jpg", "b.jpg", "c.png", "d.jpeg", "e.jpg", "f.jpg", "g.png", "h.png"}
	first := map[string]string{}
	seen := map[string]bool{}
	for _, doc := range docs {
		first[doc] = Half(doc)
		seen[first[doc]] = true
	}
	for _, doc := range docs {
		if h := Half(doc); h != first[doc] {
			t.Fatalf("Half(%q) said %q, then %q", doc, first[doc], h)
		}
	}
	// Fixed by the hash: changing it would move crops between halves.
	if Half("220px-Irish_visa.jpg") != Tuning {
		t.Errorf("220px-Irish_visa.jpg moved to the %s half", Half("220px-Irish_visa.jpg"))
	}
	if !seen[Tuning] || !seen[HeldOut] || len(seen) != 2 {
		t.Fatalf("halves seen: %v", seen)
	}
}

func TestListGroupsLinesByPhoto(t *testing.T) {
	dir := t.TempDir()
	write := func(name, truth string) {
		img := image.NewGray(image.Rect(0, 0, 4, 2))
		img.Set(1, 1, color.Gray{Y: 0})
		f, err := os.Create(filepath.Join(dir, name+".tif"))
		if err != nil {
			t.Fatal(err)
		}
		if err := tiff.Encode(f, img, nil); err != nil {
			t.Fatal(err)
		}
		f.Close()
		if err := os.WriteFile(filepath.Join(dir, name+".gt.txt"), []byte(truth+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("my-card.jpg-1", "LINE<TWO")
	write("my-card.jpg-0", "LINE<ONE")
	write("font_generate_00001", "SYNTH")

	crops, err := List(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(crops) != 3 {
		t.Fatalf("%d crops, want 3", len(crops))
	}
	syn, first, second := crops[0], crops[1], crops[2]
	if !syn.Synthetic() || syn.Half() != "" || syn.Doc != syn.Name {
		t.Errorf("synthetic line: %+v half %q", syn, syn.Half())
	}
	if first.Name != "my-card.jpg-0" || first.Truth != "LINE<ONE" || second.Name != "my-card.jpg-1" {
		t.Errorf("order or truth: %+v %+v", first, second)
	}
	if first.Doc != "my-card.jpg" || second.Doc != first.Doc || first.Half() != Half("my-card.jpg") {
		t.Errorf("doc: %q %q, half %q", first.Doc, second.Doc, first.Half())
	}
	if img, err := first.Image(); err != nil || img.Bounds().Dx() != 4 {
		t.Errorf("Image: %v, %v", img, err)
	}
}

func TestListWithoutCropsSaysSo(t *testing.T) {
	if _, err := List(t.TempDir()); err == nil {
		t.Fatal("an empty directory gave no error")
	}
}
