package app

// Status is where a request stands. Draft and Queued exist only on this
// computer; the others come from the service. Every change the service
// makes is kept in the request's Timeline.
type Status string

const (
	Draft         Status = "draft"          // being filled in
	Queued        Status = "queued"         // complete, waiting for the network or a sign-in
	Received      Status = "received"       // accepted by the service, not judged yet
	Investigating Status = "investigating"  // the service looks further
	InfoRequested Status = "info_requested" // the service asks the requester something (Request.Question)
	Answered      Status = "answered"       // the requester answered; back with the service
	Allocated     Status = "allocated"      // an INSZ was given
	Rejected      Status = "rejected"       // refused, with a reason (Request.Message)
	Cancelled     Status = "cancelled"
)

// Statuses lists every status in the order of a request's life.
var Statuses = []Status{Draft, Queued, Received, Investigating, InfoRequested, Answered, Allocated, Rejected, Cancelled}

// Open tells whether the service may still change the request, so the
// history follows it and the user may cancel it.
func (s Status) Open() bool {
	switch s {
	case Received, Investigating, InfoRequested, Answered:
		return true
	}
	return false
}

// Local tells a request the service has not seen yet.
func (s Status) Local() bool { return s == Draft || s == Queued }

// Final tells a request nothing will change any more.
func (s Status) Final() bool { return s == Allocated || s == Rejected || s == Cancelled }

// NeedsAction tells a request waiting for the requester: a question to
// answer.
func (s Status) NeedsAction() bool { return s == InfoRequested }
