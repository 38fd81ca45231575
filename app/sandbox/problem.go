package sandbox

import (
	"encoding/json"
	"errors"
	"net/http"

	"github.com/idpro/idpro/app/api"
)

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	_ = json.NewEncoder(w).Encode(v)
}

// writeProblem answers with RFC 9457 problem details. The detail is the
// message key and its data, never the request's content: answers can end
// up in logs.
func writeProblem(w http.ResponseWriter, r *http.Request, status int, code string, data map[string]any) {
	p := api.NewProblem(status, code, data)
	if r != nil {
		p.Instance = r.URL.Path
	}
	w.Header().Set("Content-Type", api.ProblemType)
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(p)
}

// decode reads a JSON body into v; a body over its limit is a 413, any
// other failure a 400, answered here.
func decode(w http.ResponseWriter, r *http.Request, v any) bool {
	err := json.NewDecoder(r.Body).Decode(v)
	var tooBig *http.MaxBytesError
	switch {
	case err == nil:
		return true
	case errors.As(err, &tooBig):
		writeProblem(w, r, http.StatusRequestEntityTooLarge, "service.too_large", nil)
	default:
		writeProblem(w, r, http.StatusBadRequest, "service.malformed", nil)
	}
	return false
}
