package store

import (
	"encoding/binary"
	"encoding/json"
	"fmt"

	"github.com/idpro/idpro/app"
)

// index is the clear part of a request's record: what listing, the
// outbox and retention need, and nothing personal.
type index struct {
	Status   app.Status `json:"s"`
	RemoteID string     `json:"r,omitempty"`
	Company  string     `json:"c,omitempty"`
	Created  int64      `json:"t0"` // Unix nanoseconds
	// Updated is the request's revision: the Unix nanoseconds of its
	// last save, strictly growing (a clock set back still moves it on).
	Updated int64 `json:"t"`
	Closed  int64 `json:"f,omitempty"` // when it reached a final status
	Purged  bool  `json:"p,omitempty"` // retention removed its personal data
	// Blobs are the names of every page, original and PDF it refers to.
	Blobs []string `json:"b,omitempty"`
}

// body is the sealed part: the request and where its pages are.
type body struct {
	Request *app.Request `json:"r"`
	Pages   []pageRef    `json:"p,omitempty"`
	Scan    *pageRef     `json:"s,omitempty"`
}

// pageRef is an app.Page whose bytes are in a blob.
type pageRef struct {
	Label       string   `json:"l,omitempty"`
	ContentType string   `json:"t,omitempty"`
	DPI         float64  `json:"d,omitempty"`
	Whole       bool     `json:"w,omitempty"`
	Blob        string   `json:"b"`
	Original    *pageRef `json:"o,omitempty"`
}

// A record's value is
//
//	revision (8 bytes, big-endian index.Updated) | uvarint(len(index JSON)) | index JSON | sealed body
//
// so listing tells a changed record by its first bytes, and purging reads
// the index without opening the body.
func encodeRecord(ix *index, sealedBody []byte) ([]byte, error) {
	js, err := json.Marshal(ix)
	if err != nil {
		return nil, err
	}
	out := make([]byte, 0, revSize+binary.MaxVarintLen64+len(js)+len(sealedBody))
	out = binary.BigEndian.AppendUint64(out, uint64(ix.Updated))
	out = binary.AppendUvarint(out, uint64(len(js)))
	out = append(out, js...)
	return append(out, sealedBody...), nil
}

const revSize = 8

// recordRev is a record's revision, read without decoding it.
func recordRev(v []byte) int64 {
	if len(v) < revSize {
		return 0
	}
	return int64(binary.BigEndian.Uint64(v))
}

// splitRecord returns a record's index and its sealed body (aliasing v).
func splitRecord(v []byte) (*index, []byte, error) {
	if len(v) < revSize {
		return nil, nil, fmt.Errorf("record of %d bytes", len(v))
	}
	v = v[revSize:]
	n, w := binary.Uvarint(v)
	if w <= 0 || uint64(len(v)-w) < n {
		return nil, nil, fmt.Errorf("record of %d bytes has no index", len(v))
	}
	ix := new(index)
	if err := json.Unmarshal(v[w:w+int(n)], ix); err != nil {
		return nil, nil, err
	}
	return ix, v[w+int(n):], nil
}

// openBody opens and decodes a record's sealed body.
func (s *Store) openBody(id string, sealed []byte) (*body, error) {
	plain, err := s.seal.open(placeRequest(id), sealed)
	if err != nil {
		return nil, s.corrupt(err)
	}
	b := new(body)
	if err := json.Unmarshal(plain, b); err != nil {
		return nil, s.corrupt(err)
	}
	if b.Request == nil {
		return nil, s.corrupt(fmt.Errorf("request %s has an empty body", id))
	}
	return b, nil
}

func (s *Store) sealBody(id string, b *body) ([]byte, error) {
	plain, err := json.Marshal(b)
	if err != nil {
		return nil, err
	}
	return s.seal.seal(placeRequest(id), plain), nil
}
