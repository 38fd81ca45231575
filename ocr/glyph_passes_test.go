package ocr

import (
	"slices"
	"testing"

	"github.com/idpro/idpro/ocr/mrz"
)

// TestEveryGlyphPassIsRun: ocr/mrz/passes.go names the glyph passes and
// their order; the reader must have a function for each and no other.
func TestEveryGlyphPassIsRun(t *testing.T) {
	named := mrz.GlyphPasses()
	for _, name := range named {
		if glyphPasses[name] == nil {
			t.Errorf("glyph pass %q has no function in the reader", name)
		}
	}
	for name := range glyphPasses {
		if !slices.Contains(named, name) {
			t.Errorf("the reader runs %q, which ocr/mrz/passes.go does not name", name)
		}
	}
	defer mrz.SwitchOff()
	if err := mrz.SwitchOff("shapes"); err != nil {
		t.Fatal(err)
	}
	if slices.Contains(mrz.GlyphPasses(), "shapes") {
		t.Error("shapes switched off and still run")
	}
}
