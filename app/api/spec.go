package api

import _ "embed"

// Spec is the API's contract, OpenAPI 3.1 (openapi.yaml).
//
//go:embed openapi.yaml
var Spec []byte
