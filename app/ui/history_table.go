package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// historyTable is the history's table with what Fyne's lacks for a list of
// records: Enter or a double click opens the row's details. Arrow keys
// move the focus and Space selects, as in every Fyne table.
type historyTable struct {
	widget.Table
	open func() // opens the selected row
}

func newHistoryTable(h *historyView) *historyTable {
	t := &historyTable{open: h.openSelected}
	t.Length = func() (int, int) { return len(h.rows), len(historyColumns) }
	t.CreateCell = func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}
	t.UpdateCell = func(id widget.TableCellID, o fyne.CanvasObject) { o.(*widget.Label).SetText(h.cell(id)) }
	t.ShowHeaderRow = true
	t.CreateHeader = func() fyne.CanvasObject { return newSortHeader() }
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Row < 0 && id.Col >= 0 && id.Col < len(historyColumns) {
			h.header(id.Col, o.(*sortHeader))
		}
	}
	t.ExtendBaseWidget(t)
	return t
}

// TypedKey opens the focused row on Enter (selecting it first, as Space
// would); other keys move the focus as usual.
func (t *historyTable) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter {
		t.Table.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
		t.open()
		return
	}
	t.Table.TypedKey(ev)
}

// DoubleTapped opens the row the first tap selected.
func (t *historyTable) DoubleTapped(*fyne.PointEvent) { t.open() }

// sortHeader is a column's title that sorts by the column when clicked,
// or when focused and Space or Enter is pressed; the sort column shows an
// arrow for its direction. The title is cut with an ellipsis, not the
// arrow, when the column is narrow.
type sortHeader struct {
	widget.BaseWidget
	label *widget.Label
	arrow *widget.Icon
	focus *canvas.Rectangle
	onTap func()
}

func newSortHeader() *sortHeader {
	s := &sortHeader{label: widget.NewLabel(""), arrow: widget.NewIcon(nil), focus: canvas.NewRectangle(color.Transparent)}
	s.label.TextStyle.Bold = true
	s.label.Truncation = fyne.TextTruncateEllipsis
	s.focus.StrokeWidth = 2
	s.focus.StrokeColor = color.Transparent
	s.ExtendBaseWidget(s)
	return s
}

// set shows the title and the arrow (nil: not the sort column).
func (s *sortHeader) set(title string, arrow fyne.Resource, onTap func()) {
	s.label.SetText(title)
	s.arrow.SetResource(arrow)
	showIf(s.arrow, arrow != nil)
	s.onTap = onTap
}

func (s *sortHeader) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(s.focus, container.NewBorder(nil, nil, nil, s.arrow, s.label)))
}

func (s *sortHeader) Tapped(*fyne.PointEvent) {
	if s.onTap != nil {
		s.onTap()
	}
}

// FocusGained draws the focus ring: keyboard users see where they are.
func (s *sortHeader) FocusGained() {
	s.focus.StrokeColor = theme.Color(theme.ColorNameFocus)
	s.focus.Refresh()
}

func (s *sortHeader) FocusLost() {
	s.focus.StrokeColor = color.Transparent
	s.focus.Refresh()
}

func (s *sortHeader) TypedRune(rune) {}

func (s *sortHeader) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeySpace, fyne.KeyReturn, fyne.KeyEnter:
		s.Tapped(nil)
	}
}

// columnShares is each column's part of the table's width, so the last
// column is never cut off, whatever the window's size; long values end
// with an ellipsis.
var columnShares = []float32{0.12, 0.22, 0.20, 0.18, 0.13, 0.15}

// fitColumns lays the table out and gives its columns their shares of
// the width it gets.
type fitColumns struct {
	table *historyTable
	width float32
}

func (f *fitColumns) MinSize(objs []fyne.CanvasObject) fyne.Size { return objs[0].MinSize() }

func (f *fitColumns) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	if size.Width != f.width {
		f.width = size.Width
		pad := theme.Padding()
		avail := size.Width - pad*float32(len(columnShares)+1)
		for i, share := range columnShares {
			f.table.SetColumnWidth(i, float32(int(avail*share)))
		}
	}
	objs[0].Move(fyne.NewPos(0, 0))
	objs[0].Resize(size)
}
