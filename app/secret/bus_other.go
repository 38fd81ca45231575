//go:build !unix || darwin

package secret

// sessionBus: macOS and Windows keychains need no session bus.
func sessionBus() error { return nil }
