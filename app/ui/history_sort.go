package ui

import (
	"cmp"
	"slices"

	"fyne.io/fyne/v2/theme"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"github.com/idpro/idpro/app"
)

// columnSort is the history's order: the column whose header was clicked
// last and its direction. Clicking the same header again reverses it.
type columnSort struct {
	h    *historyView
	col  int
	desc bool
}

// by sorts by column col: the same column again reverses the order;
// another starts ascending, except the date, newest first.
func (s *columnSort) by(col int) {
	if col == s.col {
		s.desc = !s.desc
	} else {
		s.col, s.desc = col, historyColumns[col] == "created"
	}
	s.h.apply()
}

// SetSelected sorts ascending by the column with that title, as the
// header shows it.
func (s *columnSort) SetSelected(title string) {
	for i, c := range historyColumns {
		if s.h.u.T("ui.history.col."+c) == title {
			s.col, s.desc = i, false
			s.h.apply()
		}
	}
}

// sort orders rows by the column as the user reads it (translated
// statuses, names in the UI language's alphabetical order); ties go
// newest first.
func (s *columnSort) sort(rows []*app.Request) {
	col := collate.New(language.Make(s.h.u.Catalog.Lang()), collate.IgnoreCase, collate.Loose)
	slices.SortStableFunc(rows, func(a, b *app.Request) int {
		var c int
		if historyColumns[s.col] == "created" {
			c = a.Created.Compare(b.Created)
		} else {
			c = col.CompareString(s.h.text(a, s.col), s.h.text(b, s.col))
		}
		if s.desc {
			c = -c
		}
		return cmp.Or(c, cmp.Compare(b.ID, a.ID))
	})
}

// header shows column i's title, with an arrow on the sort column.
func (h *historyView) header(i int, o *sortHeader) {
	s := h.sortBy
	var arrow = theme.MenuDropUpIcon()
	switch {
	case i != s.col:
		arrow = nil
	case s.desc:
		arrow = theme.MenuDropDownIcon()
	}
	o.set(h.u.T("ui.history.col."+historyColumns[i]), arrow, func() { s.by(i) })
}
