// Package sysenv maps the POSIX "C" locale (LANG=C.UTF-8 on servers and in
// containers) to no locale at all before Fyne's lang package reads it;
// Fyne otherwise logs "Error parsing user locale C" at every start.
//
// It must be imported (blank) by main and must import nothing but the
// standard library: Go initialises packages in import-path order once
// their dependencies are ready, and this path sorts before
// github.com/jeandeaual/go-locale, which fyne.io/fyne/v2/lang waits for.
package sysenv

import (
	"os"
	"strings"
)

func init() {
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := os.Getenv(name)
		if v == "" {
			continue
		}
		if base, _, _ := strings.Cut(v, "."); base == "C" || base == "POSIX" {
			os.Setenv(name, "C")
		}
		return
	}
}
