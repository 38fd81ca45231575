package tesseract

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"os"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/idpro/idpro/assets"
	"github.com/idpro/idpro/ocr"
	"github.com/otiai10/gosseract/v2"
)

// MRZAlphabet is every character a machine-readable zone may contain.
const MRZAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<"

// EngineMode selects Tesseract's recogniser (its --oem).
type EngineMode int

const (
	// DefaultMode lets the data decide: LSTM when present, else legacy.
	DefaultMode EngineMode = iota
	// LegacyMode is Tesseract 3's classifier (--oem 0).
	LegacyMode
	// LSTMMode is the neural-network recogniser (--oem 1).
	LSTMMode
)

// Options choose the data and the way Tesseract reads.
type Options struct {
	// DataDir is the tessdata directory holding Language.traineddata;
	// empty means Tesseract's compiled-in default.
	DataDir string
	// Data, when set, is written to DataDir/Language.traineddata first
	// (unless the file already holds exactly these bytes).
	Data []byte
	// Language names the traineddata file, without extension.
	Language string
	Mode     EngineMode
	// Whitelist restricts the characters Tesseract may return; empty
	// allows all of the data's.
	Whitelist string
	// Variables are further Tesseract parameters, by name.
	Variables map[string]string
}

// Engine is one Tesseract instance. It is not safe for concurrent use: give
// each goroutine its own Engine (ocr.Reader does), and reuse it, as starting
// one costs far more than reading a line.
type Engine struct {
	client *gosseract.Client
	psm    gosseract.PageSegMode
	// whitelist is the engine's own, restored after RecognizeGlyph.
	whitelist string
}

// NewMRZ returns an Engine on idpro's embedded MRZ data, which it writes to
// dataDir (a cache directory the caller owns) if not there yet.
func NewMRZ(dataDir string) (*Engine, error) {
	return New(Options{DataDir: dataDir, Data: assets.MRZTraineddata, Language: "mrz", Mode: LegacyMode, Whitelist: MRZAlphabet})
}

// NewSystemEng returns an Engine on the system's installed eng data (on
// Debian, an LSTM-only model), restricted to the MRZ alphabet: the baseline
// idpro's own data is measured against.
func NewSystemEng() (*Engine, error) {
	return New(Options{Language: "eng", Whitelist: MRZAlphabet})
}

// New starts Tesseract with opts and checks that it can read.
func New(opts Options) (*Engine, error) {
	if opts.Language == "" {
		return nil, errors.New("tesseract: no language given")
	}
	if opts.Data != nil {
		if opts.DataDir == "" {
			return nil, errors.New("tesseract: data given without a directory to put it in")
		}
		if err := install(opts.DataDir, opts.Language+".traineddata", opts.Data); err != nil {
			return nil, err
		}
	}
	var config string
	if opts.Mode != DefaultMode {
		var err error
		if config, err = writeConfig(opts.Mode); err != nil {
			return nil, err
		}
		defer os.Remove(config)
	}

	c := gosseract.NewClient()
	e := &Engine{client: c, psm: gosseract.PSM_SINGLE_LINE, whitelist: opts.Whitelist}
	if opts.DataDir != "" {
		if err := c.SetTessdataPrefix(opts.DataDir); err != nil {
			c.Close()
			return nil, err
		}
	}
	if err := c.SetLanguage(opts.Language); err != nil {
		c.Close()
		return nil, err
	}
	if config != "" {
		if err := c.SetConfigFile(config); err != nil {
			c.Close()
			return nil, err
		}
	}
	if err := c.DisableOutput(); err != nil {
		c.Close()
		return nil, err
	}
	if opts.Whitelist != "" {
		if err := c.SetWhitelist(opts.Whitelist); err != nil {
			c.Close()
			return nil, err
		}
	}
	// Images go over as PNM, which carries no resolution; the lines are
	// scaled to about the size of 300-dpi print.
	if err := c.SetVariable("user_defined_dpi", "300"); err != nil {
		c.Close()
		return nil, err
	}
	for name, value := range opts.Variables {
		if err := c.SetVariable(gosseract.SettableVariable(name), value); err != nil {
			c.Close()
			return nil, err
		}
	}
	// gosseract starts Tesseract on the first read; do that now, while the
	// config file exists and so that missing data fails here.
	if _, err := e.read(image.NewGray(image.Rect(0, 0, 8, 8)), gosseract.PSM_SINGLE_LINE); err != nil {
		c.Close()
		return nil, fmt.Errorf("tesseract: start %s: %w", opts.Language, err)
	}
	return e, nil
}

// writeConfig writes a Tesseract config file choosing the engine mode,
// which gosseract has no setter for and which Tesseract reads only at start
// (it always asks for the default mode, which lets the data decide).
func writeConfig(mode EngineMode) (string, error) {
	f, err := os.CreateTemp("", "idpro-tesseract-*.config")
	if err != nil {
		return "", fmt.Errorf("tesseract: config: %w", err)
	}
	oem := map[EngineMode]int{LegacyMode: 0, LSTMMode: 1}[mode]
	_, err = fmt.Fprintf(f, "tessedit_ocr_engine_mode %d\n", oem)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(f.Name())
		return "", fmt.Errorf("tesseract: config: %w", err)
	}
	return f.Name(), nil
}

// install writes data to dir/name unless it is there already. It writes a
// temporary file and renames it, so Engines started at once in several
// goroutines never see half a file.
func install(dir, name string, data []byte) error {
	path := filepath.Join(dir, name)
	if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, data) {
		return nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("tesseract: data dir: %w", err)
	}
	f, err := os.CreateTemp(dir, name+".*.tmp")
	if err != nil {
		return fmt.Errorf("tesseract: write data: %w", err)
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("tesseract: write data: %w", err)
	}
	return nil
}

// RecognizeLine returns the text of one MRZ line image (dark text on a
// light background), with the spaces Tesseract puts between words removed:
// an MRZ has none.
func (e *Engine) RecognizeLine(img image.Image) (string, error) {
	lines, err := e.read(img, gosseract.PSM_SINGLE_LINE)
	if err != nil {
		return "", err
	}
	return strings.Join(lines, ""), nil
}

// RecognizeBlock returns the lines of text in an image holding a whole MRZ
// (two or three lines), read as one block.
func (e *Engine) RecognizeBlock(img image.Image) ([]string, error) {
	return e.read(img, gosseract.PSM_SINGLE_BLOCK)
}

// RecognizeSymbols reads one MRZ line image as RecognizeLine does (one
// recognition, same cost) and returns each character with its box in
// img's coordinates and Tesseract's confidence, so that ocr can look at
// the glyphs of characters the model confuses.
func (e *Engine) RecognizeSymbols(img image.Image) ([]ocr.Symbol, error) {
	if err := e.setImage(img, gosseract.PSM_SINGLE_LINE); err != nil {
		return nil, err
	}
	boxes, err := e.client.GetBoundingBoxes(gosseract.RIL_SYMBOL)
	if err != nil {
		return nil, fmt.Errorf("tesseract: %w", err)
	}
	// Boxes are in the PNM's coordinates, which add the margin.
	shift := img.Bounds().Min.Sub(image.Pt(margin, margin))
	var out []ocr.Symbol
	for _, b := range boxes {
		for _, r := range b.Word {
			if !unicode.IsSpace(r) {
				out = append(out, ocr.Symbol{Char: r, Box: b.Box.Add(shift), Conf: b.Confidence})
			}
		}
	}
	return out, nil
}

// RecognizeGlyph reads img as a single character, one of allowed (any
// when allowed is empty); 0 when Tesseract finds none. It implements
// ocr.GlyphRecognizer.
func (e *Engine) RecognizeGlyph(img image.Image, allowed string) (rune, error) {
	if err := e.client.SetWhitelist(allowed); err != nil {
		return 0, fmt.Errorf("tesseract: %w", err)
	}
	defer e.client.SetWhitelist(e.whitelist)
	lines, err := e.read(img, gosseract.PSM_SINGLE_CHAR)
	if err != nil {
		return 0, err
	}
	for _, r := range strings.Join(lines, "") {
		if allowed == "" || strings.ContainsRune(allowed, r) {
			return r, nil
		}
	}
	return 0, nil
}

func (e *Engine) setImage(img image.Image, psm gosseract.PageSegMode) error {
	if e.psm != psm {
		if err := e.client.SetPageSegMode(psm); err != nil {
			return err
		}
		e.psm = psm
	}
	if err := e.client.SetImageFromBytes(pnm(img)); err != nil {
		return fmt.Errorf("tesseract: image: %w", err)
	}
	return nil
}

func (e *Engine) read(img image.Image, psm gosseract.PageSegMode) ([]string, error) {
	if err := e.setImage(img, psm); err != nil {
		return nil, err
	}
	text, err := e.client.Text()
	if err != nil {
		return nil, fmt.Errorf("tesseract: %w", err)
	}
	var lines []string
	for _, l := range strings.Split(text, "\n") {
		if l = strings.Join(strings.Fields(l), ""); l != "" {
			lines = append(lines, l)
		}
	}
	return lines, nil
}

// Close frees the Tesseract instance.
func (e *Engine) Close() error { return e.client.Close() }
