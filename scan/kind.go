package scan

import "math"

// Kind is the kind of identity document, told by its size.
type Kind string

const (
	KindUnknown  Kind = ""
	KindCard     Kind = "id-1"     // ID card or driving licence, 85.6x54 mm (TD1)
	KindTD2      Kind = "td2"      // TD2 card or MRV-B visa, 105x74 mm
	KindVisa     Kind = "visa"     // MRV-A visa sticker, 120x80 mm
	KindPassport Kind = "passport" // passport data page, 125x88 mm (TD3)
)

// SizeMM is the document's nominal size, long side first.
func (k Kind) SizeMM() (w, h float64) {
	switch k {
	case KindCard:
		return 85.6, 54
	case KindTD2:
		return 105, 74
	case KindVisa:
		return 120, 80
	case KindPassport:
		return 125, 88
	}
	return 0, 0
}

var kinds = []Kind{KindCard, KindTD2, KindVisa, KindPassport}

// kindBySize tells the kind from the physical size; a scanner's crop or
// a worn edge changes it by a few per cent, never by ten. A visa sticker
// and a passport page differ by less than that, so the nearest size wins.
func kindBySize(wmm, hmm float64) Kind {
	best, bestErr := KindUnknown, math.Inf(1)
	for _, k := range kinds {
		kw, kh := k.SizeMM()
		ew, eh := math.Abs(wmm/kw-1), math.Abs(hmm/kh-1)
		if ew < 0.08 && eh < 0.10 && ew+eh < bestErr {
			best, bestErr = k, ew+eh
		}
	}
	return best
}

// kindWithin is the smallest kind the document fits in: a document
// running off the page measures less than its kind, one whose file states
// a wrong resolution (72 or 96 dpi for a 300-dpi scan) more than any.
func kindWithin(wmm, hmm float64) Kind {
	for _, k := range kinds {
		if !k.exceeded(wmm, hmm) {
			return k
		}
	}
	return KindUnknown
}

// heldKind is the kind a page of wmm x hmm holds when it is a tight crop
// of a whole document: the document's size plus a margin of up to 5 mm.
func heldKind(wmm, hmm float64) Kind {
	for _, k := range kinds {
		kw, kh := k.SizeMM()
		if wmm >= 0.98*kw && wmm <= kw+10 && hmm >= 0.98*kh && hmm <= kh+10 {
			return k
		}
	}
	return KindUnknown
}

// exceeded tells whether a document measuring wmm x hmm is larger than k
// either way, beyond what finding its edges adds.
func (k Kind) exceeded(wmm, hmm float64) bool {
	kw, kh := k.SizeMM()
	return wmm > kw*1.06 || hmm > kh*1.06
}

// kindByShape tells the kind from the proportions alone: the nearest of
// ID-1 (1.585) and passport (1.42), or an MRV-A visa (1.5) when that close
// to it, since finding the edges changes the proportions by a few
// hundredths and a visa's lie between the others'. TD2 cards and passport
// pages have the same proportions; the passport is far more common, so it
// is the guess.
func kindByShape(w, h float64) Kind {
	if h <= 0 {
		return KindUnknown
	}
	a := w / h
	if math.Abs(a-1.5) < 0.025 {
		return KindVisa
	}
	best, bestErr := KindUnknown, 0.06
	for _, k := range []Kind{KindCard, KindPassport} {
		kw, kh := k.SizeMM()
		if e := math.Abs(a - kw/kh); e < bestErr {
			best, bestErr = k, e
		}
	}
	return best
}
