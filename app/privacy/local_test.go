package privacy_test

import (
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/idpro/idpro/app/sandbox"
	"github.com/idpro/idpro/app/sandbox/mail"
	"github.com/idpro/idpro/app/sandbox/sandboxtest"
	"github.com/idpro/idpro/store"
)

// Another user of the computer can neither read the files idpro writes
// (the history, the sandbox's data, its mail folder) nor list them.
func TestFilesAreTheUsersOnly(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Windows keeps a profile's files to its user by ACL, not mode bits")
	}
	dir := filepath.Join(t.TempDir(), "idpro")
	st, err := store.Open(filepath.Join(dir, "idpro.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	sb, err := sandbox.Open(filepath.Join(dir, "sandbox", "sandbox.db"), sandbox.Options{})
	if err != nil {
		t.Fatal(err)
	}
	sb.Close()
	if _, err := mail.NewDirectory(filepath.Join(dir, "mail"), "noreply@sandbox.example"); err != nil {
		t.Fatal(err)
	}
	want := map[string]os.FileMode{
		dir: 0o700, filepath.Join(dir, "idpro.db"): 0o600,
		filepath.Join(dir, "sandbox"): 0o700, filepath.Join(dir, "sandbox", "sandbox.db"): 0o600,
		filepath.Join(dir, "mail"): 0o700,
	}
	for path, mode := range want {
		info, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if info.Mode().Perm() != mode {
			t.Errorf("%s is %v, want %v", path, info.Mode().Perm(), mode)
		}
	}
}

// The sandbox listens on loopback, where every local user can reach it:
// its clerk's routes (which move requests on and read their data) answer
// only the clerk key, kept in a file of the user's.
func TestClerkRoutesNeedTheKey(t *testing.T) {
	srv := sandboxtest.Start(t, "", sandbox.Options{})
	for key, want := range map[string]int{
		"":                          http.StatusUnauthorized,
		"wrong":                     http.StatusUnauthorized,
		srv.Sandbox.ClerkKey()[:10]: http.StatusUnauthorized,
		srv.Sandbox.ClerkKey():      http.StatusOK,
	} {
		req, _ := http.NewRequest(http.MethodGet, srv.URL+"/clerk/requests", nil)
		if key != "" {
			req.Header.Set(sandbox.HeaderClerkKey, key)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("clerk list with key %q: HTTP %d, want %d", key, resp.StatusCode, want)
		}
	}
}
