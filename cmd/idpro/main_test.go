package main

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

func TestHelpListsEveryCommand(t *testing.T) {
	for _, arg := range []string{"-h", "--help", "help"} {
		var out, errs bytes.Buffer
		if code := run([]string{arg}, nil, &out, &errs); code != 0 {
			t.Errorf("%s: exit %d", arg, code)
		}
		for _, c := range commands() {
			if !strings.Contains(out.String(), "  "+c.name+" ") {
				t.Errorf("%s: %q missing from\n%s", arg, c.name, out.String())
			}
		}
	}
}

func TestVersion(t *testing.T) {
	var out bytes.Buffer
	if code := run([]string{"version"}, nil, &out, &out); code != 0 || out.String() != "idpro "+version+"\n" {
		t.Errorf("exit %d, %q", code, out.String())
	}
}

func TestUnknownCommandIsAUsageError(t *testing.T) {
	var out, errs bytes.Buffer
	if code := run([]string{"frobnicate"}, nil, &out, &errs); code != 2 || !strings.Contains(errs.String(), `unknown command "frobnicate"`) {
		t.Errorf("exit %d, stderr %q", code, errs.String())
	}
}

// A file named like a command in the working directory does not hide the
// command.
func TestCommandWinsOverAFileOfTheSameName(t *testing.T) {
	t.Chdir(t.TempDir())
	if err := os.WriteFile("version", []byte("not a document"), 0o644); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if code := run([]string{"version"}, nil, &out, &out); code != 0 || !strings.HasPrefix(out.String(), "idpro ") {
		t.Errorf("exit %d, %q", code, out.String())
	}
}
