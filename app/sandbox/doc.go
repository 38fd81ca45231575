// Package sandbox is a local stand-in for the belgianIDpro service: the
// same HTTP API as app/api describes, judged by the same rules, with its
// own bbolt file. The app starts it embedded by default so that the whole
// flow works on a machine that cannot reach the real service; `idpro
// sandbox` serves it alone for scripts and tests.
//
// What it does with a submission: a malformed one is refused (400 with a
// Problem), as is one of more than four pages, counting the pages of a
// submitted PDF (the app sends the request's pages as one); one that lacks mandatory data (app.Request.Lacking) is put
// under investigation with the missing fields listed in Asked; a complete
// one gets a new BIS number at once (month +40 when the sex is known, +20
// when not; odd sequence for men, even for women; unique per birth date).
//
// Bucket tree: requests/<id> -> record JSON; idem/<key> -> id;
// counters/<YYMMDD><sex> -> last sequence number given.
package sandbox
