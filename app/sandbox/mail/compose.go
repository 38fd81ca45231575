package mail

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	htmltemplate "html/template"
	"net/mail"
	"strings"
	"text/template"

	gomail "github.com/wneessen/go-mail"
)

//go:embed templates
var templates embed.FS

// The templates are embedded, so a template that does not parse is a
// programming error that every test run meets first.
var (
	phrases    = parsePhrases()
	textLayout = template.Must(template.ParseFS(templates, "templates/layout.txt.tmpl")).Option("missingkey=error")
	htmlLayout = htmltemplate.Must(htmltemplate.ParseFS(templates, "templates/layout.html.tmpl")).Option("missingkey=error")
)

// parsePhrases reads templates/<lang>.tmpl: per status a subject and a
// body, and the labels the layouts use.
func parsePhrases() map[string]*template.Template {
	out := map[string]*template.Template{}
	for _, lang := range Languages {
		out[lang] = template.Must(template.New(lang).Option("missingkey=error").ParseFS(templates, "templates/"+lang+".tmpl"))
	}
	return out
}

// view is what the layouts show; every text is already in the message's
// language, and the HTML layout escapes it.
type view struct {
	Lang, Subject, Greeting, Body, Footer string
	QuestionLabel, Question               string
	ReasonLabel, Reason                   string
	LinkLabel, Link                       string
}

// rendered is a message in words.
type rendered struct {
	subject, text, html string
}

func (m Message) render() (rendered, error) {
	lang := m.language()
	t := phrases[lang]
	var firstErr error
	say := func(name string) string {
		var b strings.Builder
		if err := t.ExecuteTemplate(&b, name, struct{ Reference, Initials string }{m.Reference, m.Initials}); err != nil && firstErr == nil {
			firstErr = fmt.Errorf("mail: %s template %q: %w", lang, name, err)
		}
		return b.String()
	}
	v := view{
		Lang: lang, Subject: say("subject." + string(m.Status)), Greeting: say("greeting"),
		Body: say("body." + string(m.Status)), Footer: say("footer"),
		Question: strings.TrimSpace(m.Question), Reason: strings.TrimSpace(m.Reason), Link: m.Link,
	}
	if v.Question != "" {
		v.QuestionLabel = say("question")
	}
	if v.Reason != "" {
		v.ReasonLabel = say("reason")
	}
	if v.Link != "" {
		v.LinkLabel = say("link")
	}
	if firstErr != nil {
		return rendered{}, firstErr
	}
	var text, html bytes.Buffer
	if err := textLayout.Execute(&text, v); err != nil {
		return rendered{}, fmt.Errorf("mail: text layout: %w", err)
	}
	if err := htmlLayout.Execute(&html, v); err != nil {
		return rendered{}, fmt.Errorf("mail: HTML layout: %w", err)
	}
	return rendered{subject: v.Subject, text: text.String(), html: html.String()}, nil
}

// compose builds the RFC 5322 message from the sender from. The same
// Message gives the same bytes: the Message-ID and the MIME boundary derive
// from it, and the Date is the time of the change, so a message sent again
// after a failure is recognisable as the same one.
func (m Message) compose(from string) (*gomail.Msg, error) {
	if err := m.validate(); err != nil {
		return nil, err
	}
	sender, err := mail.ParseAddress(from)
	if err != nil {
		return nil, fmt.Errorf("mail: sender %q: %w", from, err)
	}
	r, err := m.render()
	if err != nil {
		return nil, err
	}
	id := m.id()
	msg := gomail.NewMsg(gomail.WithNoDefaultUserAgent(), gomail.WithBoundary("idpro-"+id))
	msg.FromMailAddress(sender)
	if err := msg.To(m.To); err != nil {
		return nil, fmt.Errorf("%w: recipient %q: %v", ErrInvalid, m.To, err)
	}
	msg.Subject(r.subject)
	msg.SetMessageIDWithValue(id + "@" + domain(sender.Address))
	msg.SetDateWithValue(m.Changed)
	msg.SetGenHeader(gomail.HeaderContentLang, m.language())
	// RFC 3834: tells mail servers not to answer with out-of-office replies.
	msg.SetGenHeader("Auto-Submitted", "auto-generated")
	msg.SetBodyString(gomail.TypeTextPlain, r.text)
	msg.AddAlternativeString(gomail.TypeTextHTML, r.html)
	return msg, nil
}

// id identifies the message: the same recipient, request, status and time
// give the same id, without spelling out any of them.
func (m Message) id() string {
	sum := sha256.Sum256(fmt.Appendf(nil, "%s\x00%s\x00%s\x00%d", strings.ToLower(m.To), m.Reference, m.Status, m.Changed.UnixNano()))
	return hex.EncodeToString(sum[:12])
}

func domain(address string) string {
	if i := strings.LastIndexByte(address, '@'); i >= 0 {
		return address[i+1:]
	}
	return "localhost"
}

// Bytes is the message as SMTP sends it and Directory writes it, from the
// sender from.
func (m Message) Bytes(from string) ([]byte, error) {
	msg, err := m.compose(from)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if _, err := msg.WriteTo(&b); err != nil {
		return nil, fmt.Errorf("mail: writing the message: %w", err)
	}
	return b.Bytes(), nil
}
