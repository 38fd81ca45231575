package assets

import _ "embed"

// MRZTraineddata is idpro's Tesseract recognition data for machine-readable
// zones: legacy-engine (--oem 0) templates of the OCR-B font for A-Z, 0-9
// and '<', with no dictionary. Built by ocr/train/build.sh (make
// train-mrz); see docs/mrz-training.md. The app writes it to a tessdata
// directory at start-up, so users need only the Tesseract library.
//
//go:embed tessdata/mrz.traineddata
var MRZTraineddata []byte
