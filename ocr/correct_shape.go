package ocr

import (
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/idpro/idpro/ocr/locate"
	"github.com/idpro/idpro/ocr/mrz"
	"github.com/idpro/idpro/ocr/shape"
)

// confusableGlyphs are the look-alikes shape.Read tells apart in fields
// of letters and digits (package ocr/shape); the name rules and the stem have
// their own.
const confusableGlyphs = "O0DB8"

// settleShapes runs the glyph passes (ocr/mrz/passes.go) on res: it changes
// characters whose glyph's shape, in the line image the reading came
// from, clearly says another one (package ocr/shape):
// one of the confusable glyphs in fields that allow letters and digits,
// a bare stem (I, or 1 as a check digit says), and in names the letters
// the model confuses (H, M, N; T, V, W, Y; B and O, also where Parse
// made a 0 an O). With glyphs, it also reads again the glyphs of
// characters their fields cannot hold (correct_class.go). A position no
// check digit covers is changed on the shape alone; one that failing
// checks cover only when every check covering it then passes and none
// breaks; one a passing check covers never. Every change is a Correction
// and puts its field in review. Without symbol boxes res is returned as
// it is.
func settleShapes(res Result, readings []lineReading, glyphs *glyphReader, now time.Time) Result {
	if !hasSymbols(readings) {
		return res
	}
	d := mrz.DraftOf(res)
	if d == nil {
		return res
	}
	g := newGlyphWork(d, res, readings, glyphs)
	if runGlyphs(d, g) {
		res = d.Result(res.RawLines, now)
	}
	res.Confidence = fieldConfidence(d, g.src)
	return res
}

// glyphPasses are the glyph passes by the names ocr/mrz/passes.go
// gives them, which also says their order and why each exists.
var glyphPasses = map[string]func(d *mrz.Draft, g *glyphWork) bool{
	"undo-denied-swaps": undoDeniedSwaps,
	"specks":            clearSpecks,
	"shapes":            settleGlyphShapes,
	"reread":            rereadOutOfClass,
}

// runGlyphs runs the glyph passes switched on, in their order, and
// tells whether any changed d.
func runGlyphs(d *mrz.Draft, g *glyphWork) bool {
	changed := false
	for _, name := range mrz.GlyphPasses() {
		if glyphPasses[name](d, g) {
			changed = true
		}
	}
	return changed
}

// charPos is a position (line, column) of the fitted lines.
type charPos struct{ line, col int }

// glyphWork is what the glyph passes know besides the draft: each
// character's glyph, the glyphs that may be read again, and what stood
// before the first glyph pass ran.
type glyphWork struct {
	src    *glyphSource
	reader *glyphReader // nil: glyphs are not read again
	// undo are Parse's swaps between look-alikes the shape may settle.
	undo []Correction
	// cands are the characters as Tesseract read them (or in names as
	// Parse's class fix made them) that the shape may settle.
	cands []charPos
	// specks are the marks among fillers too small to be characters.
	specks []charPos
	refs   shape.Refs
}

func newGlyphWork(d *mrz.Draft, res Result, readings []lineReading, reader *glyphReader) *glyphWork {
	g := &glyphWork{src: newGlyphSource(d, readings), reader: reader, undo: swapsToUndo(res.Corrections, d)}
	for i, line := range d.Lines() {
		for j, c := range line {
			if c != '<' && d.Class(i, j) != mrz.DigitClass && (g.src.unchanged(i, j) || d.InName(i, j) && g.src.fixedByClass(i, j)) {
				g.cands = append(g.cands, charPos{i, j})
			}
		}
	}
	g.specks = g.src.specks()
	g.refs = shape.Refs{
		Zero:  g.src.reference('0', mrz.DigitClass, 2),
		Eight: g.src.reference('8', mrz.DigitClass, 2),
		O:     g.src.reference('O', mrz.LetterClass, 1),
	}
	return g
}

// undoDeniedSwaps puts back a look-alike Parse swapped to pass a check
// digit when the glyph clearly is what was read: a mod-10 check passes
// a random swap one time in ten, and issuers' specimens fail their own
// checks.
func undoDeniedSwaps(d *mrz.Draft, g *glyphWork) bool {
	changed := false
	for _, c := range g.undo {
		gl, ok := g.src.glyph(c.Line, c.Col)
		if ok && shape.Read(c.To[0], gl, g.refs) == c.From[0] {
			d.Set(c.Line, c.Col, c.From[0])
			changed = true
		}
	}
	return changed
}

// clearSpecks makes fillers of the marks among fillers too small to be
// characters (glyphSource.specks).
func clearSpecks(d *mrz.Draft, g *glyphWork) bool {
	changed := false
	for _, p := range g.specks {
		if d.ChangeHolds(p.line, p.col, '<') {
			changed = true
		}
	}
	return changed
}

// settleGlyphShapes changes the characters whose glyph's shape clearly
// says another one, as package ocr/shape measures it.
func settleGlyphShapes(d *mrz.Draft, g *glyphWork) bool {
	changed := false
	for _, p := range g.cands {
		gl, ok := g.src.glyph(p.line, p.col)
		if !ok {
			continue
		}
		c, class := d.Lines()[p.line][p.col], d.Class(p.line, p.col)
		var to byte
		switch {
		case gl.IsStem() && class == mrz.LetterClass:
			to = 'I'
		case gl.IsStem() && c != 'I' && c != '1':
			// I or 1: only a check digit can say which.
			if d.Covered(p.line, p.col) && (d.ChangeHolds(p.line, p.col, 'I') || d.ChangeHolds(p.line, p.col, '1')) {
				changed = true
			}
			continue
		case d.InName(p.line, p.col):
			to = shape.Letter(c, gl)
		case d.ShapeMaySettle(p.line, p.col):
			to = shape.Read(c, gl, g.refs)
		}
		if to == 0 || to == c {
			continue
		}
		if d.ChangeHolds(p.line, p.col, to) {
			changed = true
		}
	}
	return changed
}

// swapsToUndo are the corrections from one confusable glyph to another
// in fields the shape may settle.
func swapsToUndo(fixes []Correction, d *mrz.Draft) []Correction {
	var out []Correction
	for _, c := range fixes {
		if len(c.From) == 1 && len(c.To) == 1 && strings.Contains(confusableGlyphs, c.From) &&
			strings.Contains(confusableGlyphs, c.To) && d.ShapeMaySettle(c.Line, c.Col) {
			out = append(out, c)
		}
	}
	return out
}

func hasSymbols(readings []lineReading) bool {
	for _, r := range readings {
		if len(r.syms) > 0 {
			return true
		}
	}
	return false
}

// glyphSource finds, for a position of the corrected MRZ, the symbol it
// was read from and measures its glyph.
type glyphSource struct {
	d        *mrz.Draft
	readings []lineReading
	// reading[i] is the reading line i was read from, -1 for none;
	// from[i][j] the symbol of column j in it, -1 for a restored filler.
	reading []int
	from    [][]int
	dark    []func(x, y int) bool // ink test per reading, made when needed
}

func newGlyphSource(d *mrz.Draft, readings []lineReading) *glyphSource {
	lines := d.Lines()
	g := &glyphSource{d: d, readings: readings, reading: make([]int, len(lines)), from: make([][]int, len(lines)), dark: make([]func(x, y int) bool, len(readings))}
	for i, line := range lines {
		// Parse may have read the lines in the other order, or left one
		// out: each line comes from the reading nearest to it.
		best, bestCost := -1, 0
		for k, r := range readings {
			if len(r.syms) == 0 {
				continue
			}
			if cost, _ := alignText(symbolText(r.syms), line); best < 0 || cost < bestCost {
				best, bestCost = k, cost
			}
		}
		g.reading[i] = best
		if best >= 0 {
			_, g.from[i] = alignText(symbolText(readings[best].syms), line)
		}
	}
	return g
}

// symbolText is the symbols' text as Parse normalises it, a byte each.
func symbolText(syms []Symbol) []byte {
	out := make([]byte, len(syms))
	for i, s := range syms {
		r := unicode.ToUpper(s.Char)
		switch {
		case r == '«' || r == '‹':
			out[i] = '<'
		case r < unicode.MaxASCII:
			out[i] = byte(r)
		default:
			out[i] = '?'
		}
	}
	return out
}

// symbol is the symbol read at (line, col), if any.
func (g *glyphSource) symbol(line, col int) (Symbol, int, bool) {
	k := g.reading[line]
	if k < 0 || g.from[line][col] < 0 {
		return Symbol{}, 0, false
	}
	return g.readings[k].syms[g.from[line][col]], k, true
}

// unchanged tells whether the character at (line, col) is what the
// recognizer read there.
func (g *glyphSource) unchanged(line, col int) bool {
	s, _, ok := g.symbol(line, col)
	return ok && unicode.ToUpper(s.Char) == rune(g.d.Lines()[line][col])
}

// fixedByClass tells whether the character at (line, col) is Parse's
// look-alike for the digit read there, in a field of letters.
func (g *glyphSource) fixedByClass(line, col int) bool {
	s, _, ok := g.symbol(line, col)
	return ok && s.Char < 128 && g.d.FixedByClass(line, col, byte(s.Char))
}

// glyph measures the glyph read at (line, col).
func (g *glyphSource) glyph(line, col int) (shape.Glyph, bool) {
	s, k, ok := g.symbol(line, col)
	if !ok {
		return shape.Glyph{}, false
	}
	img := g.readings[k].img
	box := s.Box.Intersect(img.Bounds())
	if g.dark[k] == nil {
		l := locate.NewLuma(img)
		g.dark[k] = func(x, y int) bool { return l.At(x, y) < 128 }
	}
	return shape.Measure(box, g.dark[k])
}

// speckHeight is how small, against the line's characters, a mark is
// that Tesseract read as a letter or digit: dust or a dot of the
// background print, not a character, so in truth a filler. Measured on
// the real crops: such specks are 1 to 6 px high where the characters are
// 30 to 37.
const speckHeight = 1.0 / 3

// specks are the positions read as a letter or digit, as the recognizer
// read them, among fillers, whose mark is a speck (speckHeight). Inside a
// word a small mark may be a broken character, so only a mark between
// fillers (or a filler and the line's end) counts.
func (g *glyphSource) specks() []charPos {
	var out []charPos
	for i, line := range g.d.Lines() {
		k := g.reading[i]
		if k < 0 {
			continue
		}
		var hs []int
		for _, s := range g.readings[k].syms {
			if s.Char != '<' {
				hs = append(hs, s.Box.Dy())
			}
		}
		if len(hs) < len(line)/3 {
			continue
		}
		slices.Sort(hs)
		med := float64(hs[len(hs)/2])
		for j, c := range line {
			s, _, ok := g.symbol(i, j)
			between := (j == 0 || line[j-1] == '<') && (j == len(line)-1 || line[j+1] == '<')
			if ok && c != '<' && between && g.unchanged(i, j) && float64(s.Box.Dy()) < speckHeight*med {
				out = append(out, charPos{i, j})
			}
		}
	}
	return out
}

// reference averages the glyphs read as c, unchanged, in positions that
// hold only characters of class (a digit in digits, a letter in
// letters); nil when there are fewer than least.
func (g *glyphSource) reference(c byte, class mrz.Class, least int) *shape.Ref {
	var gs []shape.Glyph
	for i, line := range g.d.Lines() {
		for j, got := range line {
			if got != c || g.d.Class(i, j) != class || !g.unchanged(i, j) {
				continue
			}
			if gl, ok := g.glyph(i, j); ok {
				gs = append(gs, gl)
			}
		}
	}
	if len(gs) < least {
		return nil
	}
	r, _ := shape.NewRef(gs)
	return r
}

// alignText aligns a reading with a corrected line by edit distance and
// returns the distance and, for each column of line, the index in read
// it was read from, or -1 for a filler the parser restored.
func alignText(read, line []byte) (int, []int) {
	n, m := len(read), len(line)
	cost := make([][]int, n+1)
	for i := range cost {
		cost[i] = make([]int, m+1)
		cost[i][0] = i
	}
	for j := range m + 1 {
		cost[0][j] = j
	}
	for i := 1; i <= n; i++ {
		for j := 1; j <= m; j++ {
			sub := cost[i-1][j-1]
			if read[i-1] != line[j-1] {
				sub++
			}
			cost[i][j] = min(sub, cost[i-1][j]+1, cost[i][j-1]+1)
		}
	}
	from := make([]int, m)
	for i, j := n, m; j > 0; {
		switch {
		case i > 0 && cost[i][j] == cost[i-1][j-1]+boolInt(read[i-1] != line[j-1]):
			from[j-1] = i - 1
			i, j = i-1, j-1
		case i > 0 && cost[i][j] == cost[i-1][j]+1:
			i--
		default:
			from[j-1] = -1
			j--
		}
	}
	return cost[n][m], from
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
