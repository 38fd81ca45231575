// Package store keeps the company's requests, their pages and the user's
// settings in one local bbolt file.
//
// The bucket tree (schema version 2):
//
//	meta/
//	  version            -> "2"
//	requests/
//	  <id>               -> app.Request as JSON, without pages
//	pages/
//	  <id>/              -> one bucket per request
//	    <nn>             -> app.Page as JSON, nn = 00, 01, ... in page order
//	    scan             -> app.Page: the pages as the PDF submitted (once sent)
//	settings/
//	  app                -> app.Settings as JSON
//	remote/
//	  <service id>       -> local id of the request the service knows so
//	cursors/
//	  <enterprise no.>   -> the service's sync cursor for that company
//
// Request ids come from the requests bucket's sequence, zero-padded so that
// keys sort in creation order. Requests sent from other workstations of
// the company arrive through Merge (a sync) without pages. Schema changes
// are appended to migrations (migrate.go) and run in order when a file is
// opened; a file written by a newer idpro is refused rather than damaged.
//
// bbolt allows one process per file: a second idpro gets a clear
// "already running" error instead of waiting forever.
package store
