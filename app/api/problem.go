package api

import (
	"net/http"
)

// ProblemType is the media type of every error answer (RFC 9457).
const ProblemType = "application/problem+json"

// problemBase prefixes the stable type URI of each problem; its last part
// is the message key the app translates (assets/translations).
const problemBase = "urn:belgianidpro:problem:"

// Problem is the body of every error answer: RFC 9457 problem details,
// with the message key in Code and its placeholders in Data.
type Problem struct {
	Type     string         `json:"type"`
	Title    string         `json:"title"`
	Status   int            `json:"status"`
	Detail   string         `json:"detail,omitempty"`
	Instance string         `json:"instance,omitempty"`
	Code     string         `json:"code"`
	Data     map[string]any `json:"data,omitempty"`
}

// NewProblem describes a failure by its message key.
func NewProblem(status int, code string, data map[string]any) Problem {
	return Problem{Type: problemBase + code, Title: http.StatusText(status), Status: status, Code: code, Data: data}
}
