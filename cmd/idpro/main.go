// Command idpro is the idpro desktop app and, with a subcommand, the same
// engine for scripts and tests. main only wires packages together.
package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	_ "github.com/idpro/idpro/app/locale/sysenv" // before Fyne reads the locale
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "0.1.0-dev"

type command struct {
	name, summary string
	run           func(args []string, stdin io.Reader, stdout, stderr io.Writer) int
}

func commands() []command {
	return []command{
		{"mrz", "read the machine-readable zone of document images or PDFs", runMRZ},
		{"check", "check whether scanned pages are good enough to submit", runCheck},
		{"scan", "list scanners, or scan pages to files", runScan},
		{"sandbox", "serve the local belgianIDpro sandbox alone", runSandbox},
		{"history", "list the requests and drafts kept on this computer", runHistory},
		{"backup", "write an encrypted copy of the history to a file", runBackup},
		{"version", "print the version", runVersion},
	}
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run dispatches: a command name wins over a file of the same name in the
// working directory (open that one as ./NAME); anything else opens the app.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		return runGUI(args, stderr)
	}
	switch args[0] {
	case "-h", "--help", "help":
		usage(stdout)
		return 0
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(args[1:], stdin, stdout, stderr)
		}
	}
	if strings.HasPrefix(args[0], "-") || isFile(args[0]) {
		return runGUI(args, stderr)
	}
	fmt.Fprintf(stderr, "idpro: unknown command %q\n\n", args[0])
	usage(stderr)
	return 2
}

// isFile tells a file to open from a command name.
func isFile(arg string) bool {
	st, err := os.Stat(arg)
	return err == nil && !st.IsDir()
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "idpro requests INSZ (BIS) numbers for foreign workers through belgianIDpro.")
	fmt.Fprintln(w, "\nUsage:\n  idpro [--data DIR] [FILE...]  open the desktop app; files start a request\n  idpro COMMAND [options]")
	fmt.Fprintln(w, "\nCommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun 'idpro COMMAND --help' for a command's options.")
	fmt.Fprintln(w, "Data lives in the user's config directory (idpro/), or in --data DIR / $IDPRO_DATA.")
}

func runVersion(_ []string, _ io.Reader, stdout, _ io.Writer) int {
	fmt.Fprintln(stdout, "idpro", version)
	return 0
}
