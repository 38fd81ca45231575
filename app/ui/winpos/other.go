//go:build !(linux || freebsd || openbsd || netbsd || windows)

package winpos

// handleOf: macOS would need Objective-C through cgo ([NSWindow
// setFrameTopLeftPoint:]), which no machine here can build or run.
func handleOf(any) handle { return nil }
