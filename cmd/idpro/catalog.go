package main

import (
	"github.com/idpro/idpro/app/locale"
	"github.com/idpro/idpro/assets"
)

// cliCatalog says command-line errors in the system's language.
func cliCatalog() *locale.Catalog {
	return mustCatalog(locale.System())
}

func mustCatalog(lang string) *locale.Catalog {
	c, err := locale.New(assets.Translations, "translations", lang)
	if err != nil {
		// The translations are embedded and checked by tests: failing here
		// is a build defect, not a user error.
		panic(err)
	}
	return c
}
