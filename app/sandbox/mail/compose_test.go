package mail

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/idpro/idpro/app"
)

var changed = time.Date(2026, 12, 7, 9, 30, 0, 0, time.UTC)

// worker is what the sandbox knows about the worker of the test request;
// only the initials may reach a message.
var worker = struct {
	given, surname, insz, doc string
	secrets                   []string
}{
	given: "Zbigniew", surname: "Kowalski", insz: "85073003328", doc: "EK4711923",
	secrets: []string{"Zbigniew", "Kowalski", "KOWALSKI", "85073003328", "85.07.30-033.28", "EK4711923",
		"1985-07-30", "30/07/1985", "30.07.1985"},
}

func message(lang string, status app.Status) Message {
	return Message{
		To: "hr@example.be", Lang: lang, Reference: "BIS-100001",
		Initials: Initials(worker.given, worker.surname), Status: status, Changed: changed,
	}
}

// words says, per language, a word each subject and each body in that
// language has, and no other language's has.
var words = map[string]struct{ subject, body string }{
	"en": {"Request", "request"},
	"nl": {"Aanvraag", "aanvraag"},
	"fr": {"Demande", "demande"},
	"de": {"Antrag", "Antrag"},
}

func TestEveryStatusInEveryLanguage(t *testing.T) {
	for _, lang := range Languages {
		for _, status := range Statuses {
			r, err := message(lang, status).render()
			if err != nil {
				t.Errorf("%s %s: %v", lang, status, err)
				continue
			}
			w := words[lang]
			if !strings.Contains(r.subject, w.subject) || !strings.Contains(r.subject, "BIS-100001") {
				t.Errorf("%s %s: subject %q", lang, status, r.subject)
			}
			for part, body := range map[string]string{"text": r.text, "html": r.html} {
				if !strings.Contains(body, w.body) || !strings.Contains(body, "BIS-100001") || !strings.Contains(body, "Z. K.") {
					t.Errorf("%s %s %s body lacks the language, reference or initials:\n%s", lang, status, part, body)
				}
			}
		}
	}
}

// TestNoTwoStatusesAlike catches a status whose text was copied from
// another and not rewritten.
func TestNoTwoStatusesAlike(t *testing.T) {
	for _, lang := range Languages {
		seen := map[string]app.Status{}
		for _, status := range Statuses {
			r, err := message(lang, status).render()
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range []string{r.subject, r.text} {
				if other, ok := seen[s]; ok {
					t.Errorf("%s: %s says the same as %s", lang, status, other)
				}
				seen[s] = status
			}
		}
	}
}

func TestLanguageFallback(t *testing.T) {
	for lang, want := range map[string]string{"nl-BE": "nl", "FR_be": "fr", "de": "de", "": "en", "pl": "en", "english": "en"} {
		if got := (Message{Lang: lang}).language(); got != want {
			t.Errorf("language of %q = %q, want %q", lang, got, want)
		}
	}
}

func TestQuestionReasonLinkShown(t *testing.T) {
	m := message("fr", app.InfoRequested)
	m.Question = "Quel est le lieu de naissance ?\nUne page du passeport <illisible> & floue."
	m.Link = "https://sandbox.example/requests/BIS-100001?x=1&y=2"
	r, err := m.render()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Notre question :", "Quel est le lieu de naissance ?", "<illisible> & floue", "Voir la demande : " + m.Link} {
		if !strings.Contains(r.text, want) {
			t.Errorf("text lacks %q:\n%s", want, r.text)
		}
	}
	for _, want := range []string{"&lt;illisible&gt; &amp; floue", `href="https://sandbox.example/requests/BIS-100001?x=1&amp;y=2"`} {
		if !strings.Contains(r.html, want) {
			t.Errorf("HTML lacks %q (escaped):\n%s", want, r.html)
		}
	}
	m = message("de", app.Rejected)
	m.Reason = "Dokument abgelaufen"
	if r, _ := m.render(); !strings.Contains(r.text, "Grund: Dokument abgelaufen") || !strings.Contains(r.html, "Dokument abgelaufen") {
		t.Errorf("the reason is not shown:\n%s\n%s", r.text, r.html)
	}
}

func TestBytesStable(t *testing.T) {
	m := message("nl", app.Allocated)
	a, err := m.Bytes("idpro@sandbox.example")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := m.Bytes("idpro@sandbox.example")
	if !bytes.Equal(a, b) {
		t.Fatal("the same message gave two byte strings")
	}
	m.Changed = m.Changed.Add(time.Second)
	if c, _ := m.Bytes("idpro@sandbox.example"); bytes.Equal(a, c) {
		t.Fatal("a later change gave the same message")
	}
	for _, header := range []string{"Message-ID: <", "@sandbox.example>", "Date: Mon, 07 Dec 2026 09:30:00 +0000", "Content-Language: nl", "Auto-Submitted: auto-generated", "multipart/alternative"} {
		if !bytes.Contains(a, []byte(header)) {
			t.Errorf("message lacks %q:\n%s", header, a)
		}
	}
}

func TestInvalidMessages(t *testing.T) {
	for name, change := range map[string]func(*Message){
		"no recipient":        func(m *Message) { m.To = "" },
		"bad recipient":       func(m *Message) { m.To = "hr at example.be" },
		"no reference":        func(m *Message) { m.Reference = " " },
		"a name as initials":  func(m *Message) { m.Initials = "Zbigniew K." },
		"no initials":         func(m *Message) { m.Initials = "" },
		"too many initials":   func(m *Message) { m.Initials = "A. B. C. D. E." },
		"draft":               func(m *Message) { m.Status = app.Draft },
		"queued":              func(m *Message) { m.Status = app.Queued },
		"unknown status":      func(m *Message) { m.Status = "lost" },
		"no time":             func(m *Message) { m.Changed = time.Time{} },
		"link not http":       func(m *Message) { m.Link = "file:///etc/passwd" },
		"header in reference": func(m *Message) { m.Reference = "BIS-1\r\nBcc: x@example.com" },
	} {
		m := message("en", app.Received)
		change(&m)
		if _, err := m.Bytes("idpro@sandbox.example"); !errors.Is(err, ErrInvalid) {
			t.Errorf("%s: err = %v, want ErrInvalid", name, err)
		}
	}
}

func TestInitials(t *testing.T) {
	for _, tc := range []struct{ given, surname, want string }{
		{"Łukasz", "Wróbel", "Ł. W."},
		{"Jürgen Klaus", "Müller-Lüdenscheidt", "J. M."},
		{"", "Sousa", "S."},
		{"ışık", "çelik", "I. Ç."},
	} {
		got := Initials(tc.given, tc.surname)
		if got != tc.want || !initialsOnly(got) {
			t.Errorf("Initials(%q, %q) = %q, want %q", tc.given, tc.surname, got, tc.want)
		}
	}
	for s, ok := range map[string]bool{"J. K.": true, "J.-P. M.": true, "JK": false, "Jan": false, "J. K. 1": false} {
		if initialsOnly(s) != ok {
			t.Errorf("initialsOnly(%q) = %v", s, !ok)
		}
	}
}

// TestLanguagesDefineTheSame catches a misspelt template name, which the
// status test would only see as a missing one.
func TestLanguagesDefineTheSame(t *testing.T) {
	names := func(lang string) []string {
		var out []string
		for _, tmpl := range phrases[lang].Templates() {
			if !strings.HasSuffix(tmpl.Name(), ".tmpl") { // the file itself
				out = append(out, tmpl.Name())
			}
		}
		slices.Sort(out)
		return out
	}
	want := names(Languages[0])
	if len(want) != 2*len(Statuses)+5 {
		t.Errorf("%s defines %d templates, want a subject and body per status and 5 labels: %q", Languages[0], len(want), want)
	}
	for _, lang := range Languages[1:] {
		if got := names(lang); !slices.Equal(got, want) {
			t.Errorf("%s defines %q,\nwant %q", lang, got, want)
		}
	}
}
