// Package mrz is the text of a machine-readable zone (MRZ): it fits read
// lines to a layout, checks and repairs them with their check digits,
// and says what they hold and how far to trust it. It knows nothing of
// images; package ocr reads the lines off a page and corrects them
// further by the glyphs' shapes through a Draft.
//
// Files by concept: layout*.go (the formats, their fields and check
// digits), parse*.go (fitting read lines to a layout, and the Result),
// passes.go (the ordered, named correction passes, the reader's glyph
// passes included) with correct*.go (the text passes), draft.go (what
// the reader may ask of and change in a fitted MRZ), structure.go (what
// "valid" means beyond check digits), country*.go and codes.go, date.go,
// name.go, checkdigit.go, field.go and result.go.
package mrz
