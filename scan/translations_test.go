package scan

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// messageKeys are the translation keys scan can return: the literal ones
// in its source and the ones its checks put together.
func messageKeys(t *testing.T) []string {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	literal := regexp.MustCompile(`"(scan\.[a-z_.]*[a-z])"`)
	seen := map[string]bool{}
	for _, f := range files {
		// The scanner backends' messages live in their own area.
		if strings.HasSuffix(f, "_test.go") || strings.HasPrefix(f, "device") || strings.HasPrefix(f, "profile") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range literal.FindAllStringSubmatch(string(b), -1) {
			seen[m[1]] = true
		}
	}
	for _, name := range []string{"edges", "resolution", "sharpness", "contrast", "glare"} {
		for _, l := range []Level{OK, Warn, Block} {
			seen["scan.quality."+name+"."+string(l)] = true
		}
	}
	for _, l := range []Level{Warn, Block} {
		seen["scan.quality.exposure.dark_"+string(l)] = true
		seen["scan.quality.exposure.bright_"+string(l)] = true
	}
	for _, name := range causes {
		seen["scan.quality.mrz.unreadable_"+name] = true
	}
	for _, l := range []Label{LabelFront, LabelBack, LabelPage} {
		seen["scan.label."+string(l)] = true
	}
	var keys []string
	for k := range seen {
		keys = append(keys, k)
	}
	return keys
}

func TestEveryMessageIsTranslated(t *testing.T) {
	files := map[string]map[string]string{}
	for _, loc := range []string{"en", "nl", "fr", "de"} {
		b, err := os.ReadFile(filepath.Join("..", "assets", "translations", "scan", loc+".json"))
		if err != nil {
			t.Fatal(err)
		}
		m := map[string]string{}
		if err := json.Unmarshal(b, &m); err != nil {
			t.Fatalf("%s: %v", loc, err)
		}
		files[loc] = m
	}
	for _, k := range messageKeys(t) {
		for loc, m := range files {
			if strings.TrimSpace(m[k]) == "" {
				t.Errorf("%s: no message for %s", loc, k)
			}
		}
	}
	for loc, m := range files {
		if len(m) != len(files["en"]) {
			t.Errorf("%s has %d messages, en %d", loc, len(m), len(files["en"]))
		}
		if loc == "en" {
			continue
		}
		for k, v := range m {
			if v == files["en"][k] && len(v) > 20 {
				t.Errorf("%s: %s is not translated", loc, k)
			}
		}
	}
}
