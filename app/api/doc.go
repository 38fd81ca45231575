// Package api is the belgianIDpro HTTP API: its wire format, its contract
// (openapi.yaml, OpenAPI 3.1, the one description of every route, schema,
// security scheme and error) and a client that implements app.Service.
// The sandbox (app/sandbox) serves the same API, so the app cannot tell
// the two apart; both sides' tests validate real traffic against the
// contract (app/api/contract).
//
// Sign-in is OAuth 2.0's authorization code with PKCE through a loopback
// redirect (RFC 8252): /oauth/authorize, /oauth/token, /oauth/revoke.
// Every /v1 route but /v1/health wants a bearer access token; company
// routes (/v1/companies/{company}/...) answer only the company's staff
// whom its main access manager gave access, and 404 to anyone else.
// Submissions carry an Idempotency-Key (the request's random key): the
// same key and body give the first receipt again, the same key with
// another body a 422. Errors are RFC 9457 problem details whose code is a
// message key the app translates.
package api
