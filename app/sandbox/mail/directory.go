package mail

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Directory "sends" each message by writing it as an .eml file (the bytes
// SMTP would send) into a folder, where the user can open it with any mail
// program. It is the embedded sandbox's default: nothing leaves the
// computer.
type Directory struct {
	dir, from string
}

// NewDirectory writes into dir, creating it (readable by the user only:
// the messages carry e-mail addresses), with from as the sender.
func NewDirectory(dir, from string) (*Directory, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("mail: %w", err)
	}
	return &Directory{dir: dir, from: from}, nil
}

// Dir is the folder written into.
func (d *Directory) Dir() string { return d.dir }

// Send writes the message as <time of change>-<reference>-<status>.eml,
// the time in UTC to the nanosecond, so that names sort by time; when the
// name is taken it moves one nanosecond later, so no file is overwritten.
// The file appears whole or not at all.
func (d *Directory) Send(ctx context.Context, m Message) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	data, err := m.Bytes(d.from)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(d.dir, ".writing-*")
	if err != nil {
		return fmt.Errorf("mail: %w", err)
	}
	defer os.Remove(tmp.Name())
	_, err = tmp.Write(data)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("mail: %w", err)
	}
	// A hard link never replaces an existing name, unlike a rename.
	for at := m.Changed.UTC(); ; at = at.Add(time.Nanosecond) {
		err := os.Link(tmp.Name(), filepath.Join(d.dir, fileName(at, m)))
		if !errors.Is(err, os.ErrExist) {
			if err != nil {
				return fmt.Errorf("mail: %w", err)
			}
			return nil
		}
	}
}

func fileName(at time.Time, m Message) string {
	safe := strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' {
			return r
		}
		return '_'
	}, m.Reference)
	return at.Format("20060102T150405.000000000Z") + "-" + safe + "-" + string(m.Status) + ".eml"
}
