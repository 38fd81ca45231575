package scan

import (
	"bytes"
	"errors"
	"runtime"
	"runtime/metrics"
	"strings"
	"testing"
	"time"

	"github.com/idpro/idpro/app"
	"github.com/idpro/idpro/app/locale"
	"github.com/idpro/idpro/assets"
	"github.com/idpro/idpro/scan/hostile"
)

func hostileCorpus(tb testing.TB) []hostile.File {
	tb.Helper()
	files, err := hostile.Corpus()
	if err != nil {
		tb.Fatal(err)
	}
	return files
}

// Every hostile file, read as the window reads a dropped file (Import,
// size unknown) and as the command line does (ImportFile, from disk under
// its odd name), is refused with its own message, which names the file in
// each of the four languages; the good scans with odd names come in under
// those names.
func TestHostileCorpusIsRefusedInWords(t *testing.T) {
	files := hostileCorpus(t)
	paths, err := hostile.Write(t.TempDir(), files)
	if err != nil {
		t.Fatal(err)
	}
	var cats []*locale.Catalog
	for _, lang := range []string{"en", "nl", "fr", "de"} {
		c, err := locale.New(assets.Translations, "translations", lang)
		if err != nil {
			t.Fatal(err)
		}
		cats = append(cats, c)
	}
	refused := 0
	for i, f := range files {
		dropped, err := Import(f.Name, bytes.NewReader(f.Data), -1)
		checkHostile(t, f, dropped, err, cats)
		opened, err := ImportFile(paths[i])
		checkHostile(t, f, opened, err, cats)
		if f.Code != "" {
			refused++
		}
	}
	if refused < 30 {
		t.Errorf("only %d refusals in the corpus", refused)
	}
}

func checkHostile(t *testing.T, f hostile.File, pages []Page, err error, cats []*locale.Catalog) {
	t.Helper()
	if f.Code == "" {
		if err != nil || len(pages) == 0 || len(pages) > MaxPages {
			t.Errorf("%s (%s): %d pages, %v; want it imported", f.Name, f.What, len(pages), err)
			return
		}
		for _, p := range pages {
			if p.Source != f.Name || p.Image == nil || len(p.Data) == 0 {
				t.Errorf("%s: page from %q, image %v, %d bytes", f.Name, p.Source, p.Image != nil, len(p.Data))
			}
		}
		return
	}
	if code := app.ErrorCode(err); code != f.Code || pages != nil {
		t.Errorf("%s (%s): %q and %d pages (%v), want %q", f.Name, f.What, code, len(pages), err, f.Code)
		return
	}
	var e *app.Error
	if errors.As(err, &e); e.Data["file"] != f.Name {
		t.Errorf("%s: the message names the file %q", f.Name, e.Data["file"])
	}
	for _, cat := range cats {
		msg := cat.Error(err)
		if !strings.Contains(msg, f.Name) || strings.Contains(msg, "<no value>") || strings.Contains(msg, f.Code) {
			t.Errorf("%s in %s: %q", f.Name, cat.Lang(), msg)
		}
	}
}

// BenchmarkHostile measures each file's import as the window runs it:
// time (without the collection and sampling around it), bytes
// allocated, and the peak of the live heap above what was
// live before (sampled every 100 µs; reported as peak-MB).
//
//	go test -run '^$' -bench Hostile -benchtime 3x ./scan/
func BenchmarkHostile(b *testing.B) {
	for _, f := range hostileCorpus(b) {
		b.Run(f.Name, func(b *testing.B) {
			b.ReportAllocs()
			var peak uint64
			for range b.N {
				b.StopTimer()
				runtime.GC()
				stop := sampleHeap()
				b.StartTimer()
				Import(f.Name, bytes.NewReader(f.Data), -1)
				b.StopTimer()
				peak = max(peak, stop())
				b.StartTimer()
			}
			b.ReportMetric(float64(peak)/(1<<20), "peak-MB")
		})
	}
}

// sampleHeap starts sampling the heap's live objects; the returned
// function stops and says how far they rose above the start.
func sampleHeap() func() uint64 {
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	read := func() uint64 { metrics.Read(s); return s[0].Value.Uint64() }
	base := read()
	done := make(chan struct{})
	result := make(chan uint64)
	go func() {
		top := base
		tick := time.NewTicker(100 * time.Microsecond)
		defer tick.Stop()
		for {
			top = max(top, read())
			select {
			case <-done:
				result <- max(top, read()) - base
				return
			case <-tick.C:
			}
		}
	}()
	return func() uint64 { close(done); return <-result }
}
