package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/idpro/idpro/app/locale"
	"github.com/idpro/idpro/ocr"
	"github.com/idpro/idpro/scan"
)

// newMRZReader returns a Reader on idpro's own MRZ model, whose data is
// unpacked into idpro's data directory, and the function that frees its
// Tesseract instances.
func newMRZReader() (*ocr.Reader, func(), error) {
	base, err := dataDir("")
	if err != nil {
		return nil, nil, err
	}
	return newMRZReaderIn(base)
}

// mrzOutput is one line of `idpro mrz --json`: one input and what was read.
type mrzOutput struct {
	File string `json:"file"`
	ocr.Result
	Ms    int64  `json:"ms"`
	Error string `json:"error,omitempty"`
}

// runMRZ is `idpro mrz [--json] FILE...` and `idpro mrz [--json] --text`:
// read the MRZ of documents in image or PDF files, or parse MRZ text given
// on stdin (blocks separated by a blank line). Exit 0 when every input
// gave a valid MRZ, 1 when some did not, 2 on usage or I/O errors.
func runMRZ(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("mrz", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print one JSON object per input")
	text := fs.Bool("text", false, "parse MRZ text from stdin instead of reading files")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: idpro mrz [--json] FILE...\n       idpro mrz [--json] --text < mrz.txt")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *text == (fs.NArg() > 0) {
		fs.Usage()
		return 2
	}
	print := printSummary
	if *asJSON {
		print = printJSON
	}
	if *text {
		return parseMRZText(stdin, stdout, stderr, print)
	}
	cat := cliCatalog()
	reader, closeReader, err := newMRZReader()
	if err != nil {
		fmt.Fprintln(stderr, "idpro mrz:", cat.Error(err))
		return 2
	}
	defer closeReader()
	code := 0
	for _, path := range fs.Args() {
		out := readMRZFile(reader, path, cat)
		print(stdout, out)
		switch {
		case out.Error != "":
			fmt.Fprintf(stderr, "%s: %s\n", path, out.Error)
			code = 2
		case !out.Valid && code == 0:
			code = 1
		}
	}
	return code
}

func parseMRZText(stdin io.Reader, stdout, stderr io.Writer, print func(io.Writer, mrzOutput)) int {
	data, err := io.ReadAll(stdin)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 2
	}
	results := ocr.ParseText(string(data))
	if len(results) == 0 {
		fmt.Fprintln(stderr, "no MRZ text on stdin")
		return 1
	}
	code := 0
	for i, r := range results {
		print(stdout, mrzOutput{File: fmt.Sprintf("stdin#%d", i+1), Result: r})
		if !r.Valid {
			code = 1
		}
	}
	return code
}

// readMRZFile reads every page of the file and keeps the best MRZ: the
// first valid one, else the one found with most checks passing. An error
// is given in the user's language, as everywhere else.
func readMRZFile(reader *ocr.Reader, path string, cat *locale.Catalog) mrzOutput {
	start := time.Now()
	out := mrzOutput{File: path}
	pages, err := scan.ImportFile(path)
	if err != nil {
		out.Error = cat.Error(err)
		out.Ms = time.Since(start).Milliseconds()
		return out
	}
	for _, p := range pages {
		r, err := reader.Read(context.Background(), p.Image)
		if err != nil {
			out.Error = cat.Error(err)
			break
		}
		if r.Valid || (r.Found && !out.Found) || r.ChecksPassed() > out.Result.ChecksPassed() {
			out.Result = r
		}
		if r.Valid {
			break
		}
	}
	out.Ms = time.Since(start).Milliseconds()
	return out
}

func printJSON(w io.Writer, out mrzOutput) {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false) // keep the MRZ's '<' readable
	// Only plain values: encoding cannot fail, and a closed stdout is
	// nothing to report.
	_ = enc.Encode(out)
}

func printSummary(w io.Writer, out mrzOutput) {
	switch {
	case out.Error != "":
		fmt.Fprintf(w, "%s: error: %s\n", out.File, out.Error)
		return
	case !out.Found:
		fmt.Fprintf(w, "%s: no MRZ found (%d ms)\n", out.File, out.Ms)
		return
	}
	state := "INVALID"
	if out.Valid {
		state = "valid"
	}
	fmt.Fprintf(w, "%s: %s %s (%d ms)\n", out.File, out.Format, state, out.Ms)
	for _, l := range out.Lines {
		fmt.Fprintf(w, "  %s\n", l)
	}
	f := out.Fields
	for _, kv := range [][2]string{
		{"document", strings.TrimSpace(f.DocumentCode + " " + f.DocumentNumber)},
		{"issuing state", f.IssuingState}, {"surname", f.Surname}, {"given names", f.GivenNames},
		{"nationality", f.Nationality}, {"birth date", f.BirthDate}, {"sex", f.Sex},
		{"expiry date", f.ExpiryDate}, {"optional data", f.OptionalData},
	} {
		if kv[1] != "" {
			fmt.Fprintf(w, "  %-14s %s\n", kv[0]+":", kv[1])
		}
	}
	var failed []string
	for name, ok := range out.Checks {
		if !ok {
			failed = append(failed, name)
		}
	}
	slices.Sort(failed)
	if len(failed) > 0 {
		fmt.Fprintf(w, "  failed checks: %s\n", strings.Join(failed, ", "))
	}
	for _, c := range out.Corrections {
		fmt.Fprintf(w, "  corrected line %d col %d: %s -> %s (%s)\n", c.Line+1, c.Col+1, c.From, c.To, c.Field)
	}
	if len(out.Review) > 0 {
		names := make([]string, len(out.Review))
		for i, f := range out.Review {
			names[i] = string(f)
		}
		fmt.Fprintf(w, "  please check: %s\n", strings.Join(names, ", "))
	}
}
