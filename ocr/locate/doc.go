// Package locate finds an MRZ on a page image by its geometry alone, and
// cuts out its lines for a recognizer: no text, no OCR.
//
// preprocess.go reads grey levels straight from the decoder's planes and
// shrinks the page to a working size; blobs.go finds the characters and
// the text's angle; locate.go chains them into lines at one regular
// pitch and groups the lines into blocks; extend.go and short.go add the
// lines a block lacks and the Swiss licence's short first line;
// preprocess_line.go and crop.go cut, scale and binarise the line
// images in the reader's views.
package locate
