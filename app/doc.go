// Package app holds idpro's domain: the INSZ number, the worker, the
// identity document and its pages, addresses, the request and its status,
// and the interfaces that the other packages implement (the belgianIDpro
// service, the local history). It imports no GUI, OCR or storage library, so
// everything here is tested without cgo or a display.
package app
