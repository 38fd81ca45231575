package sane

import (
	"context"
	"regexp"
	"strconv"
	"strings"

	"github.com/idpro/idpro/scan"
)

// options is what scanimage -A tells about a device: its capabilities and
// the backend's own names for sources and modes, which differ per driver
// ("Flatbed", "ADF Duplex", "Automatic Document Feeder(left aligned)", ...).
type options struct {
	caps    scan.Capabilities
	sources map[scan.Source]string
	modes   map[scan.Mode]string
	area    bool // the device takes -l -t -x -y in millimetres
}

// Capabilities reads the device's options (scanimage -A).
func (s *Scanner) Capabilities(ctx context.Context, dev scan.Device) (scan.Capabilities, error) {
	o, err := s.optionsOf(ctx, dev.ID)
	return o.caps, err
}

func (s *Scanner) optionsOf(ctx context.Context, device string) (options, error) {
	s.mu.Lock()
	o, ok := s.options[device]
	s.mu.Unlock()
	if ok {
		return o, nil
	}
	out, err := s.run(ctx, device, "-d", device, "-A")
	if err != nil {
		return options{}, err
	}
	o = parseOptions(string(out))
	s.mu.Lock()
	if s.options == nil {
		s.options = map[string]options{}
	}
	s.options[device] = o
	s.mu.Unlock()
	return o, nil
}

// optionLine matches "    --source Flatbed|ADF [Flatbed]" and
// "    -x 0..215.9mm (in steps of 1) [215.9]".
var optionLine = regexp.MustCompile(`^\s+(--?[A-Za-z][\w-]*)(?:\[=\(.*\)\])?\s+(.*?)\s*\[([^\]]*)\]$`)

func parseOptions(out string) options {
	o := options{sources: map[scan.Source]string{}, modes: map[scan.Mode]string{}}
	var hasSource bool
	var x, y, l, t bool
	for line := range strings.SplitSeq(out, "\n") {
		m := optionLine.FindStringSubmatch(line)
		if m == nil || m[3] == "inactive" {
			continue
		}
		name, values := m[1], strings.TrimSpace(m[2])
		switch name {
		case "--source":
			hasSource = true
			for _, v := range strings.Split(values, "|") {
				if src, ok := sourceOf(v); ok && o.sources[src] == "" {
					o.sources[src] = v
				}
			}
		case "--mode":
			for _, v := range strings.Split(values, "|") {
				if mode, ok := modeOf(v); ok && o.modes[mode] == "" {
					o.modes[mode] = v
				}
			}
		case "--resolution", "--x-resolution":
			if len(o.caps.Resolutions) == 0 {
				o.caps.Resolutions = resolutions(values)
			}
		case "-x":
			x = strings.Contains(values, "mm")
			o.caps.Glass.Width = rangeMax(values)
		case "-y":
			y = strings.Contains(values, "mm")
			o.caps.Glass.Height = rangeMax(values)
		case "-l":
			l = true
		case "-t":
			t = true
		}
	}
	o.area = x && y && l && t
	if !o.area {
		o.caps.Glass = scan.Area{}
	}
	if !hasSource {
		// A scanner without a source option is a flatbed.
		o.sources[scan.Flatbed] = ""
	}
	for _, src := range []scan.Source{scan.Flatbed, scan.Feeder, scan.Duplex} {
		if _, ok := o.sources[src]; ok {
			o.caps.Sources = append(o.caps.Sources, src)
		}
	}
	for _, mode := range []scan.Mode{scan.Color, scan.Gray} {
		if _, ok := o.modes[mode]; ok {
			o.caps.Modes = append(o.caps.Modes, mode)
		}
	}
	return o
}

func sourceOf(name string) (scan.Source, bool) {
	n := strings.ToLower(name)
	switch {
	case strings.Contains(n, "duplex"):
		return scan.Duplex, true
	case strings.Contains(n, "back"):
		return "", false // the back side alone is no source a user wants
	case strings.Contains(n, "adf"), strings.Contains(n, "feeder"):
		return scan.Feeder, true
	case strings.Contains(n, "flatbed"), strings.Contains(n, "platen"), strings.Contains(n, "normal"),
		strings.Contains(n, "glass"), strings.Contains(n, "document table"):
		return scan.Flatbed, true
	}
	return "", false
}

func modeOf(name string) (scan.Mode, bool) {
	n := strings.ToLower(name)
	switch {
	case strings.Contains(n, "color"), strings.Contains(n, "colour"), strings.Contains(n, "rgb"):
		return scan.Color, true
	case strings.Contains(n, "gray"), strings.Contains(n, "grey"):
		return scan.Gray, true
	}
	return "", false
}

var number = regexp.MustCompile(`\d+(\.\d+)?`)

// resolutions reads "75|150|300dpi", "auto||75|90dpi" or
// "1..1200dpi (in steps of 1)".
func resolutions(values string) []int {
	values = strings.TrimSpace(strings.SplitN(values, "(", 2)[0])
	if lo, hi, ok := strings.Cut(values, ".."); ok {
		a, _ := strconv.ParseFloat(number.FindString(lo), 64)
		b, _ := strconv.ParseFloat(number.FindString(hi), 64)
		return scan.ResolutionsIn(int(a), int(b))
	}
	var out []int
	for _, v := range strings.Split(values, "|") {
		if n, err := strconv.Atoi(strings.TrimSuffix(v, "dpi")); err == nil && n > 0 {
			out = append(out, n)
		}
	}
	return out
}

// rangeMax reads the upper end of "0..215.9mm".
func rangeMax(values string) float64 {
	_, hi, ok := strings.Cut(values, "..")
	if !ok {
		return 0
	}
	f, _ := strconv.ParseFloat(number.FindString(hi), 64)
	return f
}
