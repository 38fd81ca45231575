package ui

import (
	"context"
	"image"
	"strings"
	"testing"
	"time"

	"github.com/idpro/idpro/ocr"
	"github.com/idpro/idpro/ocr/specimen"
)

// fixedReader reads the same MRZ on every page, with the review list the
// test gives it.
type fixedReader struct{ res ocr.Result }

func (r fixedReader) Read(context.Context, image.Image) (ocr.Result, error) { return r.res, nil }

// Step 2 marks the fields read from the MRZ where they are, and among
// them, with a warning sign, those the reading asks to compare with the
// document; a field the user corrects is no longer the MRZ's.
func TestMRZFieldsAreMarked(t *testing.T) {
	doc := specimen.Random(5, specimen.Passport)
	res := ocr.ParseAt(doc.MRZ(), time.Now())
	if !res.Found {
		t.Fatal("the specimen's MRZ does not parse")
	}
	res.Review = []ocr.Field{ocr.FieldGivenNames, ocr.FieldBirthDate}
	e := newEnv(t, fixedReader{res})
	toPersonStep(t, e)
	p := e.person()
	if p.surname.Text != res.Fields.Surname {
		t.Fatalf("not prefilled: surname %q, MRZ %q", p.surname.Text, res.Fields.Surname)
	}
	marks := p.marks.fields
	for _, f := range []ocr.Field{ocr.FieldSurname, ocr.FieldDocumentNumber, ocr.FieldNationality} {
		if m := marks[f]; !strings.Contains(m.item.HintText, "From the machine-readable zone.") || m.warn.Visible() {
			t.Errorf("%s: hint %q, warning shown %v; want marked as read from the MRZ", f, m.item.HintText, m.warn.Visible())
		}
	}
	for _, f := range res.Review {
		if m := marks[f]; !strings.Contains(m.item.HintText, "compare with the document") || !m.warn.Visible() {
			t.Errorf("%s: hint %q, warning shown %v; want marked to compare", f, m.item.HintText, m.warn.Visible())
		}
	}
	if !strings.Contains(marks[ocr.FieldSurname].item.HintText, "with accents") {
		t.Errorf("the surname lost its own hint: %q", marks[ocr.FieldSurname].item.HintText)
	}

	typeInto(p.given, "Zofia Maria")
	if m := marks[ocr.FieldGivenNames]; m.warn.Visible() || strings.Contains(m.item.HintText, "machine-readable") {
		t.Errorf("corrected given names still marked: %q", m.item.HintText)
	}
	typeInto(p.birthPlace, "Kraków")
	if m := marks[ocr.FieldSurname]; !strings.Contains(m.item.HintText, "machine-readable") {
		t.Error("a change elsewhere took the surname's mark away")
	}
}
