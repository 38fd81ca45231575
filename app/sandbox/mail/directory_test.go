package mail

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"testing"
	"time"

	"github.com/idpro/idpro/app"
)

const from = "belgianIDpro sandbox <noreply@sandbox.example>"

func TestDirectoryWritesReadableMessages(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "outbox")
	d, err := NewDirectory(dir, from)
	if err != nil {
		t.Fatal(err)
	}
	first := message("nl", app.InfoRequested)
	first.Question = "Waar is de werknemer geboren?"
	later := message("en", app.Answered)
	later.Changed = changed.Add(time.Minute)
	sameTime := message("fr", app.Answered)
	sameTime.Changed = later.Changed
	for _, m := range []Message{later, first, sameTime} { // written out of order
		if err := d.Send(context.Background(), m); err != nil {
			t.Fatal(err)
		}
	}
	names := emlFiles(t, dir)
	if len(names) != 3 {
		t.Fatalf("files %q, want 3 .eml files and nothing else", names)
	}
	// Sorted by name is sorted by time of change: first, then the two at
	// the same minute in the order written.
	for i, want := range []Message{first, later, sameTime} {
		data, err := os.ReadFile(filepath.Join(dir, names[i]))
		if err != nil {
			t.Fatal(err)
		}
		checkReceived(t, envelope{from: "noreply@sandbox.example", to: []string{want.To}, data: data}, want.To, want.language())
		if wantBytes, _ := want.Bytes(from); !bytes.Equal(data, wantBytes) {
			t.Errorf("%s differs from the message's bytes", names[i])
		}
		if !bytes.Contains(data, []byte("\r\n")) || bytes.Contains(bytes.ReplaceAll(data, []byte("\r\n"), nil), []byte("\n")) {
			t.Errorf("%s: lines do not all end in CRLF", names[i])
		}
		if info, _ := os.Stat(filepath.Join(dir, names[i])); runtime.GOOS != "windows" && info.Mode().Perm() != 0o600 {
			t.Errorf("%s is %v, want readable by the user only", names[i], info.Mode().Perm())
		}
	}
	if names[0] != "20261207T093000.000000000Z-BIS-100001-info_requested.eml" {
		t.Errorf("first file is %q", names[0])
	}
}

func TestDirectorySameBytesAsSMTP(t *testing.T) {
	srv, cfg := startServer(t, NoTLS, "", "")
	cfg.From = from
	m := message("de", app.Allocated)
	send(t, cfg, m)
	d, err := NewDirectory(t.TempDir(), from)
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Send(context.Background(), m); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(d.Dir(), emlFiles(t, d.Dir())[0]))
	if err != nil {
		t.Fatal(err)
	}
	if got := only(t, srv).data; !bytes.Equal(got, data) {
		t.Errorf("SMTP delivered\n%s\nthe folder holds\n%s", got, data)
	}
}

func TestDirectoryRefuses(t *testing.T) {
	d, err := NewDirectory(t.TempDir(), from)
	if err != nil {
		t.Fatal(err)
	}
	bad := message("en", app.Draft)
	if err := d.Send(context.Background(), bad); !errors.Is(err, ErrInvalid) {
		t.Errorf("draft: err = %v, want ErrInvalid", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := d.Send(ctx, message("en", app.Received)); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: err = %v", err)
	}
	if entries, _ := os.ReadDir(d.Dir()); len(entries) != 0 {
		t.Errorf("refused messages left %d files", len(entries))
	}
}

// emlFiles lists dir sorted, failing on anything but .eml files (a
// half-written temporary file left behind).
func emlFiles(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		if filepath.Ext(e.Name()) != ".eml" {
			t.Errorf("unexpected file %s", e.Name())
		}
		names = append(names, e.Name())
	}
	slices.Sort(names)
	return names
}
