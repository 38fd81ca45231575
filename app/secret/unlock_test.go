package secret_test

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"testing"

	"github.com/idpro/idpro/app"
	"github.com/idpro/idpro/app/secret"
	"github.com/idpro/idpro/app/secret/secrettest"
)

// prompt answers pass and counts the questions, by kind.
type prompt struct {
	pass         string
	first, again int
}

func (p *prompt) ask(first bool) (string, error) {
	if first {
		p.first++
	} else {
		p.again++
	}
	return p.pass, nil
}

func opts(kr secret.Keyring, p *prompt) secret.Options {
	o := secret.Options{Keyring: kr, Params: cheap}
	if p != nil {
		o.Passphrase = p.ask
	}
	return o
}

func unlock(t *testing.T, h *secret.Header, o secret.Options) (*secret.Key, *secret.Header) {
	t.Helper()
	k, h, err := secret.Unlock(h, o)
	if err != nil {
		t.Fatal(err)
	}
	return k, h
}

// sameKey fails unless b opens what a sealed.
func sameKey(t *testing.T, a, b *secret.Key) {
	t.Helper()
	if _, err := b.Open(a.Seal([]byte("x"), nil), nil); err != nil {
		t.Error("not the same key")
	}
}

func wantCode(t *testing.T, err error, code string, sentinel error) {
	t.Helper()
	if app.ErrorCode(err) != code || (sentinel != nil && !errors.Is(err, sentinel)) {
		t.Errorf("error %v, want code %s wrapping %v", err, code, sentinel)
	}
}

func TestUnlockKeychain(t *testing.T) {
	kr := &secrettest.Keyring{}
	p := &prompt{pass: "never asked"}
	k1, h := unlock(t, nil, opts(kr, p))
	if h.Passphrase != nil || p.first+p.again != 0 {
		t.Error("a passphrase was asked or kept although the keychain answered")
	}
	if raw, err := kr.Get(secret.DataKeyItem); err != nil || len(raw) != secret.KeySize {
		t.Fatalf("keychain holds %d bytes, %v", len(raw), err)
	}
	k2, h2 := unlock(t, roundTrip(t, h), opts(kr, p))
	sameKey(t, k1, k2)
	if h2.Passphrase != nil {
		t.Error("header changed")
	}

	// A new store where the keychain already holds a key (a deleted
	// database) takes that key.
	k3, _ := unlock(t, nil, opts(kr, p))
	sameKey(t, k1, k3)
}

func TestUnlockNoKeychain(t *testing.T) {
	for _, kr := range []secret.Keyring{nil, &secrettest.Keyring{Err: secret.ErrUnavailable}} {
		p := &prompt{pass: "correct horse"}
		k1, h := unlock(t, nil, opts(kr, p))
		if h.Passphrase == nil || p.first != 1 {
			t.Fatalf("no passphrase asked (%d) or kept", p.first)
		}
		k2, _ := unlock(t, roundTrip(t, h), opts(kr, p))
		sameKey(t, k1, k2)
		if p.again != 1 {
			t.Errorf("passphrase asked %d times to open, want 1", p.again)
		}

		_, _, err := secret.Unlock(h, opts(kr, &prompt{pass: "wrong horse"}))
		wantCode(t, err, "secret.wrong_passphrase", secret.ErrWrongPassphrase)
		_, _, err = secret.Unlock(h, opts(kr, nil))
		wantCode(t, err, "secret.passphrase_needed", secret.ErrUnavailable)
	}
}

// The header never holds the data key in clear: the keychain's copy (put
// there after a passphrase unlock) is not in it, raw or base64.
func TestHeaderHoldsNoKey(t *testing.T) {
	kr := &secrettest.Keyring{Err: secret.ErrUnavailable}
	p := &prompt{pass: "correct horse"}
	_, h := unlock(t, nil, opts(kr, p))
	kr.Err = nil
	unlock(t, h, opts(kr, p))
	raw, err := kr.Get(secret.DataKeyItem)
	if err != nil {
		t.Fatal(err)
	}
	js := mustJSON(t, h)
	if bytes.Contains(js, raw) || bytes.Contains(js, []byte(base64.StdEncoding.EncodeToString(raw))) {
		t.Errorf("the data key is in clear in the header %s", js)
	}
}

func TestUnlockNewPassphrase(t *testing.T) {
	_, _, err := secret.Unlock(nil, opts(nil, &prompt{pass: "short"}))
	wantCode(t, err, "secret.passphrase_short", nil)
	_, _, err = secret.Unlock(nil, opts(nil, nil))
	wantCode(t, err, "secret.passphrase_needed", secret.ErrUnavailable)
	cancelled := errors.New("cancelled")
	o := opts(nil, nil)
	o.Passphrase = func(bool) (string, error) { return "", cancelled }
	if _, _, err = secret.Unlock(nil, o); !errors.Is(err, cancelled) {
		t.Errorf("a cancelled prompt gave %v", err)
	}
}

func TestUnlockKeychainLost(t *testing.T) {
	kr := &secrettest.Keyring{}
	_, h := unlock(t, nil, opts(kr, nil))

	kr.Err = secret.ErrUnavailable
	_, _, err := secret.Unlock(h, opts(kr, &prompt{pass: "correct horse"}))
	wantCode(t, err, "secret.keychain_unavailable", secret.ErrUnavailable)

	kr.Err = nil
	if err := kr.Set(secret.DataKeyItem, make([]byte, secret.KeySize)); err != nil {
		t.Fatal(err)
	}
	_, _, err = secret.Unlock(h, opts(kr, nil))
	wantCode(t, err, "secret.key_lost", secret.ErrWrongKey)

	if err := kr.Delete(secret.DataKeyItem); err != nil {
		t.Fatal(err)
	}
	_, _, err = secret.Unlock(h, opts(kr, nil))
	wantCode(t, err, "secret.key_lost", secret.ErrNotFound)
}

// A recovery passphrase opens a keychain store on a computer whose keychain
// lacks the key (a restored backup), and puts the key there.
func TestUnlockRecovery(t *testing.T) {
	kr := &secrettest.Keyring{}
	k1, h := unlock(t, nil, opts(kr, nil))
	if err := h.SetPassphrase(k1, "recovery horse", cheap); err != nil {
		t.Fatal(err)
	}
	if err := h.SetPassphrase(secret.NewKey(), "recovery horse", cheap); !errors.Is(err, secret.ErrWrongKey) {
		t.Errorf("SetPassphrase with another key: %v", err)
	}

	fresh := &secrettest.Keyring{}
	p := &prompt{pass: "recovery horse"}
	k2, _ := unlock(t, roundTrip(t, h), opts(fresh, p))
	sameKey(t, k1, k2)
	k3, _ := unlock(t, h, opts(fresh, nil)) // no prompt: from the keychain now
	sameKey(t, k1, k3)
	if p.again != 1 {
		t.Errorf("asked %d times", p.again)
	}

	// A keychain holding another store's key is left alone.
	other := &secrettest.Keyring{}
	otherKey, _ := unlock(t, nil, opts(other, nil))
	unlock(t, h, opts(other, p))
	k4, _ := unlock(t, nil, opts(other, nil))
	sameKey(t, otherKey, k4)
}

func TestChangePassphrase(t *testing.T) {
	k1, h := unlock(t, nil, opts(nil, &prompt{pass: "correct horse"}))
	wantCode(t, h.ChangePassphrase("wrong horse", "battery staple", cheap), "secret.wrong_passphrase", secret.ErrWrongPassphrase)
	wantCode(t, h.ChangePassphrase("correct horse", "short", cheap), "secret.passphrase_short", nil)
	if err := h.ChangePassphrase("correct horse", "battery staple", cheap); err != nil {
		t.Fatal(err)
	}
	k2, _ := unlock(t, h, opts(nil, &prompt{pass: "battery staple"}))
	sameKey(t, k1, k2)
	_, _, err := secret.Unlock(h, opts(nil, &prompt{pass: "correct horse"}))
	wantCode(t, err, "secret.wrong_passphrase", secret.ErrWrongPassphrase)

	var none secret.Header
	wantCode(t, none.ChangePassphrase("a", "battery staple", cheap), "secret.wrong_passphrase", secret.ErrWrongPassphrase)
}

func TestUnlockDamagedHeader(t *testing.T) {
	_, h := unlock(t, nil, opts(nil, &prompt{pass: "correct horse"}))
	p := &prompt{pass: "correct horse"}

	d := roundTrip(t, h)
	d.Passphrase.Key[20] ^= 1
	_, _, err := secret.Unlock(d, opts(nil, p))
	wantCode(t, err, "secret.damaged", secret.ErrTampered)

	d = roundTrip(t, h)
	d.Check[20] ^= 1
	_, _, err = secret.Unlock(d, opts(nil, p))
	wantCode(t, err, "secret.damaged", secret.ErrTampered)

	d = roundTrip(t, h)
	d.Version = 2
	_, _, err = secret.Unlock(d, opts(nil, p))
	wantCode(t, err, "secret.damaged", secret.ErrTampered)

	// A foreign item under our name in the keychain is not replaced.
	kr := &secrettest.Keyring{}
	if err := kr.Set(secret.DataKeyItem, []byte("not a key")); err != nil {
		t.Fatal(err)
	}
	_, _, err = secret.Unlock(nil, opts(kr, p))
	wantCode(t, err, "secret.damaged", secret.ErrWrongKey)
}

// roundTrip returns h as the store reads it back: through JSON.
func roundTrip(t *testing.T, h *secret.Header) *secret.Header {
	t.Helper()
	var got secret.Header
	if err := json.Unmarshal(mustJSON(t, h), &got); err != nil {
		t.Fatal(err)
	}
	return &got
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
