// Package store keeps the company's requests, their pages and the user's
// settings in one local bbolt file, sealed under the install's data key
// (app/secret): a copy of the file without the key shows no name, number,
// address or image.
//
// The bucket tree (schema version 3). "sealed" is AES-256-GCM under the
// data key with the value's place (bucket/key) as additional data, so a
// sealed value does not open anywhere else; everything else is in clear
// and is nothing personal:
//
//	meta/
//	  version            -> "3"
//	  header             -> secret.Header as JSON: the data key's verifier and,
//	                        with a passphrase, the key wrapped under it (never the key)
//	  blobkey            -> sealed: the HMAC-SHA256 key that names blobs
//	  compact            -> present while a migrated file still needs compacting
//	requests/
//	  <id>               -> revision (8 bytes) | index JSON | sealed body
//	                        index: status, remote id, company, created, updated
//	                        (the revision), closed, purged, blob names
//	                        body: the app.Request and its pages' labels, types
//	                        and blob names
//	blobs/
//	  <name>             -> sealed page, original scan or submitted PDF; name =
//	                        hex HMAC-SHA256(blob key, bytes): equal pages share one
//	refs/
//	  <name>             -> uvarint: how many requests hold the blob
//	outbox/
//	  <id>               -> app.Outgoing as JSON: the queued request's idempotency
//	                        key, when it was queued, tries, next try
//	retention/
//	  <closed><id>       -> nothing; closed = 8-byte big-endian Unix ns when the
//	                        request became final, so purging reads only what is due
//	settings/
//	  app                -> sealed: app.Settings as JSON
//	  secret/<item>      -> sealed: a sign-in's tokens where no OS keychain answers
//	remote/
//	  <service id>       -> local id of the request the service knows so
//	cursors/
//	  <enterprise no.>   -> the service's sync cursor for that company
//
// Request ids come from the requests bucket's sequence, zero-padded so that
// keys sort in creation order. Requests sent from other workstations of
// the company arrive through Merge (a sync) without pages.
//
// A save writes one record and only the blobs no request held before;
// a page's name is computed once per draft (the memo compares bytes with
// a copy instead of hashing 8 MB again). The record's revision is its
// Updated time in nanoseconds, strictly growing; a request that left the
// draft state is only replaced from its current revision (app.ErrStale).
// Requests that are final for longer than the retention setting keep only
// reference, status, INSZ, dates and requester (Purge, at Open and daily).
//
// Migrations (migrate.go) run in order when a file is opened, in one
// transaction; a file written by a newer idpro is refused rather than
// damaged:
//
//	0 -> 1  requests, pages and settings buckets
//	1 -> 2  remote and cursors, for the company history's sync
//	2 -> 3  everything personal sealed; pages/<id>/<nn> become blobs and
//	        refs; outbox and retention built from the requests; then the file
//	        is compacted into a new one, since bbolt's free pages would still
//	        hold the clear data
//
// bbolt allows one process per file: a second idpro gets a clear
// "already running" error instead of waiting forever. docs/store.md has
// the figures, backup and restore.
package store
