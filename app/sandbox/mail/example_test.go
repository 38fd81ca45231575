package mail_test

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/idpro/idpro/app"
	"github.com/idpro/idpro/app/sandbox/mail"
)

func ExampleDirectory() {
	dir, _ := os.MkdirTemp("", "outbox")
	defer os.RemoveAll(dir)
	var sender mail.Sender
	sender, _ = mail.NewDirectory(dir, "belgianIDpro sandbox <noreply@sandbox.example>")
	err := sender.Send(context.Background(), mail.Message{
		To: "hr@example.be", Lang: "nl-BE", Reference: "BIS-100001",
		Initials: mail.Initials("Łukasz", "Wróbel"), Status: app.InfoRequested,
		Changed:  time.Date(2026, 12, 7, 9, 30, 0, 0, time.UTC),
		Question: "Waar is de werknemer geboren?",
	})
	entries, _ := os.ReadDir(dir)
	fmt.Println(err, entries[0].Name())
	// Output: <nil> 20261207T093000.000000000Z-BIS-100001-info_requested.eml
}
