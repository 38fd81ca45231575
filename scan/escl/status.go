package escl

import (
	"context"

	"github.com/idpro/idpro/scan"
)

// status is GET {base}/ScannerStatus.
type status struct {
	State    string    `xml:"State"`    // Idle, Processing, Testing, Stopped, Down
	AdfState string    `xml:"AdfState"` // ScannerAdfLoaded, ScannerAdfEmpty, ScannerAdfJam, ...
	Jobs     []jobInfo `xml:"Jobs>JobInfo"`
}

type jobInfo struct {
	URI   string `xml:"JobUri"`
	State string `xml:"JobState"`
}

// adfStates maps scan:AdfState values to conditions. ScannerAdfProcessing is
// what a Kyocera says with an empty feeder (found by sane-airscan).
var adfStates = map[string]error{
	"ScannerAdfEmpty":      scan.ErrFeederEmpty,
	"ScannerAdfProcessing": scan.ErrFeederEmpty,
	"ScannerAdfJam":        scan.ErrJammed,
	"ScannerAdfDoorOpen":   scan.ErrCoverOpen,
	"ScannerAdfMispick":    scan.ErrJammed,
	"ScannerAdfHatchOpen":  scan.ErrCoverOpen,
}

// condition says why a scan from source src cannot go on, from the device
// status: the feeder's state for feeder scans, ErrBusy while the device
// works, ErrOffline when it is stopped or down; nil when it does not tell.
func (s status) condition(src scan.Source) error {
	if err := adfStates[s.AdfState]; err != nil && src != scan.Flatbed {
		return err
	}
	switch s.State {
	case "Processing", "Testing":
		return scan.ErrBusy
	case "Stopped", "Down":
		return scan.ErrOffline
	}
	return nil
}

// why asks the device why a request failed; fallback when it cannot tell.
// Within our own job the device is "Processing" for us, so only the
// feeder's state counts there (ownJob).
func (c *Client) why(ctx context.Context, dev scan.Device, src scan.Source, fallback error, ownJob bool) error {
	var st status
	if c.getXML(ctx, dev, dev.ID+"/ScannerStatus", &st) != nil {
		return fallback
	}
	if ownJob {
		st.State = ""
	}
	if err := st.condition(src); err != nil {
		return err
	}
	return fallback
}
