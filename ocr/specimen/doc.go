// Package specimen generates realistic test documents with a correct MRZ:
// passport data pages (TD3), ID cards (TD1, also with numbers longer than
// 9 characters), TD2 cards, visas (MRV-A, MRV-B), the old French ID card,
// EU and Swiss driving licences, rendered at a chosen resolution as a
// cropped card, on a flatbed A4 scan or as a phone photo, with the
// degradations real input has.
//
// Everything is deterministic from a seed so tests and the evaluation see
// the same documents on every machine. The fonts are embedded: Go's own
// fonts for printed text and a copy of the OCR-B font by Matthew Skala
// (fonts-ocr-b, released to the public domain) for the MRZ, so no system
// font is ever needed.
package specimen
