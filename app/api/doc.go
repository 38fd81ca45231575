// Package api is the belgianIDpro HTTP API: its wire format and a client
// that implements app.Service. The sandbox (app/sandbox) serves the same
// API, so the app cannot tell the two apart.
//
//	POST /v1/requests               Submission        -> 201 app.Receipt
//	GET  /v1/requests/{id}                            -> 200 app.Receipt
//	POST /v1/requests/{id}/cancel                     -> 200 app.Receipt
//	GET  /v1/requests?requester=E                     -> 200 []app.Receipt
//	GET  /v1/health                                   -> 200 {"status":"ok"}
//
// A submission carries an Idempotency-Key header (the local request id): a
// retry after a lost answer returns the first receipt instead of a second
// INSZ. Errors are JSON Problem bodies with a status >= 400.
package api
