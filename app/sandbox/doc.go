// Package sandbox is a local stand-in for the belgianIDpro service: the
// same HTTP API as app/api describes (openapi.yaml), with its own bbolt
// file. The app starts it embedded by default so that the whole flow works
// on a machine that cannot reach the real service; `idpro sandbox` serves
// it alone for scripts and tests. docs/service.md is the user's guide.
//
// # Sign-in and companies
//
// A new data file holds the demo companies and people (demo.go): two
// companies, each with a main access manager and two staff members, who
// sign in on the sandbox's HTML page (signin.go) with an eID (national
// number + PIN), itsme (phone number) or a security code (e-mail + code).
// The page answers the app's PKCE authorization request with a code
// (token.go turns it into short access tokens and rotating refresh
// tokens). Company routes let through the company's staff whom the main
// access manager gave access, checked at every call, and answer 404 to
// everyone else.
//
// # What becomes of a request (judge.go, clerk.go)
//
//	when                                             | status            | message / question
//	-------------------------------------------------|-------------------|---------------------------
//	malformed, over four pages, a birth date to come | refused (4xx)     | the problem's code
//	the document had expired when sent               | rejected          | notice.document_expired
//	the register knows the worker by document or     | allocated         | notice.known_person, the
//	  name + birth date + nationality (one person)    |   (their number)  |   missing data completed
//	several known persons match                      | investigating     | notice.ambiguous
//	no pages                                         | info_requested    | question.page
//	not identifiable (app.Request.Identifiable)      | info_requested    | question.fields
//	identifiable but lacking mandatory data          | investigating     | notice.incomplete
//	complete                                         | allocated (BIS)   | notice.allocated
//
// The clerk moves investigated and answered requests on; the timed clerk
// (RunClerk, `--auto-clerk`) does it once a request has waited:
//
//	investigating, several known persons  -> info_requested, a page of another document
//	investigating, incomplete              -> info_requested, the missing fields
//	answered                               -> judged again as above; identifiable is enough
//
// By hand (`idpro sandbox clerk`): ask (fields, a page, words), allocate,
// reject (with a reason). The requester answers (answer.go) only while
// information is requested: the asked fields, pages within the four-page
// limit, words; the request is then answered. Any staff member with
// access cancels an open request. Each change is a timeline entry and one
// e-mail to the requester (notify.go) in their language.
//
// New BIS numbers: month +40 when the sex is known, +20 when not; odd
// sequence for men, even for women; unique per birth date (allocate.go).
//
// # The bucket tree
//
//	persons/<id>                -> person (name, e-mail, language, sign-in keys)
//	logins/<method>:<login>     -> person id
//	companies/<number>          -> company
//	members/<number>/<person>   -> membership (role, access)
//	flows/<id>                  -> a sign-in page shown, with the app's OAuth parameters
//	codes/<sha256(code)>        -> an authorization code waiting to be exchanged
//	tokens/<sha256(token)>      -> access token (person, family, expiry)
//	refresh/<sha256(token)>     -> refresh token (used once; a reuse revokes the family)
//	requests/<number>/<id>      -> record: the receipt, the submission, pages held, language
//	revs/<number>/<rev>         -> request id, one entry per request at its latest revision
//	idem/<number>/<key>         -> the request an idempotency key made, with the body's hash
//	scans/<id>/<nn>             -> the request's pages
//	counters/<YYMMDD><sex>      -> last BIS sequence given
//	audit/<number>/<seq>        -> one register lookup: when, who, result
//	clerk/key                   -> the clerk key
//
// Tokens and codes are kept as hashes: a copy of the file signs nobody in.
package sandbox
