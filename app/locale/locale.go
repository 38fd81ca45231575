// Package locale says things in the user's language: nl, fr, de or en.
// Messages live in assets/translations/<area>/<lang>.json; an *app.Error
// is said through its Code. The catalog is passed to the code that needs
// it rather than kept global, so tests can pick a language.
package locale

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/idpro/idpro/app"
	golocale "github.com/jeandeaual/go-locale"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

// Supported languages, in the order offered to the user.
var Supported = []string{"nl", "fr", "de", "en"}

// Catalog translates message keys into one language, falling back to
// English for a key that language lacks.
type Catalog struct {
	lang string
	loc  *i18n.Localizer
}

// New loads every <area>/<lang>.json below root of fsys.
func New(fsys fs.FS, root, lang string) (*Catalog, error) {
	bundle := i18n.NewBundle(language.English)
	err := fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path.Ext(p) != ".json" {
			return err
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		// go-i18n takes the language from the file name.
		_, err = bundle.ParseMessageFileBytes(data, path.Base(p))
		if err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	lang = Match(lang)
	return &Catalog{lang: lang, loc: i18n.NewLocalizer(bundle, lang, "en")}, nil
}

// Match returns the supported language closest to tag ("nl-BE" -> "nl"),
// or English.
func Match(tag string) string {
	base, _, _ := strings.Cut(strings.ReplaceAll(strings.ToLower(tag), "_", "-"), "-")
	for _, s := range Supported {
		if base == s {
			return s
		}
	}
	return "en"
}

// System returns the user's language from the operating system, if
// supported.
func System() string {
	tags, _ := golocale.GetLocales()
	for _, t := range tags {
		if m := Match(t); m != "en" || strings.HasPrefix(strings.ToLower(t), "en") {
			return m
		}
	}
	return "en"
}

// Lang is the catalog's language.
func (c *Catalog) Lang() string { return c.lang }

// T returns the message for key, its {{.name}} placeholders filled from
// key/value pairs. A key without a message comes back as itself, so a
// missing translation shows but does not break the screen.
func (c *Catalog) T(key string, kv ...any) string {
	var data map[string]any
	if len(kv) > 0 {
		data = make(map[string]any, len(kv)/2)
		for i := 0; i+1 < len(kv); i += 2 {
			data[fmt.Sprint(kv[i])] = kv[i+1]
		}
	}
	return c.data(key, data)
}

func (c *Catalog) data(key string, data map[string]any) string {
	s, err := c.loc.Localize(&i18n.LocalizeConfig{MessageID: key, TemplateData: data})
	if err != nil {
		return key
	}
	return s
}

// Has tells whether key has a message.
func (c *Catalog) Has(key string) bool {
	_, err := c.loc.Localize(&i18n.LocalizeConfig{MessageID: key})
	return err == nil
}

// Error says err to the user: through its code when it is an *app.Error,
// as an unexpected error otherwise.
func (c *Catalog) Error(err error) string {
	if err == nil {
		return ""
	}
	var e *app.Error
	if errors.As(err, &e) && c.Has(e.Code) {
		return c.data(e.Code, e.Data)
	}
	return c.T("error.unexpected", "detail", err.Error())
}
