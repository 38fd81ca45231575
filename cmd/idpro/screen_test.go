package main

import (
	"fmt"
	"image"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"
)

// screen is an X display that a test reads and drives as a user would:
// it finds what the window says by reading a screenshot with Tesseract
// (Fyne draws its widgets with OpenGL, so there is no accessibility tree
// to ask), and clicks and types with xdotool.
type screen struct {
	t       *testing.T
	display string
	dir     string
	shots   int
}

// word is one word Tesseract read, with its box in screen pixels.
type word struct {
	text               string
	x, y, w, h         int
	block, para, line_ int
}

func newScreen(t *testing.T, display string) *screen {
	t.Helper()
	if _, err := exec.LookPath("tesseract"); err != nil {
		t.Skip("tesseract is not installed; `make test` installs tesseract-ocr")
	}
	dir := os.Getenv("IDPRO_E2E_SHOTS") // keeps the screenshots for a look
	if dir == "" {
		dir = t.TempDir()
	}
	return &screen{t: t, display: display, dir: dir}
}

func (s *screen) run(name string, args ...string) []byte {
	s.t.Helper()
	c := exec.Command(name, args...)
	c.Env = append(os.Environ(), "DISPLAY="+s.display)
	out, err := c.CombinedOutput()
	if err != nil {
		s.t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return out
}

// shot saves the screen as a PNG and returns its path.
func (s *screen) shot() string {
	s.t.Helper()
	s.shots++
	path := filepath.Join(s.dir, fmt.Sprintf("shot-%02d.png", s.shots))
	s.run("import", "-window", "root", path)
	return path
}

// words reads the screen, doubled in size (pixels repeated, not
// smoothed) and greyed, which Tesseract reads best (the tests run the light theme: dark text on light), and
// the primary buttons (white on the theme's blue) one by one, inverted.
func (s *screen) words() []word {
	s.t.Helper()
	shot := s.shot()
	big := strings.TrimSuffix(shot, ".png") + "-ocr.png"
	s.run("convert", shot, "-colorspace", "gray", "-filter", "point", "-resize", "200%", big)
	ws := parseTSV(string(s.run("tesseract", big, "stdout", "--psm", "11", "tsv")), 2)
	for i, b := range primaryButtons(s.t, shot) {
		crop := fmt.Sprintf("%s-button%d.png", strings.TrimSuffix(shot, ".png"), i)
		s.run("convert", shot, "-crop", fmt.Sprintf("%dx%d+%d+%d", b.Dx(), b.Dy(), b.Min.X, b.Min.Y), "+repage",
			"-fx", "r", "-negate", "-resize", "300%", crop)
		for _, w := range parseTSV(string(s.run("tesseract", crop, "stdout", "--psm", "7", "tsv")), 3) {
			w.x, w.y, w.block = w.x+b.Min.X, w.y+b.Min.Y, -1-i
			ws = append(ws, w)
		}
	}
	return ws
}

// primaryButtons finds the theme's blue buttons: boxes of pixels of the
// primary colour, shrunk to leave out the rounded corners, which
// Tesseract would take for letters.
func primaryButtons(t *testing.T, path string) []image.Rectangle {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, _, err := image.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	b := img.Bounds()
	blue := func(x, y int) bool {
		r, g, bl, _ := img.At(x, y).RGBA()
		return bl>>8 > 200 && r>>8 < 120 && g>>8 < 170
	}
	seen := make([]bool, b.Dx()*b.Dy())
	var boxes []image.Rectangle
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if seen[(y-b.Min.Y)*b.Dx()+x-b.Min.X] || !blue(x, y) {
				continue
			}
			box := image.Rect(x, y, x+1, y+1)
			stack := []image.Point{{x, y}}
			seen[(y-b.Min.Y)*b.Dx()+x-b.Min.X] = true
			for len(stack) > 0 {
				p := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				box = box.Union(image.Rect(p.X, p.Y, p.X+1, p.Y+1))
				for _, q := range []image.Point{{p.X + 1, p.Y}, {p.X - 1, p.Y}, {p.X, p.Y + 1}, {p.X, p.Y - 1}} {
					if !q.In(b) || seen[(q.Y-b.Min.Y)*b.Dx()+q.X-b.Min.X] || !blue(q.X, q.Y) {
						continue
					}
					seen[(q.Y-b.Min.Y)*b.Dx()+q.X-b.Min.X] = true
					stack = append(stack, q)
				}
			}
			if box.Dx() >= 40 && box.Dy() >= 20 && box.Dy() <= 80 {
				boxes = append(boxes, box.Inset(4))
			}
		}
	}
	return boxes
}

func parseTSV(tsv string, scale int) []word {
	var ws []word
	for _, row := range strings.Split(tsv, "\n")[1:] {
		f := strings.Split(row, "\t")
		if len(f) < 12 || strings.TrimSpace(f[11]) == "" {
			continue
		}
		n := make([]int, 10)
		for i := range n {
			n[i], _ = strconv.Atoi(f[i+1])
		}
		ws = append(ws, word{text: f[11], block: n[1], para: n[2], line_: n[3],
			x: n[5] / scale, y: n[6] / scale, w: n[7] / scale, h: n[8] / scale})
	}
	return ws
}

// find returns the centre of the first place where phrase stands on one
// line. Spaces, case and punctuation do not count: Tesseract reads
// "Sign in" on a button as "Signin".
func find(ws []word, phrase string) (x, y int, ok bool) {
	squash := func(s string) string {
		return strings.Map(func(r rune) rune {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				return unicode.ToLower(r)
			}
			return -1
		}, s)
	}
	want := squash(phrase)
	for i := range ws {
		got := ""
		for j := i; j < len(ws) && ws[j].line_ == ws[i].line_ && ws[j].block == ws[i].block; j++ {
			got += squash(ws[j].text)
			if got == want {
				return (ws[i].x + ws[j].x + ws[j].w) / 2, ws[i].y + ws[i].h/2, true
			}
			if len(got) >= len(want) || !strings.HasPrefix(want, got) {
				break
			}
		}
	}
	return 0, 0, false
}

// waitText waits until phrase is on the screen and returns where.
func (s *screen) waitText(phrase string, limit time.Duration) (x, y int) {
	s.t.Helper()
	deadline := time.Now().Add(limit)
	for {
		ws := s.words()
		if x, y, ok := find(ws, phrase); ok {
			return x, y
		}
		if time.Now().After(deadline) {
			var seen []string
			for _, w := range ws {
				seen = append(seen, w.text)
			}
			s.t.Fatalf("%q not on the screen after %s; it reads: %s\n(screenshots in %s)", phrase, limit, strings.Join(seen, " "), s.dir)
		}
		time.Sleep(300 * time.Millisecond)
	}
}

// waitMatch waits until a word on the screen matches re and returns it.
func (s *screen) waitMatch(re *regexp.Regexp, limit time.Duration) string {
	s.t.Helper()
	deadline := time.Now().Add(limit)
	for {
		for _, w := range s.words() {
			if m := re.FindString(w.text); m != "" {
				return m
			}
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("nothing like %s on the screen after %s (screenshots in %s)", re, limit, s.dir)
		}
		time.Sleep(300 * time.Millisecond)
	}
}

// clickButton clicks the theme's blue button that says label.
func (s *screen) clickButton(label string, limit time.Duration) {
	s.t.Helper()
	s.click(s.findButton(label, limit))
}

// findButton waits for the theme's blue button that says label and
// returns its middle.
func (s *screen) findButton(label string, limit time.Duration) (x, y int) {
	s.t.Helper()
	deadline := time.Now().Add(limit)
	for {
		var buttons []word
		for _, w := range s.words() {
			if w.block < 0 {
				buttons = append(buttons, w)
			}
		}
		if x, y, ok := find(buttons, label); ok {
			return x, y
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("no %q button after %s (screenshots in %s)", label, limit, s.dir)
		}
		time.Sleep(300 * time.Millisecond)
	}
}

// clickText clicks in the middle of phrase once it is on the screen.
func (s *screen) clickText(phrase string, limit time.Duration) {
	s.t.Helper()
	x, y := s.waitText(phrase, limit)
	s.click(x, y)
}

func (s *screen) click(x, y int) {
	s.t.Helper()
	s.run("xdotool", "mousemove", strconv.Itoa(x), strconv.Itoa(y), "click", "1")
	time.Sleep(300 * time.Millisecond)
}

// typeInto clicks dx pixels right of a form label's text and types.
func (s *screen) typeInto(label string, dx int, text string) {
	s.t.Helper()
	x, y := s.waitText(label, 10*time.Second)
	s.click(x+dx, y)
	s.run("xdotool", "type", "--delay", "20", text)
}

func (s *screen) key(keys ...string) {
	s.t.Helper()
	s.run("xdotool", append([]string{"key"}, keys...)...)
	time.Sleep(200 * time.Millisecond)
}
