package sandbox

import (
	"context"
	"strings"
	"time"

	"github.com/idpro/idpro/app"
	"github.com/idpro/idpro/app/locale"
	"github.com/idpro/idpro/app/sandbox/mail"
	"github.com/idpro/idpro/assets"
)

// mailTimeout bounds one message's delivery: a slow mail server never
// holds a request up, it only delays the mail.
const mailTimeout = 30 * time.Second

// notify mails the requester the status a change brought the request
// to, after the change is stored, off the request's goroutine. A change
// that passes through several statuses at once (received, then
// allocated) is one message: the one that matters.
func (s *Sandbox) notify(rec record) {
	if s.opt.Mail == nil || rec.Receipt.Email == "" || len(rec.changed) == 0 {
		return
	}
	initials := ""
	if p := rec.Receipt.Person; p != nil {
		initials = p.Initials()
	}
	for _, st := range rec.changed[len(rec.changed)-1:] {
		m := mail.Message{To: rec.Receipt.Email, Lang: rec.Lang, Reference: rec.Receipt.ID, Initials: initials,
			Status: st, Changed: rec.Receipt.Updated}
		switch st {
		case app.InfoRequested:
			m.Question = s.words(rec.Lang, rec.Receipt.Question)
		case app.Rejected:
			m.Reason = s.say(rec.Lang, rec.Receipt.Message, rec.Receipt.Data)
			if ev := rec.Receipt.Timeline; len(ev) > 0 && ev[len(ev)-1].Note != "" {
				m.Reason = ev[len(ev)-1].Note
			}
		}
		s.mailing.Add(1)
		go func() {
			defer s.mailing.Done()
			ctx, cancel := context.WithTimeout(context.Background(), mailTimeout)
			defer cancel()
			if err := s.opt.Mail.Send(ctx, m); err != nil {
				s.log.Warn("status mail not sent", "id", m.Reference, "status", m.Status, "err", err)
			}
		}()
	}
}

// say puts a message key into the requester's language.
func (s *Sandbox) say(lang, key string, data map[string]string) string {
	if key == "" {
		return ""
	}
	cat, err := locale.New(assets.Translations, "translations", lang)
	if err != nil {
		return ""
	}
	kv := make([]any, 0, 2*len(data))
	for k, v := range data {
		kv = append(kv, k, v)
	}
	return cat.T(key, kv...)
}

// words is a question as the requester reads it: the clerk's own words,
// else the rule's message with the fields asked for.
func (s *Sandbox) words(lang string, q *app.Question) string {
	if q == nil {
		return ""
	}
	if q.Text != "" {
		return q.Text
	}
	return s.say(lang, q.Code, map[string]string{"fields": s.fieldNames(lang, q.Fields)})
}

// fieldNames lists fields by their names in the form, in lang.
func (s *Sandbox) fieldNames(lang string, fields []string) string {
	names := make([]string, len(fields))
	for i, f := range fields {
		names[i] = s.say(lang, "ui.field."+f, nil)
	}
	return strings.Join(names, ", ")
}
