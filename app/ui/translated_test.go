package ui

import (
	"encoding/json"
	"io/fs"
	"path"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/idpro/idpro/assets"
	"github.com/idpro/idpro/scan"
)

// sameAsEnglish are the keys whose translation rightly reads as the
// English: names, codes and words the languages share.
var sameAsEnglish = map[string]bool{
	"ui.settings.lang.nl": true, "ui.settings.lang.fr": true, "ui.settings.lang.de": true, "ui.settings.lang.en": true,
	"ui.history.col.insz":       true, // a code
	"ui.history.col.status":     true, // nl, de
	"ui.history.details":        true, // nl, de
	"ui.scan.device":            true, // Scanner
	"ui.settings.tab.account":   true, // nl
	"ui.settings.dpi":           true, // a unit
	"ui.settings.about_version": true, // fr
	"ui.field.document":         true, // nl, fr
	"ui.field.name":             true, // de
}

// catalogText is every translation in assets, by language and key.
func catalogText(t *testing.T) map[string]map[string]string {
	t.Helper()
	out := map[string]map[string]string{}
	err := fs.WalkDir(assets.Translations, "translations", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path.Ext(p) != ".json" {
			return err
		}
		data, err := fs.ReadFile(assets.Translations, p)
		if err != nil {
			return err
		}
		var m map[string]any
		if err := json.Unmarshal(data, &m); err != nil {
			return err
		}
		lang := strings.TrimSuffix(path.Base(p), ".json")
		if out[lang] == nil {
			out[lang] = map[string]string{}
		}
		for k, v := range m {
			if s, ok := v.(string); ok {
				out[lang][k] = s
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// placeholderRE finds a template's {{.values}}, which match any text.
var placeholderRE = regexp.MustCompile(`\{\{[^}]*\}\}`)

// pattern matches what a translation looks like once filled in; nil for
// one without a letter of its own.
func pattern(v string) *regexp.Regexp {
	if !strings.ContainsFunc(placeholderRE.ReplaceAllString(v, ""), unicode.IsLetter) {
		return nil
	}
	parts := placeholderRE.Split(v, -1)
	for i := range parts {
		parts[i] = regexp.QuoteMeta(parts[i])
	}
	return regexp.MustCompile(`(?s)^` + strings.Join(parts, ".*") + `$`)
}

// shownTexts is every text a user can read in o: labels, buttons,
// selects (placeholder, choice, options), entries' placeholders, checks,
// form items and hints, cards, tabs and drawn text.
func shownTexts(o fyne.CanvasObject) []string {
	var out []string
	for _, obj := range test.LaidOutObjects(o) {
		switch w := obj.(type) {
		case *widget.Label:
			out = append(out, w.Text)
		case *widget.Button:
			out = append(out, w.Text)
		case *widget.Select:
			out = append(out, w.PlaceHolder, w.Selected)
			out = append(out, w.Options...)
		case *widget.Entry:
			out = append(out, w.PlaceHolder)
		case *widget.Check:
			out = append(out, w.Text)
		case *widget.Form:
			for _, it := range w.Items {
				out = append(out, it.Text, it.HintText)
			}
		case *widget.Card:
			out = append(out, w.Title, w.Subtitle)
		case *container.AppTabs:
			for _, it := range w.Items {
				out = append(out, it.Text)
			}
		case *canvas.Text:
			out = append(out, w.Text)
		}
	}
	return out
}

// drawn paints the window as the user would see it, so a screen that the
// painter cannot draw (a nil colour) fails here, not on a user's desk.
func drawn(t *testing.T, c fyne.Canvas) {
	t.Helper()
	if img := c.Capture(); img.Bounds().Empty() {
		t.Error("nothing drawn")
	}
}

// untranslated checks the texts of a screen in lang: none may be an
// English text that lang says otherwise (a label built once, Fyne's
// "(Select one)"), and one that lang says as English is suspicious
// unless its key is in sameAsEnglish.
func untranslated(t *testing.T, screen, lang string, cat map[string]map[string]string, texts []string) {
	t.Helper()
	type pat struct {
		key string
		re  *regexp.Regexp
	}
	var en, local []pat
	for k, v := range cat["en"] {
		if re := pattern(v); re != nil {
			en = append(en, pat{k, re})
		}
	}
	for k, v := range cat[lang] {
		if re := pattern(v); re != nil {
			local = append(local, pat{k, re})
		}
	}
	seen := map[string]bool{}
	for _, s := range texts {
		s = strings.TrimSpace(s)
		if s == "" || seen[s] {
			continue
		}
		seen[s] = true
		if s == "(Select one)" {
			t.Errorf("%s in %s: Fyne's English placeholder %q", screen, lang, s)
			continue
		}
		var enKey string
		for _, p := range en {
			if p.re.MatchString(s) {
				enKey = p.key
				break
			}
		}
		if enKey == "" {
			continue
		}
		localKey := ""
		for _, p := range local {
			if p.re.MatchString(s) {
				localKey = p.key
				break
			}
		}
		switch {
		case localKey == "":
			t.Errorf("%s in %s: %q is English (%s)", screen, lang, s, enKey)
		case cat[lang][localKey] == cat["en"][localKey] && !sameAsEnglish[localKey]:
			t.Errorf("%s in %s: %q reads as the English (%s); translate it or list it in sameAsEnglish", screen, lang, s, localKey)
		}
	}
}

// Every screen of the history, the settings, the Scan dialog, a
// request's details and the backup's passphrase speaks Dutch, French
// and German, nothing left in English, and can be drawn.
func TestScreensAreTranslated(t *testing.T) {
	cat := catalogText(t)
	t.Cleanup(func() { followLanguage("en") })
	for _, lang := range []string{"nl", "fr", "de"} {
		t.Run(lang, func(t *testing.T) {
			e := newEnvWith(t, nil, fakeScanners{
				{Backend: scan.SANE, ID: "pnm:0", Vendor: "Noname", Model: "PNM file reader"},
				{Backend: scan.SANE, ID: "pnm:1", Vendor: "Noname", Model: "PNM file reader"},
			})
			reqs := threeRequests()
			seedHistory(t, e, reqs...)
			if err := e.u.applyLanguage(lang); err != nil {
				t.Fatal(err)
			}
			u := e.u
			u.DataDir = e.dir // the About tab says where data is kept
			c := u.win.Canvas()

			h := showHistory(e, 1000, 720)
			h.table.Select(widget.TableCellID{Row: 1})
			texts := shownTexts(c.Content())
			for _, m := range u.win.MainMenu().Items {
				texts = append(texts, m.Label)
				for _, it := range m.Items {
					texts = append(texts, it.Label)
				}
			}
			untranslated(t, "the window and its history", lang, cat, texts)
			drawn(t, c)

			asked, err := e.store.Request(reqs[1].ID)
			if err != nil {
				t.Fatal(err)
			}
			h.view.show(asked)
			untranslated(t, "a request's details", lang, cat, shownTexts(c.Overlays().Top()))
			drawn(t, c)
			h.view.dialog.Hide()

			tabs, top := openSettings(t, e)
			for i := range tabs.Items {
				tabs.SelectIndex(i)
				untranslated(t, "the settings' "+tabs.Items[i].Text, lang, cat, shownTexts(top))
				drawn(t, c)
			}
			test.Tap(buttonNamed(t, top, u.T("ui.cancel")))

			u.wizard.docs.openScanner()
			e.u.Wait()
			s := u.wizard.docs.scanning
			untranslated(t, "the Scan dialog, looking", lang, cat, shownTexts(c.Overlays().Top()))
			s.pick.SetSelectedIndex(0)
			e.u.Wait()
			untranslated(t, "the Scan dialog", lang, cat, shownTexts(c.Overlays().Top()))
			drawn(t, c)
			s.close()

			u.askRecovery(func() {})
			untranslated(t, "the backup's passphrase", lang, cat, shownTexts(c.Overlays().Top()))
			c.Overlays().Remove(c.Overlays().Top())
		})
	}
}
