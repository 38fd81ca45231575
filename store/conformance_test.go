package store

import (
	"path/filepath"
	"testing"

	"github.com/idpro/idpro/app"
	"github.com/idpro/idpro/store/storetest"
)

func TestHistoryConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) app.History {
		s := open(t, filepath.Join(t.TempDir(), "idpro.db"))
		t.Cleanup(func() { s.Close() })
		return s
	})
}
