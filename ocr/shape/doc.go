// Package shape measures the glyph in one character's box of a line
// image and says which of the look-alikes OCR-B and blotted print
// confuse it is: 0, O, D or B, 8 or B, H, M or N, T, V, W or Y, a bare
// stem. It compares a glyph with the zeros and eights of the same MRZ,
// which share its font, boldness and blur. It knows no MRZ layout; the
// reader (package ocr) decides where a shape may change a character.
package shape
