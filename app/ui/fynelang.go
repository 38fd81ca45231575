package ui

import (
	"embed"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
)

// fyneStrings are the words of Fyne's own widgets and dialogs (the file
// dialogs, an entry's menu, Yes/No/OK) in the app's languages: Fyne's
// en, fr and de (BSD-3-Clause, fyne.io/fyne/v2/lang/translations) and our
// nl, which Fyne 2.7 lacks.
//
//go:embed fynelang/*.json
var fyneStrings embed.FS

// followLanguage makes Fyne's own words follow the app's language. Fyne
// 2.7 has no call to set its language: it picks the translation closest
// to the system's locales (LANGUAGE/LC_ALL/LANG, or the Windows and macOS
// settings) each time translations are added. So the app's language's
// words are added under the locales Fyne may pick here: the system's, and
// English, its fallback. Unknown languages leave Fyne as it was.
func followLanguage(l string) {
	data, err := fyneStrings.ReadFile("fynelang/" + l + ".json")
	if err != nil {
		return
	}
	sys := lang.SystemLocale()
	for _, loc := range []fyne.Locale{"en", sys, fyne.Locale(sys.LanguageString())} {
		if err := lang.AddTranslationsForLocale(data, loc); err != nil {
			fyne.LogError("Fyne's words not translated", err)
		}
	}
}
