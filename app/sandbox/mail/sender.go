package mail

import "context"

// Sender delivers a message to its recipient. SMTP and Directory are the
// two; both are safe for concurrent use.
type Sender interface {
	Send(ctx context.Context, m Message) error
}

var (
	_ Sender = (*SMTP)(nil)
	_ Sender = (*Directory)(nil)
)
