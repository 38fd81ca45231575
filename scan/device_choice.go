package scan

// Choice is what the app remembers between sessions (the lead's store
// persists it as JSON): the default scanner and how the user last scanned
// with it.
type Choice struct {
	Device Device `json:"device"`
	// Source is the source the user picked last (flatbed, feeder, duplex);
	// "" lets the profile choose.
	Source Source `json:"source,omitempty"`
	// RotateBack is whether cards from the duplex feeder get their back
	// side turned 180°.
	RotateBack bool `json:"rotate_back,omitempty"`
}

// Session is a profile session on the remembered device with the
// remembered source and turn. caps are the device's; the UI adds Turn,
// Progress and OnStep. A remembered source the device or the profile does
// not offer falls back to the profile's default (Session.SourceFor).
func (c Choice) Session(b Backend, caps Capabilities) Session {
	return Session{Backend: b, Device: c.Device, Caps: caps, Source: c.Source, RotateBack: c.RotateBack}
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
