package contract_test

import (
	"testing"

	"github.com/idpro/idpro/app/api/contract"
)

// The document itself is valid OpenAPI 3.1.
func TestContractLoads(t *testing.T) {
	doc, _, err := contract.Load()
	if err != nil {
		t.Fatal(err)
	}
	if doc.OpenAPI != "3.1.0" || len(doc.Paths.Map()) < 10 {
		t.Fatalf("openapi %s with %d paths", doc.OpenAPI, len(doc.Paths.Map()))
	}
}
