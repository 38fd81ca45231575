package store_test

import (
	"bufio"
	"context"
	"crypto/rand"
	"fmt"
	mrand "math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/idpro/idpro/app"
	"github.com/idpro/idpro/app/desk"
	"github.com/idpro/idpro/app/secret"
	"github.com/idpro/idpro/app/secret/secrettest"
	"github.com/idpro/idpro/store"
)

// The crash test re-runs this test binary as a child that writes drafts,
// queues them and sends the outbox, and kills it with SIGKILL at a random
// moment; then the store must open with every acknowledged write, and
// replaying the outbox must never make the service create a request twice.
const (
	crashRuns     = 100
	crashChildEnv = "IDPRO_STORE_CRASH_CHILD" // the store's directory
	// crashMaxLife bounds how long a child runs before the kill: long
	// enough for a few dozen saves and sends on the 2-core machine (a
	// save with two 64 KB pages and an fsync takes 2-5 ms there).
	crashMaxLife = 150 * time.Millisecond
)

func crashKeys() store.Options {
	return store.Options{Keys: secret.Options{
		Keyring:    &secrettest.Keyring{Err: secret.ErrUnavailable}, // one key across processes
		Params:     secret.Params{Time: 1, MemoryKiB: 64, Threads: 1},
		Passphrase: func(bool) (string, error) { return "crash test passphrase", nil },
	}}
}

// logService is an idempotent service whose memory is a file shared by the
// child and the parent: one line "local-id key" per Submit, synced before
// the receipt is returned. A key seen before gets its first receipt.
type logService struct {
	app.Service // only Submit is called
	path        string
	mu          sync.Mutex
}

func (s *logService) Submit(_ context.Context, r *app.Request) (app.Receipt, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	f, err := os.OpenFile(s.path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
	if err != nil {
		return app.Receipt{}, err
	}
	defer f.Close()
	if _, err := fmt.Fprintf(f, "%s %s\n", r.ID, r.Key); err != nil {
		return app.Receipt{}, err
	}
	if err := f.Sync(); err != nil {
		return app.Receipt{}, err
	}
	return app.Receipt{ID: "BIS-" + r.Key[:12], Rev: 1, Status: app.Received}, nil
}

// submissions reads the service's log: keys per local id, tries per key.
func submissions(t *testing.T, path string) (keys map[string]map[string]bool, tries map[string]int) {
	t.Helper()
	keys, tries = map[string]map[string]bool{}, map[string]int{}
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return keys, tries
	}
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		id, key, ok := strings.Cut(line, " ")
		if !ok {
			continue // a line cut by the kill never returned a receipt
		}
		if keys[id] == nil {
			keys[id] = map[string]bool{}
		}
		keys[id][key] = true
		tries[key]++
	}
	return keys, tries
}

// TestCrashChild is the child's work; it runs only under TestCrash.
func TestCrashChild(t *testing.T) {
	dir := os.Getenv(crashChildEnv)
	if dir == "" {
		t.Skip("run by TestCrash")
	}
	st, err := store.Open(filepath.Join(dir, "idpro.db"), crashKeys())
	if err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	d := desk.New(st, &logService{path: filepath.Join(dir, "service.log")}, nil, nil)
	ack := func(r *app.Request) { fmt.Printf("ack %s %d %s\n", r.ID, r.Updated.UnixNano(), r.Status) }
	fmt.Println("ready")
	for i := 0; ; i++ {
		page := make([]byte, 64<<10)
		rand.Read(page)
		r := &app.Request{Status: app.Draft, Person: app.Person{Surname: "Crash"},
			Pages: []app.Page{{Label: "front", Data: page}, {Label: "back", Data: page[:32<<10]}}}
		for _, step := range []func(){
			func() {},
			func() { r.Person.GivenNames = strconv.Itoa(i) },
			func() { r.Status = app.Queued },
		} {
			step()
			if err := st.Save(r); err != nil {
				fmt.Println("error", err)
				os.Exit(1)
			}
			ack(r)
		}
		if i%2 == 1 {
			if _, err := d.SendQueued(context.Background()); err != nil {
				fmt.Println("error", err)
				os.Exit(1)
			}
		}
	}
}

type acked struct {
	updated int64
	status  app.Status
}

func TestCrash(t *testing.T) {
	if testing.Short() {
		t.Skip("100 child processes")
	}
	dir := t.TempDir()
	svc := &logService{path: filepath.Join(dir, "service.log")}
	acks := map[string]acked{}
	for run := range crashRuns {
		runChild(t, dir, acks)
		st, err := store.Open(filepath.Join(dir, "idpro.db"), crashKeys())
		if err != nil {
			t.Fatalf("run %d: open after the kill: %v", run, err)
		}
		for id, a := range acks {
			r, err := st.Request(id)
			if err != nil {
				t.Fatalf("run %d: acknowledged request %s: %v", run, id, err)
			}
			if r.Updated.UnixNano() < a.updated || (a.status != app.Draft && r.Status == app.Draft) {
				t.Fatalf("run %d: request %s is %s at %d, acknowledged %s at %d", run, id, r.Status, r.Updated.UnixNano(), a.status, a.updated)
			}
		}
		replay(t, run, st, svc)
		st.Close()
	}
	keys, tries := submissions(t, svc.path)
	retried := 0
	for _, n := range tries {
		if n > 1 {
			retried++
		}
	}
	t.Logf("%d runs: %d requests acknowledged, %d submitted, %d of them retried after a kill", crashRuns, len(acks), len(keys), retried)
}

// runChild runs one child until a random moment, and records its acks.
func runChild(t *testing.T, dir string, acks map[string]acked) {
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$")
	cmd.Env = append(os.Environ(), crashChildEnv+"="+dir)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := bufio.NewScanner(out)
	if !lines.Scan() || lines.Text() != "ready" {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("child did not start: %q", lines.Text())
	}
	timer := time.AfterFunc(time.Duration(mrand.Int64N(int64(crashMaxLife))), func() { cmd.Process.Kill() })
	defer timer.Stop()
	for lines.Scan() {
		f := strings.Fields(lines.Text())
		if len(f) == 4 && f[0] == "ack" {
			n, _ := strconv.ParseInt(f[2], 10, 64)
			acks[f[1]] = acked{n, app.Status(f[3])}
			continue
		}
		t.Fatalf("child: %s", lines.Text())
	}
	cmd.Wait()
}

// replay sends the outbox as the app would after a restart, then checks
// that no local request reached the service under two keys and that the
// outbox is empty.
func replay(t *testing.T, run int, st *store.Store, svc *logService) {
	t.Helper()
	out, err := st.Outbox()
	if err != nil {
		t.Fatal(err)
	}
	if n, err := desk.New(st, svc, nil, nil).SendQueued(context.Background()); err != nil || n != len(out) {
		t.Fatalf("run %d: replay sent %d of %d: %v", run, n, len(out), err)
	}
	if left, _ := st.Outbox(); len(left) != 0 {
		t.Fatalf("run %d: outbox after replay %+v", run, left)
	}
	keys, _ := submissions(t, svc.path)
	for id, ks := range keys {
		if len(ks) != 1 {
			t.Fatalf("run %d: request %s submitted under %d keys: the service made it twice", run, id, len(ks))
		}
		r, err := st.Request(id)
		if err != nil {
			t.Fatalf("run %d: submitted request %s: %v", run, id, err)
		}
		for k := range ks {
			if r.Key != k || r.RemoteID != "BIS-"+k[:12] {
				t.Fatalf("run %d: request %s has key %s, remote %s; the service knows key %s", run, id, r.Key, r.RemoteID, k)
			}
		}
	}
}
