// Package signin signs the user in to belgianIDpro as the social
// security's users do (eID, itsme, security code), through the system
// browser: OAuth 2.0's authorization code with PKCE and a loopback
// redirect (RFC 8252), with golang.org/x/oauth2 doing the protocol.
//
// A Session keeps the tokens: the short-lived access token is refreshed
// with the refresh token, which the service rotates at every use; each
// new pair goes to the Keeper (the OS keychain), never to a log or a
// plain file. Client gives the http.Client that the API client uses:
// while nobody is signed in its calls fail with app.ErrSignInRequired,
// so the desk keeps requests queued instead of losing them.
package signin
