//go:build !windows

package wia

import "github.com/idpro/idpro/scan"

const isWindows = false

// Backend is nil: WIA exists only on Windows.
func Backend() scan.Backend { return nil }
