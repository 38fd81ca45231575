//go:build unix && !darwin

package secret

import (
	"fmt"
	"os"
	"path/filepath"
)

// sessionBus returns ErrUnavailable when there is no D-Bus session bus to
// find a Secret Service on. Without this check godbus, finding no
// DBUS_SESSION_BUS_ADDRESS, runs dbus-launch (if installed): that starts a
// dbus-daemon, which starts a gnome-keyring-daemon, both left running after
// idpro exits, behind a keyring that is locked anyway. The paths are those
// godbus looks at before it launches.
func sessionBus() error {
	if a := os.Getenv("DBUS_SESSION_BUS_ADDRESS"); a != "" && a != "autolaunch:" {
		return nil
	}
	run := fmt.Sprintf("/run/user/%d", os.Getuid())
	for _, name := range []string{"bus", "dbus-session"} {
		if _, err := os.Stat(filepath.Join(run, name)); err == nil {
			return nil
		}
	}
	return fmt.Errorf("%w: no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is not set)", ErrUnavailable)
}
