package desk_test

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/idpro/idpro/app"
	"github.com/idpro/idpro/app/desk"
	"github.com/idpro/idpro/app/locale"
	"github.com/idpro/idpro/app/secret"
	"github.com/idpro/idpro/app/secret/secrettest"
	"github.com/idpro/idpro/assets"
	"github.com/idpro/idpro/store"
)

// diskFullEnv names the store a child process of TestDiskFullKeepsTheLastDraft
// saves into, under a file-size limit.
const diskFullEnv = "IDPRO_TEST_DISKFULL_DB"

// diskFullKeys open one store in two processes: a passphrase, no keychain.
func diskFullKeys() store.Options {
	return store.Options{Keys: secret.Options{
		Keyring:    &secrettest.Keyring{Err: secret.ErrUnavailable},
		Params:     secret.Params{Time: 1, MemoryKiB: 64, Threads: 1},
		Passphrase: func(bool) (string, error) { return "disk full test passphrase", nil },
	}}
}

// The disk fills up while a draft is saved: simulated in a child
// process whose file-size limit (RLIMIT_FSIZE) is the store's size, so the
// store cannot grow for a draft with four large pages. The save fails with
// an error the user is shown in words, and the last good draft is still
// there, readable, after the limit is gone.
func TestDiskFullKeepsTheLastDraft(t *testing.T) {
	if path := os.Getenv(diskFullEnv); path != "" {
		diskFullChild(path)
		return
	}
	path := filepath.Join(t.TempDir(), "idpro.db")
	st, err := store.Open(path, diskFullKeys())
	if err != nil {
		t.Fatal(err)
	}
	good := request()
	good.Person.Surname = "Good"
	if err := desk.New(st, nil, nil, nil).SaveDraft(good); err != nil {
		t.Fatal(err)
	}
	st.Close()

	cmd := exec.Command(os.Args[0], "-test.run=^TestDiskFullKeepsTheLastDraft$", "-test.count=1")
	cmd.Env = append(os.Environ(), diskFullEnv+"="+path)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
	if !bytes.Contains(out, []byte("shown: ")) {
		t.Fatalf("the child's save did not fail:\n%s", out)
	}
	t.Logf("child: %s", bytes.TrimSpace(out))

	st, err = store.Open(path, diskFullKeys())
	if err != nil {
		t.Fatalf("the store does not open after the failed save: %v", err)
	}
	defer st.Close()
	got, err := st.Request(good.ID)
	if err != nil || got.Person.Surname != "Good" || len(got.Pages) != 1 {
		t.Fatalf("last good draft: %+v, %v", got, err)
	}
	if list, _ := st.Requests(); len(list) != 1 {
		t.Errorf("%d requests stored, want the good draft only", len(list))
	}
}

// diskFullChild saves a draft of four 1 MB pages into the store at path
// with the file size limited to what it is now, and prints what the user
// would be shown.
func diskFullChild(path string) {
	fail := func(err error) { fmt.Println("child failed:", err); os.Exit(1) }
	fi, err := os.Stat(path)
	if err != nil {
		fail(err)
	}
	// Go ignores SIGXFSZ: a write past the limit fails with EFBIG.
	lim := syscall.Rlimit{Cur: uint64(fi.Size()), Max: uint64(fi.Size())}
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &lim); err != nil {
		fail(err)
	}
	st, err := store.Open(path, diskFullKeys())
	if err != nil {
		fail(err)
	}
	defer st.Close()
	list, err := st.Requests()
	if err != nil || len(list) != 1 {
		fail(fmt.Errorf("before: %d requests, %v", len(list), err))
	}
	r, err := st.Request(list[0].ID)
	if err != nil {
		fail(err)
	}
	r.Person.Surname = "Bigger"
	r.Pages = nil
	for i := range 4 {
		r.Pages = append(r.Pages, app.Page{Label: fmt.Sprint("page ", i+1), ContentType: "image/png",
			Data: bytes.Repeat([]byte{byte(i + 1)}, 1<<20)})
	}
	err = desk.New(st, nil, nil, nil).SaveDraft(r)
	if err == nil {
		fail(fmt.Errorf("saved %d bytes past a %d-byte limit", 4<<20, fi.Size()))
	}
	cat, cerr := locale.New(assets.Translations, "translations", "en")
	if cerr != nil {
		fail(cerr)
	}
	msg := cat.Error(err)
	if app.ErrorCode(err) == "" || msg == "" || strings.Contains(msg, app.ErrorCode(err)) {
		fail(fmt.Errorf("%v is not said in words: %q", err, msg))
	}
	fmt.Printf("shown: %s (%v)\n", msg, err)
	// What is in the file is still the good draft.
	if again, err := st.Request(r.ID); err != nil || again.Person.Surname != "Good" {
		fail(fmt.Errorf("after the failed save: %+v, %v", again, err))
	}
}
