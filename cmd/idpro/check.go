package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/idpro/idpro/app/locale"
	"github.com/idpro/idpro/scan"
)

// checkPage is one page of `idpro check --json`.
type checkPage struct {
	File   string     `json:"file"`
	Page   int        `json:"page,omitempty"`
	Source string     `json:"source,omitempty"`
	Kind   scan.Kind  `json:"kind,omitempty"`
	DPI    float64    `json:"dpi,omitempty"`
	Level  scan.Level `json:"level,omitempty"`
	// Worst names the check to act on first (scan.Report.Worst).
	Worst  string       `json:"worst,omitempty"`
	Checks []checkEntry `json:"checks,omitempty"`
	Error  string       `json:"error,omitempty"`
}

type checkEntry struct {
	scan.Check
	Text string `json:"text"`
}

// runCheck is `idpro check [--json] [--mrz=false] FILE...`: the quality
// checks of every page of every file (the pages of one request), with
// value, threshold, level and message. Exit 0 when nothing blocks, 1 when something does, 2 on usage
// or I/O errors (a file that cannot be brought in).
func runCheck(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print one JSON object per page")
	withMRZ := fs.Bool("mrz", true, "also read the machine-readable zone (needs idpro's MRZ model)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: idpro check [--json] [--mrz=false] FILE...")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil || fs.NArg() == 0 {
		if err == nil {
			fs.Usage()
		}
		return 2
	}
	var reader scan.MRZReader
	if *withMRZ {
		r, closeReader, err := newMRZReader()
		if err != nil {
			fmt.Fprintln(stderr, "idpro check: no MRZ reader, the MRZ check is skipped:", err)
		} else {
			defer closeReader()
			reader = r
		}
	}
	return checkFiles(fs.Args(), *asJSON, scan.Checker{MRZ: reader}, cliCatalog(), stdout, stderr)
}

// checkFiles runs checker on every page of files, judged as the pages of
// one request (scan.Judge): a passport's signature page passes beside its
// data page, not alone. Reader-less checkers skip the MRZ check with a
// note.
func checkFiles(files []string, asJSON bool, checker scan.Checker, cat *locale.Catalog, stdout, stderr io.Writer) int {
	code := 0
	enc := json.NewEncoder(stdout)
	var (
		pages []scan.Page
		paths []string
	)
	for _, path := range files {
		got, err := scan.ImportFile(path)
		if err != nil {
			msg := cat.Error(err)
			fmt.Fprintf(stderr, "idpro check: %s\n", msg)
			if asJSON {
				enc.Encode(checkPage{File: path, Error: msg})
			}
			code = 2
			continue
		}
		for range got {
			paths = append(paths, path)
		}
		pages = append(pages, got...)
	}
	reports := checker.CheckPages(context.Background(), pages)
	for i, p := range pages {
		r := reports[i]
		src := p.Source
		if p.Number > 0 {
			src = cat.T("scan.page_source", "file", p.Source, "page", p.Number)
		}
		out := checkPage{File: paths[i], Page: max(1, p.Number), Source: src, Kind: r.Document.Kind,
			DPI: r.Document.DPI, Level: r.Level()}
		if c, bad := r.Worst(); bad {
			out.Worst = c.Name
		}
		for _, c := range r.Checks {
			out.Checks = append(out.Checks, checkEntry{c, cat.T(c.Message, pairs(c.Data)...)})
		}
		if asJSON {
			enc.Encode(out)
		} else {
			printCheck(stdout, out)
		}
		if out.Level == scan.Block && code == 0 {
			code = 1
		}
	}
	return code
}

func pairs(m map[string]any) []any {
	var kv []any
	for k, v := range m {
		kv = append(kv, k, v)
	}
	return kv
}

func printCheck(w io.Writer, p checkPage) {
	kind := string(p.Kind)
	if kind == "" {
		kind = "unknown document"
	}
	fmt.Fprintf(w, "%s: %s, %.0f dpi: %s\n", p.Source, kind, p.DPI, strings.ToUpper(string(p.Level)))
	for _, c := range p.Checks {
		limit := ""
		if c.Threshold != 0 {
			limit = fmt.Sprintf("%g%s", c.Threshold, unit(c.Unit))
		}
		fmt.Fprintf(w, "  %-5s  %-10s %8s  limit %-8s %s\n", c.Level, c.Name, fmt.Sprintf("%g%s", c.Value, unit(c.Unit)), limit, c.Text)
	}
}

func unit(u string) string {
	if u == "" || u == "%" {
		return u
	}
	return " " + u
}
