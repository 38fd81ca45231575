package main

import (
	"flag"
	"fmt"
	"io"
	"path/filepath"

	"github.com/idpro/idpro/store"
)

// runBackup is `idpro backup [--data DIR] FILE`: a consistent copy of the
// history, still encrypted, written atomically. It needs no key, and the
// app must be closed (it holds the file); the app's File menu makes the
// same copy while it runs. docs/store.md says how to restore one.
func runBackup(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("backup", flag.ContinueOnError)
	fs.SetOutput(stderr)
	data := fs.String("data", "", "data directory")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: idpro backup [--data DIR] FILE")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil || fs.NArg() != 1 {
		fs.Usage()
		return 2
	}
	dir, err := dataDir(*data)
	if err != nil {
		fmt.Fprintln(stderr, "idpro backup:", err)
		return 1
	}
	dst := fs.Arg(0)
	var n int64
	err = store.WriteFile(dst, func(w io.Writer) (int64, error) {
		var err error
		n, err = store.Backup(filepath.Join(dir, storeFile), w, 0)
		return n, err
	})
	if err != nil {
		fmt.Fprintln(stderr, "idpro backup:", cliCatalog().Error(err))
		return 1
	}
	fmt.Fprintf(stdout, "%s: %d bytes, encrypted like the history\n", dst, n)
	return 0
}
