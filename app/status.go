package app

// Status is where a request stands. Draft and Queued exist only on this
// computer; the others come from the service.
type Status string

const (
	Draft         Status = "draft"         // being filled in
	Queued        Status = "queued"        // complete, waiting for the network
	Submitted     Status = "submitted"     // accepted, no answer yet
	Investigating Status = "investigating" // the service looks further or needs more information
	Completed     Status = "completed"     // an INSZ was given
	Rejected      Status = "rejected"
	Cancelled     Status = "cancelled"
)

// Open tells whether the service may still change the request, so the
// history refreshes it and the user may cancel it.
func (s Status) Open() bool {
	return s == Submitted || s == Investigating
}

// Local tells a request the service has not seen yet.
func (s Status) Local() bool { return s == Draft || s == Queued }
