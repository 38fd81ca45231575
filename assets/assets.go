// Package assets holds what idpro embeds in its binary: the icon, the
// translations (one directory per area, one JSON file per language), the
// Belgian postcode list and the MRZ recognition data.
//
// postcodes.csv is cleaned from spatie/belgian-cities-geocoded (MIT, see
// postcodes.LICENSE.md; bpost's list of 2015, updated 2020): columns
// postal,name; multi-postcode rows split; broken capitals inside words
// ("LiÈge") lowered; coordinates and provinces dropped (the app needs
// neither).
package assets

import "embed"

// Translations holds translations/<area>/<lang>.json.
//
//go:embed translations
var Translations embed.FS

// Icon is the application icon (PNG, 512x512).
//
//go:embed icon.png
var Icon []byte

// Postcodes is the Belgian postcode list (CSV: postal,name).
//
//go:embed postcodes.csv
var Postcodes []byte
