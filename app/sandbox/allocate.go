package sandbox

import (
	"fmt"
	"strconv"

	"github.com/idpro/idpro/app"
	bolt "go.etcd.io/bbolt"
)

// allocate gives the next free BIS number for a birth date and sex.
func allocate(tx *bolt.Tx, birth app.Date, sex app.Sex) (app.INSZ, error) {
	class := "U"
	if sex == app.Male || sex == app.Female {
		class = string(sex)
	}
	key := fmt.Appendf(nil, "%02d%02d%02d%s", birth.Year%100, birth.Month, birth.Day, class)
	b := tx.Bucket(bucketCounters)
	seq := 1
	if v := b.Get(key); v != nil {
		n, err := strconv.Atoi(string(v))
		if err != nil {
			return "", err
		}
		seq = n + 1
	}
	n, err := app.NewBIS(birth, sex, seq)
	if err != nil {
		return "", app.Errorf("service.numbers_exhausted", err)
	}
	return n, b.Put(key, []byte(strconv.Itoa(seq)))
}
