// Command vulndb builds a local Go vulnerability database for govulncheck
// (`govulncheck -db file:///DIR`) from the OSV reports that the
// golang.org/x/vulndb module carries in data/osv. The public database
// (vuln.go.dev) is that same data laid out as its v1 schema, which is what
// this writes:
//
//	index/db.json       {"modified": the newest report}
//	index/modules.json  per module: each report's id, modified and latest fix
//	index/vulns.json    per report: id, modified and aliases
//	ID/<id>.json        the report itself
//
// It does what vulndb's own cmd/indexdb does (the same files, byte for
// byte, but for db.json's time, which indexdb leaves at zero when the
// reports carry none), with the standard library and golang.org/x/mod: indexdb
// pulls in vulndb's cloud dependencies, over 5 minutes of downloads on a
// fresh machine. The module comes through `go mod download`, so the
// proxy and the checksum database vouch for it; a database already built
// for the same version is kept, and used as it is when the proxy cannot
// be reached. `make check` runs it (docs/build.md).
//
//	go run ./cmd/vulndb -version latest -out bin/vulndb
//	go tool govulncheck -db file://$PWD/bin/vulndb ./...
package main

import (
	"bytes"
	"cmp"
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"golang.org/x/mod/semver"
)

func main() {
	version := flag.String("version", "latest", "version of golang.org/x/vulndb to build from, through the module proxy")
	osvDir := flag.String("osv", "", "build from this directory of OSV reports instead of the module")
	out := flag.String("out", "", "directory to write the database to (replaced as a whole)")
	flag.Parse()
	if *out == "" {
		flag.Usage()
		os.Exit(2)
	}
	if *osvDir != "" {
		n, err := build(os.DirFS(*osvDir), *out, time.Time{})
		if err != nil {
			log.Fatalf("vulndb: %v", err)
		}
		fmt.Printf("vulndb: %d reports in %s\n", n, *out)
		return
	}
	stamp := filepath.Join(*out, "VERSION")
	had, _ := os.ReadFile(stamp)
	mod, err := download(*version)
	switch {
	case err != nil && len(had) > 0:
		// Offline: the database already built is better than none.
		log.Printf("vulndb: %v; using the database of golang.org/x/vulndb@%s", err, bytes.TrimSpace(had))
		return
	case err != nil:
		log.Fatalf("vulndb: %v", err)
	case string(bytes.TrimSpace(had)) == mod.Version:
		return // built already
	}
	n, err := build(os.DirFS(filepath.Join(mod.Dir, "data", "osv")), *out, mod.Time)
	if err == nil {
		err = os.WriteFile(stamp, []byte(mod.Version+"\n"), 0o644)
	}
	if err != nil {
		log.Fatalf("vulndb: %v", err)
	}
	fmt.Printf("vulndb: %d reports of golang.org/x/vulndb@%s in %s\n", n, mod.Version, *out)
}

// module is a downloaded golang.org/x/vulndb.
type module struct {
	Version, Dir string
	Time         time.Time // when that version was committed
}

// download fetches golang.org/x/vulndb@version through the go command
// (the module proxy, checked against go.sum's checksum database).
func download(version string) (module, error) {
	cmd := exec.Command("go", "mod", "download", "-json", "golang.org/x/vulndb@"+version)
	cmd.Dir = os.TempDir() // outside any module: no go.mod to consult or change
	data, err := cmd.Output()
	var m struct {
		Version, Dir, Info, Error string
	}
	if jerr := json.Unmarshal(data, &m); jerr == nil && m.Error != "" {
		return module{}, fmt.Errorf("golang.org/x/vulndb@%s: %s", version, m.Error)
	}
	if err != nil {
		return module{}, fmt.Errorf("go mod download golang.org/x/vulndb@%s: %w", version, err)
	}
	mod := module{Version: m.Version, Dir: m.Dir}
	if info, err := os.ReadFile(m.Info); err == nil {
		var i struct{ Time time.Time }
		if json.Unmarshal(info, &i) == nil {
			mod.Time = i.Time
		}
	}
	return mod, nil
}

// entry is the part of an OSV report the indexes need.
type entry struct {
	ID       string    `json:"id"`
	Modified time.Time `json:"modified"`
	Aliases  []string  `json:"aliases,omitempty"`
	Affected []struct {
		Package struct {
			Name string `json:"name"`
		} `json:"package"`
		Ranges []osvRange `json:"ranges,omitempty"`
	} `json:"affected"`
}

type osvRange struct {
	Type   string `json:"type"`
	Events []struct {
		Introduced string `json:"introduced,omitempty"`
		Fixed      string `json:"fixed,omitempty"`
	} `json:"events"`
}

// The index records, field for field as govulncheck reads them
// (golang.org/x/vuln/internal/client/schema.go).
type (
	dbMeta struct {
		Modified time.Time `json:"modified"`
	}
	moduleMeta struct {
		Path  string       `json:"path"`
		Vulns []moduleVuln `json:"vulns"`
	}
	moduleVuln struct {
		ID       string    `json:"id"`
		Modified time.Time `json:"modified"`
		Fixed    string    `json:"fixed,omitempty"`
	}
	vulnMeta struct {
		ID       string    `json:"id"`
		Modified time.Time `json:"modified"`
		Aliases  []string  `json:"aliases,omitempty"`
	}
)

// build reads every *.json report of src (in lexical order, as indexdb
// does) and writes the database to out through a temporary directory, so
// that an interrupted run never leaves half a database behind.
func build(src fs.FS, out string, modified time.Time) (int, error) {
	parent := filepath.Dir(filepath.Clean(out))
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return 0, err
	}
	tmp, err := os.MkdirTemp(parent, ".vulndb-*")
	if err != nil {
		return 0, err
	}
	defer os.RemoveAll(tmp)
	if err := os.MkdirAll(filepath.Join(tmp, "ID"), 0o755); err != nil {
		return 0, err
	}
	db := dbMeta{Modified: modified}
	modules := map[string]*moduleMeta{}
	var vulns []vulnMeta
	seen := map[string]bool{}
	err = fs.WalkDir(src, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(name, ".json") {
			return err
		}
		raw, err := fs.ReadFile(src, name)
		if err != nil {
			return err
		}
		var e entry
		if err := json.Unmarshal(raw, &e); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		if e.ID == "" || strings.ContainsAny(e.ID, `/\`) || seen[e.ID] {
			return fmt.Errorf("%s: missing, odd or repeated id %q", name, e.ID)
		}
		seen[e.ID] = true
		if e.Modified.After(db.Modified) {
			db.Modified = e.Modified
		}
		vulns = append(vulns, vulnMeta{ID: e.ID, Modified: e.Modified, Aliases: e.Aliases})
		for _, a := range e.Affected {
			m := modules[a.Package.Name]
			if m == nil {
				m = &moduleMeta{Path: a.Package.Name, Vulns: []moduleVuln{}}
				modules[a.Package.Name] = m
			}
			m.Vulns = append(m.Vulns, moduleVuln{ID: e.ID, Modified: e.Modified, Fixed: latestFixed(a.Ranges)})
		}
		var compact bytes.Buffer
		if err := json.Compact(&compact, raw); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		return os.WriteFile(filepath.Join(tmp, "ID", e.ID+".json"), compact.Bytes(), 0o644)
	})
	if err != nil {
		return 0, err
	}
	if len(vulns) == 0 {
		return 0, fmt.Errorf("no OSV reports found")
	}
	index := make([]*moduleMeta, 0, len(modules))
	for _, m := range modules {
		slices.SortStableFunc(m.Vulns, func(a, b moduleVuln) int { return cmp.Compare(a.ID, b.ID) })
		index = append(index, m)
	}
	slices.SortFunc(index, func(a, b *moduleMeta) int { return cmp.Compare(a.Path, b.Path) })
	slices.SortFunc(vulns, func(a, b vulnMeta) int { return cmp.Compare(a.ID, b.ID) })
	for name, v := range map[string]any{"db.json": db, "modules.json": index, "vulns.json": vulns} {
		if err := writeJSON(filepath.Join(tmp, "index", name), v); err != nil {
			return 0, err
		}
	}
	if err := os.RemoveAll(out); err != nil {
		return 0, err
	}
	return len(vulns), os.Rename(tmp, out)
}

func writeJSON(path string, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o644)
}

// latestFixed is the newest version that fixes a report in these
// ranges, or "" when none does or the flaw came back after it (vulndb's
// osvutils.LatestFixed: govulncheck skips a module at or past it).
func latestFixed(ranges []osvRange) string {
	before := func(a, b string) bool { return semver.Compare("v"+a, "v"+b) < 0 }
	latest := ""
	for _, r := range ranges {
		if r.Type != "SEMVER" {
			continue
		}
		for _, e := range r.Events {
			if e.Fixed != "" && before(latest, e.Fixed) {
				latest = e.Fixed
			}
		}
		for _, e := range r.Events {
			if e.Introduced != "" && e.Introduced != "0" && before(latest, e.Introduced) {
				latest = ""
				break
			}
		}
	}
	return latest
}
