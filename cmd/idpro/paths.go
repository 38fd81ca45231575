package main

import (
	"os"
	"path/filepath"
)

// dataDir is where idpro keeps its history, the sandbox's data and the
// MRZ recognition data: the flag, else $IDPRO_DATA, else the user's config
// directory.
func dataDir(flagValue string) (string, error) {
	if flagValue != "" {
		return flagValue, nil
	}
	if env := os.Getenv("IDPRO_DATA"); env != "" {
		return env, nil
	}
	base, err := os.UserConfigDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(base, "idpro"), nil
}
