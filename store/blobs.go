package store

import (
	"bytes"
	"encoding/binary"
	"slices"
	"sync"

	"github.com/idpro/idpro/app"
	bolt "go.etcd.io/bbolt"
)

var (
	bucketBlobs = []byte("blobs")
	bucketRefs  = []byte("refs")
)

// blob is a page's bytes with the name they are stored under.
type blob struct {
	name string
	data []byte
}

// pageRefs names a request's pages (with their originals and the PDF),
// outside any transaction: the hashing is the slow part of a save.
func (s *Store) pageRefs(id string, pages []app.Page, scan *app.Page) ([]pageRef, *pageRef, []blob) {
	var blobs []blob
	var ref func(p *app.Page) *pageRef
	ref = func(p *app.Page) *pageRef {
		name, ok := s.memo.name(id, p.Data)
		if !ok {
			name = s.seal.blobName(p.Data)
		}
		blobs = append(blobs, blob{name, p.Data})
		r := &pageRef{Label: p.Label, ContentType: p.ContentType, DPI: p.DPI, Whole: p.Whole, Blob: name}
		if p.Original != nil {
			r.Original = ref(p.Original)
		}
		return r
	}
	refs := make([]pageRef, len(pages))
	for i := range pages {
		refs[i] = *ref(&pages[i])
	}
	var scanRef *pageRef
	if scan != nil {
		scanRef = ref(scan)
	}
	return refs, scanRef, blobs
}

// names lists blobs' names once each, in order.
func names(blobs []blob) []string {
	var out []string
	seen := map[string]bool{}
	for _, b := range blobs {
		if !seen[b.name] {
			seen[b.name] = true
			out = append(out, b.name)
		}
	}
	return out
}

// relink moves a request's references from the blobs in old to those in
// blobs: a blob is written only when no request holds it yet, and
// deleted when the last one lets it go.
func (s *Store) relink(tx *bolt.Tx, old []string, blobs []blob) error {
	had := map[string]bool{}
	for _, n := range old {
		had[n] = true
	}
	keep := map[string]bool{}
	for _, b := range blobs {
		if keep[b.name] {
			continue
		}
		keep[b.name] = true
		if had[b.name] {
			continue
		}
		if err := s.ref(tx, b); err != nil {
			return err
		}
	}
	for _, n := range old {
		if !keep[n] {
			if err := unref(tx, n); err != nil {
				return err
			}
		}
	}
	return nil
}

// ref counts one more request holding b, writing b when it is new.
func (s *Store) ref(tx *bolt.Tx, b blob) error {
	refs, blobs := tx.Bucket(bucketRefs), tx.Bucket(bucketBlobs)
	n, _ := binary.Uvarint(refs.Get([]byte(b.name)))
	if n == 0 || blobs.Get([]byte(b.name)) == nil {
		if err := blobs.Put([]byte(b.name), s.seal.seal(placeBlob(b.name), b.data)); err != nil {
			return err
		}
	}
	return refs.Put([]byte(b.name), binary.AppendUvarint(nil, n+1))
}

// unref counts one request less holding the blob, deleting it at zero.
func unref(tx *bolt.Tx, name string) error {
	refs, blobs := tx.Bucket(bucketRefs), tx.Bucket(bucketBlobs)
	n, _ := binary.Uvarint(refs.Get([]byte(name)))
	if n > 1 {
		return refs.Put([]byte(name), binary.AppendUvarint(nil, n-1))
	}
	if err := refs.Delete([]byte(name)); err != nil {
		return err
	}
	return blobs.Delete([]byte(name))
}

// page opens a stored page and its original.
func (s *Store) page(tx *bolt.Tx, r *pageRef) (*app.Page, error) {
	sealed := tx.Bucket(bucketBlobs).Get([]byte(r.Blob))
	if sealed == nil {
		return nil, s.corrupt(errMissingBlob(r.Blob))
	}
	data, err := s.seal.open(placeBlob(r.Blob), sealed)
	if err != nil {
		return nil, s.corrupt(err)
	}
	p := &app.Page{Label: r.Label, ContentType: r.ContentType, DPI: r.DPI, Whole: r.Whole, Data: data}
	if r.Original != nil {
		if p.Original, err = s.page(tx, r.Original); err != nil {
			return nil, err
		}
	}
	return p, nil
}

type errMissingBlob string

func (e errMissingBlob) Error() string { return "blob " + string(e) + " is missing" }

// memoRequests is how many requests' pages the memo keeps: the draft
// being typed and the one before it. Each holds up to 8 pages (4 and their
// originals) of about 2 MB: 32 MB at most.
const memoRequests = 2

// memo keeps copies of recently saved pages with their names. Comparing a
// 2-MB page with its copy takes 0.4-0.9 ms on the build machine, HMAC-SHA256
// over it 6-14 ms (best and worst of five, load average 12): without the
// memo an autosave of four pages would spend 25-55 ms hashing. A copy is
// correct even if the caller changes its slice in place.
type memo struct {
	mu    sync.Mutex
	pages map[string][]blob
	order []string // oldest first
}

func (m *memo) name(id string, data []byte) (string, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, b := range m.pages[id] {
		if len(b.data) == len(data) && bytes.Equal(b.data, data) {
			return b.name, true
		}
	}
	return "", false
}

// remember keeps copies of a saved request's pages, reusing copies it has.
func (m *memo) remember(id string, blobs []blob) {
	m.mu.Lock()
	defer m.mu.Unlock()
	have := map[string][]byte{}
	for _, b := range m.pages[id] {
		have[b.name] = b.data
	}
	kept := make([]blob, 0, len(blobs))
	for _, b := range blobs {
		data, ok := have[b.name]
		if !ok {
			data = bytes.Clone(b.data)
			have[b.name] = data
		}
		kept = append(kept, blob{b.name, data})
	}
	if m.pages == nil {
		m.pages = map[string][]blob{}
	}
	if _, ok := m.pages[id]; !ok {
		m.order = append(m.order, id)
	}
	m.pages[id] = kept
	for len(m.order) > memoRequests {
		delete(m.pages, m.order[0])
		m.order = m.order[1:]
	}
}

// forget drops a request's pages (deleted or purged).
func (m *memo) forget(id string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	delete(m.pages, id)
	m.order = slices.DeleteFunc(m.order, func(o string) bool { return o == id })
}
