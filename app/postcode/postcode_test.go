package postcode_test

import (
	"slices"
	"testing"

	"github.com/idpro/idpro/app/postcode"
	"github.com/idpro/idpro/assets"
)

func TestEmbeddedList(t *testing.T) {
	idx, err := postcode.Parse(assets.Postcodes)
	if err != nil {
		t.Fatal(err)
	}
	if len(idx) < 1000 {
		t.Fatalf("only %d postcodes", len(idx))
	}
	if got := idx.Names("4000"); !slices.Contains(got, "Liège") {
		t.Errorf("4000 = %v, want Liège with its accent repaired", got)
	}
	if !slices.Contains(idx.Names("9850"), "Deinze") || !idx.Known("1000") || idx.Known("0999") {
		t.Error("split multi-postcode rows or lookups wrong")
	}
	for code, names := range idx {
		for _, n := range names {
			for i, r := range []rune(n) {
				if i > 0 && r >= 'À' && r <= 'Ý' && []rune(n)[i-1] >= 'a' {
					t.Errorf("%s %q still has a broken capital", code, n)
				}
			}
		}
	}
}

func TestParseRejectsOtherFiles(t *testing.T) {
	if _, err := postcode.Parse([]byte("a,b\n1,2\n")); err == nil {
		t.Error("wrong header accepted")
	}
}
