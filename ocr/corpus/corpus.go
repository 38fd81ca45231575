// Package corpus lists the MRZ line-crop corpus that idpro's recognizer is
// measured and trained on (../shared/corpus/mrz-lines: X.tif with its truth
// in X.gt.txt) and splits its real crops in two halves by the photo they
// were cut from: rules and training data come from the tuning half only,
// and figures are reported on both, so that fitting the tuning half shows
// as a gap. Only the measuring and training commands use it; the product
// never does, and no test needs the corpus itself.
package corpus

import (
	"fmt"
	"hash/fnv"
	"image"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/image/tiff"
)

// The two halves of the real crops.
const (
	Tuning  = "tuning"
	HeldOut = "held-out"
)

// syntheticPrefix names the corpus's rendered lines, which come from no
// photo and belong to neither half.
const syntheticPrefix = "font_generate_"

// Crop is one line crop of the corpus.
type Crop struct {
	Name  string // file name without .tif
	Path  string // the .tif
	Doc   string // the photo it was cut from; for a synthetic line, its name
	Truth string // the line as printed
}

// Synthetic reports whether the line is a rendering rather than a crop of
// a photo.
func (c Crop) Synthetic() bool { return strings.HasPrefix(c.Name, syntheticPrefix) }

// Half is the crop's half, or "" for a synthetic line.
func (c Crop) Half() string {
	if c.Synthetic() {
		return ""
	}
	return Half(c.Doc)
}

// Image decodes the crop.
func (c Crop) Image() (image.Image, error) {
	f, err := os.Open(c.Path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	img, err := tiff.Decode(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", c.Path, err)
	}
	return img, nil
}

// Half assigns a source photo to a half by an FNV hash of its name: stable
// across runs and machines, and blind to what the photo shows.
func Half(doc string) string {
	h := fnv.New32a()
	h.Write([]byte(doc))
	if h.Sum32()%2 == 0 {
		return Tuning
	}
	return HeldOut
}

// List returns the crops of dir in name order, so that the lines of one
// photo (NAME-0, NAME-1, ...) follow one another.
func List(dir string) ([]Crop, error) {
	truths, err := filepath.Glob(filepath.Join(dir, "*.gt.txt"))
	if err != nil {
		return nil, err
	}
	if len(truths) == 0 {
		return nil, fmt.Errorf("no *.gt.txt line crops in %s", dir)
	}
	sort.Strings(truths)
	out := make([]Crop, 0, len(truths))
	for _, t := range truths {
		gt, err := os.ReadFile(t)
		if err != nil {
			return nil, err
		}
		base := strings.TrimSuffix(t, ".gt.txt")
		c := Crop{Name: filepath.Base(base), Path: base + ".tif", Truth: strings.TrimSpace(string(gt))}
		c.Doc = c.Name
		if i := strings.LastIndex(c.Name, "-"); i > 0 && !c.Synthetic() {
			c.Doc = c.Name[:i]
		}
		out = append(out, c)
	}
	return out, nil
}
