package scan

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"

	"github.com/idpro/idpro/app"
)

// ImportFile brings in the pages of the image or PDF file at path with the
// DefaultLimits.
func ImportFile(path string) ([]Page, error) {
	return DefaultLimits.ImportFile(path)
}

// Import brings in the pages of an image or PDF file read from r with the
// DefaultLimits. name is shown to the user (in messages and Page.Source);
// size is the file size when known, or -1.
func Import(name string, r io.Reader, size int64) ([]Page, error) {
	return DefaultLimits.Import(name, r, size)
}

// ImportFile is ImportFile with the limits l.
func (l Limits) ImportFile(path string) ([]Page, error) {
	name := filepath.Base(path)
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, app.Errorf("scan.file_not_found", err, "file", name)
		}
		return nil, app.Errorf("scan.read_failed", err, "file", name)
	}
	defer f.Close()
	size := int64(-1)
	if st, err := f.Stat(); err == nil {
		if st.IsDir() {
			return nil, app.Errorf("scan.not_a_file", nil, "file", name)
		}
		size = st.Size()
	}
	return l.Import(name, f, size)
}

// Import is Import with the limits l.
func (l Limits) Import(name string, r io.Reader, size int64) ([]Page, error) {
	if size > l.MaxFileBytes {
		return nil, tooLarge(name, size, l.MaxFileBytes)
	}
	// One byte past the limit tells a too-large stream of unknown size.
	// A known size is read into a buffer of that size: growing one by
	// doubling would hold up to twice a 105-MB TIFF for a moment.
	var buf bytes.Buffer
	if size >= 0 {
		buf.Grow(int(size) + bytes.MinRead)
	}
	_, err := buf.ReadFrom(io.LimitReader(r, l.MaxFileBytes+1))
	b := buf.Bytes()
	if err != nil {
		return nil, app.Errorf("scan.read_failed", err, "file", name)
	}
	if int64(len(b)) > l.MaxFileBytes {
		return nil, tooLarge(name, int64(len(b)), l.MaxFileBytes)
	}
	if len(bytes.TrimSpace(b)) == 0 {
		return nil, app.Errorf("scan.empty_file", nil, "file", name)
	}
	pages, err := l.importBytes(name, b)
	if len(b) >= bigFile {
		// The file is garbage now, unless a page keeps it (a JPEG), and
		// its memory goes back to the system at once: left to the
		// collector and the scavenger, the next file of a request was
		// read beside it (the freed span, split by the checks' small
		// allocations, no longer held it), and four 48-bit TIFF pages
		// (209 MB each) took 465 MB of RSS.
		buf = bytes.Buffer{}
		debug.FreeOSMemory()
	}
	return pages, err
}

// bigFile is the size from which a file is collected as soon as it is
// brought in.
const bigFile = 32 << 20

func (l Limits) importBytes(name string, b []byte) ([]Page, error) {
	switch f := sniff(b); f {
	case formatPDF:
		return l.importPDF(name, b)
	case formatTIFF:
		return l.importTIFF(name, b)
	case formatUnknown:
		return nil, app.Errorf("scan.unsupported_format", nil, "file", name)
	default:
		p, err := l.importImage(name, b, f)
		if err != nil {
			return nil, err
		}
		return []Page{p}, nil
	}
}

func tooLarge(name string, size, limit int64) error {
	return app.Errorf("scan.file_too_large", nil, "file", name,
		"size_mb", (size+(1<<20)-1)>>20, "max_mb", limit>>20)
}
