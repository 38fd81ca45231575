package store

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"hash"
	"sync"

	"github.com/idpro/idpro/app"
	"github.com/idpro/idpro/app/secret"
	bolt "go.etcd.io/bbolt"
)

var (
	keyHeader  = []byte("header")
	keyBlobKey = []byte("blobkey")
)

// blobKeySize is the HMAC-SHA256 key that names blobs: as long as the
// hash, so names are as hard to guess as the key.
const blobKeySize = 32

// sealer seals the store's values under the data key. Each value's place
// (its bucket and key) is its additional data, so a value moved to
// another record, or two values swapped, no longer opens.
type sealer struct {
	key *secret.Key
	mac sync.Pool // of hash.Hash: HMAC-SHA256 under the blob key
}

func (c *sealer) seal(place string, plain []byte) []byte {
	return c.key.Seal(plain, []byte(place))
}

func (c *sealer) open(place string, sealed []byte) ([]byte, error) {
	return c.key.Open(sealed, []byte(place))
}

// blobName is a page's name: HMAC-SHA256 of its bytes under the store's
// blob key, so equal pages share one blob while a name tells nothing
// about a page (a plain hash would confirm a guessed image).
func (c *sealer) blobName(data []byte) string {
	h := c.mac.Get().(hash.Hash)
	defer c.mac.Put(h)
	h.Reset()
	h.Write(data)
	return hex.EncodeToString(h.Sum(nil))
}

// Places, the additional data of sealed values.
func placeRequest(id string) string { return "requests/" + id }
func placeBlob(name string) string  { return "blobs/" + name }

const (
	placeSettings = "settings/app"
	placeBlobKey  = "meta/blobkey"
)

// unlock finds the data key through secret.Unlock, persisting a new
// store's header (before anything is sealed) and its blob key.
func (s *Store) unlock(keys secret.Options) error {
	var h *secret.Header
	var sealedBlobKey []byte
	err := s.view(func(tx *bolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		if meta == nil {
			return nil
		}
		if data := meta.Get(keyHeader); data != nil {
			h = new(secret.Header)
			if err := json.Unmarshal(data, h); err != nil {
				return s.corrupt(err)
			}
		}
		sealedBlobKey = append([]byte(nil), meta.Get(keyBlobKey)...)
		return nil
	})
	if err != nil {
		return err
	}
	persist := h == nil || len(sealedBlobKey) == 0
	key, h, err := secret.Unlock(h, keys)
	if err != nil {
		return err
	}
	s.seal = &sealer{key: key}
	var blobKey []byte
	if len(sealedBlobKey) > 0 {
		if blobKey, err = s.seal.open(placeBlobKey, sealedBlobKey); err != nil {
			return s.corrupt(err)
		}
	} else {
		blobKey = make([]byte, blobKeySize)
		rand.Read(blobKey)
		sealedBlobKey = s.seal.seal(placeBlobKey, blobKey)
	}
	s.seal.mac.New = func() any { return hmac.New(sha256.New, blobKey) }
	if !persist {
		return nil
	}
	return s.update(func(tx *bolt.Tx) error {
		meta, err := tx.CreateBucketIfNotExists(bucketMeta)
		if err != nil {
			return err
		}
		data, err := json.Marshal(h)
		if err != nil {
			return err
		}
		if err := meta.Put(keyHeader, data); err != nil {
			return err
		}
		return meta.Put(keyBlobKey, sealedBlobKey)
	})
}

// Header is the store's key header (secret.Header), as kept in clear.
func (s *Store) Header() (*secret.Header, error) {
	h := new(secret.Header)
	err := s.view(func(tx *bolt.Tx) error {
		return json.Unmarshal(tx.Bucket(bucketMeta).Get(keyHeader), h)
	})
	return h, err
}

// SetPassphrase adds (or replaces) the passphrase that opens the store
// without this computer's keychain: the recovery passphrase a backup needs
// to open elsewhere. The data key is the open store's.
func (s *Store) SetPassphrase(passphrase string) error {
	h, err := s.Header()
	if err != nil {
		return err
	}
	if err := h.SetPassphrase(s.seal.key, passphrase, secret.Params{}); err != nil {
		if app.ErrorCode(err) == "" {
			return app.Errorf("secret.damaged", err)
		}
		return err
	}
	data, err := json.Marshal(h)
	if err != nil {
		return err
	}
	return s.update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketMeta).Put(keyHeader, data)
	})
}
