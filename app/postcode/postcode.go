// Package postcode looks up Belgian postcodes: which municipalities and
// localities one code covers, so the address step can offer them and flag
// a code that does not exist.
package postcode

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"sort"
)

// Index maps a 4-digit postcode to its place names.
type Index map[string][]string

// Parse reads the CSV list (header postal,name).
func Parse(data []byte) (Index, error) {
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("postcodes: %w", err)
	}
	if len(rows) == 0 || len(rows[0]) != 2 || rows[0][0] != "postal" {
		return nil, fmt.Errorf("postcodes: want header postal,name")
	}
	idx := Index{}
	for _, r := range rows[1:] {
		idx[r[0]] = append(idx[r[0]], r[1])
	}
	for _, names := range idx {
		sort.Strings(names)
	}
	return idx, nil
}

// Names returns the places a postcode covers, or nil.
func (x Index) Names(code string) []string { return x[code] }

// Known tells whether the postcode exists.
func (x Index) Known(code string) bool { return len(x[code]) > 0 }
