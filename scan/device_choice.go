package scan

// Choice is what the app remembers between sessions (the lead's store
// persists it as JSON): the default scanner and how it was last used.
type Choice struct {
	Device Device `json:"device"`
	Source Source `json:"source,omitempty"`
	Mode   Mode   `json:"mode,omitempty"`
}

// Pick finds the remembered device among devs: the same backend and ID, or
// the same UUID, or else the only device of that backend with the same
// model, because a network scanner's address changes when DHCP hands it
// another. ok is false when it is gone; the UI then asks.
func Pick(devs []Device, remembered Choice) (Device, bool) {
	want := remembered.Device
	for _, d := range devs {
		if d.Backend == want.Backend && (d.ID == want.ID || (want.UUID != "" && d.UUID == want.UUID)) {
			return d, true
		}
	}
	var match []Device
	for _, d := range devs {
		if d.Backend == want.Backend && want.Model != "" && d.Model == want.Model && d.Vendor == want.Vendor {
			match = append(match, d)
		}
	}
	if len(match) == 1 {
		return match[0], true
	}
	return Device{}, false
}
