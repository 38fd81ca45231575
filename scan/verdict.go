package scan

import (
	"context"
	"slices"
	"strings"
)

// The verdict follows what can be read. The image checks measure the
// scan; the MRZ reader tells whether the one thing belgianIDpro must read
// without a human can be read. So:
//
//   - a page whose MRZ is read (and valid, where its format has check
//     digits) is never blocked: its image flags say what to do better;
//   - a page whose MRZ cannot be read (not found, or read with failing
//     check digits) is blocked when no other page of its request has one
//     read: by the image check that explains it (the one furthest past
//     its warning limit: blur, light, cut off, glare, resolution), and
//     the MRZ check names that reason and its fix; when no check explains
//     it, the MRZ check says where the MRZ is (the page with the photo; a
//     card's other side) or, read with errors, to lay the document flat.
//     A card side touching the edge is not taken to have lost its MRZ
//     there: most card sides without one are the side without one;
//   - once one page of a request has its MRZ read, the others (a visa
//     sticker, the observations, the signature page, a card's other side)
//     need none: they are judged on their image checks alone.

// mrzState is what the MRZ reader made of a page.
type mrzState int

const (
	mrzSkipped mrzState = iota // no reader
	mrzFailed                  // the reader failed (not the page)
	mrzRead                    // read and valid, or read in a format without check digits
	mrzInvalid                 // found, but check digits fail
	mrzMissing                 // not found
)

type mrzOutcome struct {
	state     mrzState
	format    string
	unchecked bool // read in a format without check digits
}

// MRZRead tells whether the page's MRZ was read (valid, or in a format
// without check digits).
func (r Report) MRZRead() bool { return r.mrz.state == mrzRead }

func (c Checker) readMRZ(ctx context.Context, p Page) mrzOutcome {
	if c.MRZ == nil {
		return mrzOutcome{}
	}
	res, err := c.MRZ.Read(ctx, p.Image)
	o := mrzOutcome{format: string(res.Format)}
	switch {
	case err != nil:
		o.state = mrzFailed
	case res.Found && (res.Valid || len(res.Checks) == 0):
		// A format without check digits (the Swiss licence) is read but
		// cannot be proven right: nothing for the scan to fix.
		o.state, o.unchecked = mrzRead, !res.Valid
	case res.Found:
		o.state = mrzInvalid
	default:
		o.state = mrzMissing
	}
	return o
}

// Judge makes the verdicts of a request's pages from what Check measured
// on each: once one page's MRZ is read, the other pages need none.
func Judge(reports []Report) []Report {
	out := slices.Clone(reports)
	for i := range out {
		elsewhere := false
		for j, o := range reports {
			elsewhere = elsewhere || j != i && o.MRZRead()
		}
		out[i].judge(elsewhere)
	}
	return out
}

// judge sets r.Checks from what was measured; elsewhere says another page
// of the request has its MRZ read.
func (r *Report) judge(elsewhere bool) {
	checks := slices.Clone(r.measured)
	format := map[string]any{"format": r.mrz.format}
	mrz := Check{Name: "mrz", Level: OK, Message: "scan.quality.mrz.skipped"}
	switch r.mrz.state {
	case mrzSkipped:
		if len(checks) > 0 && checks[0].Name == "blank" && checks[0].Level == Block {
			r.Checks = checks
			return
		}
	case mrzFailed:
		mrz = Check{Name: "mrz", Level: Warn, Message: "scan.quality.mrz.failed"}
	case mrzRead:
		for i := range checks {
			checks[i] = eased(checks[i])
		}
		mrz = Check{Name: "mrz", Level: OK, Value: 1, Message: "scan.quality.mrz.ok", Data: format}
		if r.mrz.unchecked {
			mrz.Message = "scan.quality.mrz.unchecked"
		}
	case mrzInvalid:
		mrz = Check{Name: "mrz", Level: Warn, Message: "scan.quality.mrz.invalid", Data: format}
		if elsewhere {
			break
		}
		mrz.Level = Block
		if i := cause(checks); i >= 0 {
			checks[i] = hardened(checks[i])
			mrz = Check{Name: "mrz", Level: Block, Message: "scan.quality.mrz.unreadable_" + checks[i].Name}
		}
	case mrzMissing:
		i := cause(checks)
		if r.Document.Kind == KindCard && i >= 0 && checks[i].severity == informational {
			// Most card sides without an MRZ are the side without one: a
			// card touching the edge did not lose it.
			i = -1
		}
		switch {
		case elsewhere:
			mrz.Message = "scan.quality.mrz.other_page"
		case i >= 0:
			checks[i] = hardened(checks[i])
			mrz = Check{Name: "mrz", Level: Block, Message: "scan.quality.mrz.unreadable_" + checks[i].Name}
		case r.Document.Kind == KindCard:
			// An ID-1 card carries its MRZ on one side: this one is the
			// other, and the request needs that one too.
			mrz = Check{Name: "mrz", Level: Block, Message: "scan.quality.mrz.other_side"}
		default:
			mrz = Check{Name: "mrz", Level: Block, Message: "scan.quality.mrz.missing"}
		}
	}
	r.Checks = append(checks, mrz)
}

// causes are the image checks that can make an MRZ unreadable, in the
// order that settles a tie.
var causes = []string{"sharpness", "edges", "exposure", "contrast", "glare", "resolution"}

// cause is the index of the flagged image check that best explains an
// MRZ that cannot be read (the one furthest past its warning limit), or
// -1 when none is flagged. A resolution that is unknown, or a guess from
// the document's shape, explains nothing.
func cause(checks []Check) int {
	best := -1
	for i, c := range checks {
		if c.Level == OK || !slices.Contains(causes, c.Name) || c.Name == "resolution" && c.severity == informational {
			continue
		}
		if best < 0 || c.Level.rank() > checks[best].Level.rank() ||
			c.Level == checks[best].Level && (c.severity > checks[best].severity ||
				c.severity == checks[best].severity && slices.Index(causes, c.Name) < slices.Index(causes, checks[best].Name)) {
			best = i
		}
	}
	return best
}

// hardened is a flagged check raised to block: it is why the MRZ cannot
// be read. Its message becomes the blocking one, which says the fix.
func hardened(c Check) Check {
	if c.Level == Block {
		return c
	}
	c.Level = Block
	if c.Message == "scan.quality.exposure.clipped" {
		c.Message = "scan.quality.exposure.bright_block"
		return c
	}
	c.Message = strings.TrimSuffix(c.Message, "warn") + "block"
	return c
}

// eased is a blocking check lowered to a warning: the MRZ was read, so
// the page can be used, though a better scan would be easier to read.
func eased(c Check) Check {
	if c.Level != Block || c.Name == "blank" {
		return c
	}
	c.Level = Warn
	c.Message = strings.TrimSuffix(c.Message, "block") + "warn"
	return c
}
