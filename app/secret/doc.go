// Package secret keeps idpro's keys: the operating system's keychain, sealing
// with AES-256-GCM, keys derived from a passphrase with Argon2id, and
// unlocking the install's data key, which encrypts the local store.
// Sign-in tokens go into the keychain through the same Keychain.
// It imports no GUI library and builds with CGO_ENABLED=0.
//
// # Keychain
//
// Keychain is the OS keychain for one service name (Secret Service on
// Linux, Keychain on macOS, Credential Manager on Windows, through
// github.com/zalando/go-keyring). Values are bytes, stored base64-encoded,
// at most MaxValueSize (1920) bytes: Windows keeps 2560 bytes per item, and
// larger values are refused with ErrTooLarge, never cut. Errors wrap
// ErrNotFound (no such item) or ErrUnavailable (no keychain answers: no
// D-Bus session, no Secret Service, locked, refused, timed out); on
// ErrUnavailable callers fall back (the store's key to a passphrase, tokens
// to the store's encrypted part). secrettest.Keyring is one in memory for
// tests.
//
//	kc := secret.NewKeychain("idpro")
//	err := kc.Set("refresh-token", tok) // then kc.Get, kc.Delete
//
// # Sealing
//
// A Key (NewKey, DeriveKey, Unlock) seals with AES-256-GCM:
//
//	sealed := key.Seal(page, []byte("blob/"+id)) // version | nonce | ciphertext+tag
//	page, err := key.Open(sealed, []byte("blob/"+id))
//
// The additional data binds a sealed value to its place (a record id), so
// it cannot be moved elsewhere. Open fails with ErrTampered for any change,
// another key or other additional data; it never returns unauthenticated
// bytes. The nonce is random (96 bits): at most 2^32 seals per key. A
// Verifier is a known value sealed under a key; Verify tells whether a key
// is the right one (ErrWrongKey) before data is opened with it.
//
// # Passphrases
//
// DeriveKey(passphrase, salt, params) is Argon2id; DefaultParams (t=3,
// 64 MiB, p=4) and their cost are documented there. Wrap seals a key under
// a passphrase in a Wrapped record (params, salt, verifier, wrapped key);
// Unwrap tells a wrong passphrase (ErrWrongPassphrase: the verifier does
// not open) from a damaged record (ErrTampered: it opens, the key does not).
//
// # The data key
//
// Unlock returns the install's data key and the Header the store keeps in
// clear in its meta bucket (JSON; it never holds the key in clear):
//
//	key, h, err := secret.Unlock(stored, secret.Options{
//		Keyring:    secret.NewKeychain("idpro"),
//		Passphrase: askOnceOrFromEnv, // the GUI's dialog, or IDPRO_PASSPHRASE read by the caller
//	})
//	// persist h (when stored was nil, before sealing anything)
//
// Where the keychain answers, the key lives there (item DataKeyItem) and
// no passphrase is asked. Where it does not, the key is made at random and
// kept only wrapped under a passphrase in the Header; the passphrase is
// asked once per start. Header.SetPassphrase adds a recovery passphrase to
// a keychain store; ChangePassphrase replaces the passphrase.
//
// # Key loss and recovery
//
// The data is unreadable without the data key, by design; there is no back
// door. The key survives if the keychain keeps it or the passphrase is
// known:
//   - keychain only: a lost keychain (a reinstalled computer, a deleted
//     user profile, a login keyring reset after a forgotten password) loses
//     the data: Unlock says secret.key_lost. A copy of the database (a
//     backup) opens on another computer only with a recovery passphrase, so
//     the app should offer one (SetPassphrase) before the first backup.
//   - with a passphrase: on any computer, the passphrase opens the store, and
//     Unlock puts the key into that computer's keychain for later starts. A
//     forgotten passphrase with no keychain copy loses the data.
//
// Requests already submitted stay at the service; what is lost is this
// computer's history, drafts and scans.
//
// Errors a user can meet are *app.Error values with the keys
// secret.wrong_passphrase, secret.passphrase_short, secret.passphrase_needed,
// secret.keychain_unavailable, secret.key_lost and secret.damaged; they wrap
// the sentinel errors above.
package secret
