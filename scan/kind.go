package scan

import "math"

// Kind is the kind of identity document, told by its size.
type Kind string

const (
	KindUnknown  Kind = ""
	KindCard     Kind = "id-1"     // ID card or driving licence, 85.6x54 mm (TD1)
	KindTD2      Kind = "td2"      // 105x74 mm
	KindPassport Kind = "passport" // passport data page, 125x88 mm (TD3)
)

// SizeMM is the document's nominal size, long side first.
func (k Kind) SizeMM() (w, h float64) {
	switch k {
	case KindCard:
		return 85.6, 54
	case KindTD2:
		return 105, 74
	case KindPassport:
		return 125, 88
	}
	return 0, 0
}

var kinds = []Kind{KindCard, KindTD2, KindPassport}

// kindBySize tells the kind from the physical size; a scanner's crop or
// a worn edge changes it by a few per cent, never by ten.
func kindBySize(wmm, hmm float64) Kind {
	for _, k := range kinds {
		kw, kh := k.SizeMM()
		if math.Abs(wmm/kw-1) < 0.08 && math.Abs(hmm/kh-1) < 0.10 {
			return k
		}
	}
	return KindUnknown
}

// kindByShape tells the kind from the proportions alone. TD2 cards and
// passport pages have the same proportions; the passport is far more
// common, so it is the guess.
func kindByShape(w, h float64) Kind {
	if h <= 0 {
		return KindUnknown
	}
	switch a := w / h; {
	case math.Abs(a-85.6/54) < 0.06:
		return KindCard
	case math.Abs(a-125.0/88) < 0.06:
		return KindPassport
	}
	return KindUnknown
}
