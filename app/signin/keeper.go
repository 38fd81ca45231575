package signin

import (
	"encoding/json"
	"errors"
	"sync"
	"time"

	"golang.org/x/oauth2"
)

// Keychain is the OS keychain (app/secret), as the keeper uses it.
type Keychain interface {
	Get(item string) ([]byte, error)
	Set(item string, value []byte) error
	Delete(item string) error
}

// KeychainKeeper keeps the tokens in the keychain under item (one item
// per service address, so a sandbox and the real service never mix).
// isNotFound tells the keychain's "no such item" error.
func KeychainKeeper(kc Keychain, item string, isNotFound func(error) bool) Keeper {
	return &keychainKeeper{kc: kc, item: item, notFound: isNotFound}
}

type keychainKeeper struct {
	kc       Keychain
	item     string
	notFound func(error) bool
}

// kept is what goes into the keychain: the refresh token is what matters;
// the access token saves one refresh at the next start.
type kept struct {
	Access  string `json:"a,omitempty"`
	Refresh string `json:"r"`
	Expiry  int64  `json:"e,omitempty"`
}

func (k *keychainKeeper) Load() (*oauth2.Token, error) {
	data, err := k.kc.Get(k.item)
	if err != nil {
		if k.notFound(err) {
			return nil, nil
		}
		return nil, err
	}
	var v kept
	if err := json.Unmarshal(data, &v); err != nil {
		return nil, err
	}
	tok := &oauth2.Token{AccessToken: v.Access, RefreshToken: v.Refresh, TokenType: "Bearer"}
	if v.Expiry > 0 {
		tok.Expiry = time.Unix(v.Expiry, 0)
	}
	return tok, nil
}

func (k *keychainKeeper) Save(t *oauth2.Token) error {
	data, _ := json.Marshal(kept{Access: t.AccessToken, Refresh: t.RefreshToken, Expiry: t.Expiry.Unix()})
	return k.kc.Set(k.item, data)
}

func (k *keychainKeeper) Clear() error {
	if err := k.kc.Delete(k.item); err != nil && !k.notFound(err) {
		return err
	}
	return nil
}

// Memory keeps the tokens for this run only: where no keychain answers,
// the user signs in again at the next start rather than leaving a token
// in a plain file.
func Memory() Keeper { return &memory{} }

type memory struct {
	mu  sync.Mutex
	tok *oauth2.Token
}

func (m *memory) Load() (*oauth2.Token, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.tok == nil {
		return nil, nil
	}
	t := *m.tok
	return &t, nil
}

func (m *memory) Save(t *oauth2.Token) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	c := *t
	m.tok = &c
	return nil
}

func (m *memory) Clear() error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.tok = nil
	return nil
}

// Fallback keeps tokens in primary, or in secondary when primary fails
// (no keychain on this machine).
func Fallback(primary, secondary Keeper) Keeper { return &fallback{primary, secondary} }

type fallback struct{ a, b Keeper }

func (f *fallback) Load() (*oauth2.Token, error) {
	t, err := f.a.Load()
	if err != nil || t == nil {
		return f.b.Load()
	}
	return t, nil
}

func (f *fallback) Save(t *oauth2.Token) error {
	if err := f.a.Save(t); err != nil {
		return f.b.Save(t)
	}
	return nil
}

func (f *fallback) Clear() error { return errors.Join(f.a.Clear(), f.b.Clear()) }
