package locale_test

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"encoding/json"

	"github.com/idpro/idpro/app"
	"github.com/idpro/idpro/app/locale"
	"github.com/idpro/idpro/assets"
)

func TestEveryAreaHasEveryLanguageAndKey(t *testing.T) {
	areas, err := fs.ReadDir(assets.Translations, "translations")
	if err != nil {
		t.Fatal(err)
	}
	placeholder := regexp.MustCompile(`\{\{\s*\.(\w+)\s*\}\}`)
	for _, area := range areas {
		var ref map[string]string
		for _, lang := range []string{"en", "nl", "fr", "de"} {
			data, err := fs.ReadFile(assets.Translations, "translations/"+area.Name()+"/"+lang+".json")
			if err != nil {
				t.Errorf("area %s: %v", area.Name(), err)
				continue
			}
			var m map[string]string
			if err := json.Unmarshal(data, &m); err != nil {
				t.Errorf("%s/%s.json: %v", area.Name(), lang, err)
				continue
			}
			if ref == nil {
				ref = m
				continue
			}
			for k, en := range ref {
				msg, ok := m[k]
				if !ok {
					t.Errorf("%s/%s.json lacks %q", area.Name(), lang, k)
					continue
				}
				for _, p := range placeholder.FindAllStringSubmatch(en, -1) {
					if !strings.Contains(msg, "."+p[1]) {
						t.Errorf("%s/%s.json %q lacks placeholder %s", area.Name(), lang, k, p[1])
					}
				}
			}
			for k := range m {
				if _, ok := ref[k]; !ok {
					t.Errorf("%s/%s.json has %q, en.json does not", area.Name(), lang, k)
				}
			}
		}
	}
}

// TestErrorCodesAreTranslated reads the source for every app.Errorf code,
// so no user ever sees a bare message key.
func TestErrorCodesAreTranslated(t *testing.T) {
	root := filepath.Join("..", "..")
	code := regexp.MustCompile(`(?:\bErrorf\(|writeProblem\([^"]*)"([a-z]+\.[a-z_.]+)"`)
	found := map[string]string{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return err
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, m := range code.FindAllStringSubmatch(string(src), -1) {
			found[m[1]] = p
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(found) < 20 {
		t.Fatalf("only %d codes found: the pattern is broken", len(found))
	}
	for _, lang := range locale.Supported {
		c, err := locale.New(assets.Translations, "translations", lang)
		if err != nil {
			t.Fatal(err)
		}
		for k, where := range found {
			if !c.Has(k) {
				t.Errorf("%s: no %s message for %q", where, lang, k)
			}
		}
	}
}

func TestCatalog(t *testing.T) {
	nl, err := locale.New(assets.Translations, "translations", "nl-BE")
	if err != nil {
		t.Fatal(err)
	}
	if nl.Lang() != "nl" {
		t.Errorf("nl-BE matched %q", nl.Lang())
	}
	en, _ := locale.New(assets.Translations, "translations", "C")
	err = app.Errorf("request.too_many_pages", nil, "max", 4)
	if got := en.Error(err); !strings.Contains(got, "at most 4 pages") {
		t.Errorf("en: %q", got)
	}
	if got := nl.Error(err); got == en.Error(err) || !strings.Contains(got, "4") {
		t.Errorf("nl: %q", got)
	}
	if got := en.Error(errors.New("boom")); !strings.Contains(got, "boom") {
		t.Errorf("plain error: %q", got)
	}
	if got := en.T("no.such.key"); got != "no.such.key" {
		t.Errorf("missing key: %q", got)
	}
	for in, want := range map[string]string{"fr_BE.UTF-8": "fr", "de": "de", "pt-BR": "en", "": "en"} {
		if got := locale.Match(in); got != want {
			t.Errorf("Match(%q) = %q, want %q", in, got, want)
		}
	}
	if !slices.Equal(locale.Supported, []string{"nl", "fr", "de", "en"}) {
		t.Error("supported languages changed")
	}
}
