package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/idpro/idpro/app"
)

// withPassphraseStore gives a data directory whose store holds one draft,
// on a computer without a keychain: the commands read IDPRO_PASSPHRASE.
func withPassphraseStore(t *testing.T) (dir string, r *app.Request) {
	t.Helper()
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "") // no keychain
	t.Setenv(passphraseEnv, "history test passphrase")
	dir = t.TempDir()
	st, err := openStore(dir, envPassphrase)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	r = &app.Request{Status: app.Draft, Requester: "hr@example.be",
		Person: app.Person{Surname: "Wachowiakowska", GivenNames: "Zuzanna"},
		Pages:  []app.Page{{Label: "front", ContentType: "image/png", Data: []byte("page bytes")}}}
	if err := st.Save(r); err != nil {
		t.Fatal(err)
	}
	return dir, r
}

func TestHistoryCommand(t *testing.T) {
	dir, r := withPassphraseStore(t)
	var out, errb bytes.Buffer
	if code := run([]string{"history", "--data", dir}, nil, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if !strings.Contains(out.String(), "Wachowiakowska, Zuzanna") || !strings.Contains(out.String(), r.ID) {
		t.Errorf("history:\n%s", out.String())
	}
	out.Reset()
	if code := run([]string{"history", "--data", dir, "--json"}, nil, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	var list []app.Request
	if err := json.Unmarshal(out.Bytes(), &list); err != nil || len(list) != 1 || list[0].Person.Surname != "Wachowiakowska" {
		t.Errorf("history --json: %v\n%s", err, out.String())
	}
	t.Setenv(passphraseEnv, "")
	errb.Reset()
	if code := run([]string{"history", "--data", dir}, nil, &out, &errb); code != 1 || !strings.Contains(errb.String(), "IDPRO_PASSPHRASE") {
		t.Errorf("without the passphrase: exit %d, %q", code, errb.String())
	}
}

func TestBackupCommand(t *testing.T) {
	dir, r := withPassphraseStore(t)
	file := filepath.Join(t.TempDir(), "copy.db")
	var out, errb bytes.Buffer
	if code := run([]string{"backup", "--data", dir, file}, nil, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	raw, err := os.ReadFile(file)
	if err != nil || bytes.Contains(raw, []byte("Wachowiakowska")) {
		t.Fatalf("backup holds the name in clear, or %v", err)
	}
	// Restoring is putting the copy in a data directory.
	restored := t.TempDir()
	if err := os.WriteFile(filepath.Join(restored, storeFile), raw, 0o600); err != nil {
		t.Fatal(err)
	}
	st, err := openStore(restored, envPassphrase)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if got, err := st.Request(r.ID); err != nil || string(got.Pages[0].Data) != "page bytes" {
		t.Fatalf("restored %+v, %v", got, err)
	}
	if code := run([]string{"backup", "--data", dir}, nil, &out, &errb); code != 2 {
		t.Errorf("backup without FILE: exit %d", code)
	}
}
