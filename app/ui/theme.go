package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Theme is Fyne's default theme with the colours text is drawn in changed
// where Fyne's own fall short of WCAG AA (4.5:1 against what they are
// drawn on, theme_test.go): in the light variant the placeholder, the
// blue of buttons, tabs and links, and the warning, error and success
// colours, which labels use for text; in the dark variant the blue, which
// cannot carry white text and stand out from the dark background at once,
// so dark text goes on it. The main window uses it (cmd/idpro).
func Theme() fyne.Theme { return aaTheme{theme.DefaultTheme()} }

type aaTheme struct{ fyne.Theme }

func (t aaTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if c, ok := aaColors[v][n]; ok {
		return c
	}
	return t.Theme.Color(n, v)
}

var (
	white = color.NRGBA{0xff, 0xff, 0xff, 0xff}
	ink   = color.NRGBA{0x17, 0x17, 0x18, 0xff} // the dark variant's background
)

var aaColors = map[fyne.ThemeVariant]map[fyne.ThemeColorName]color.Color{
	theme.VariantLight: {
		theme.ColorNamePlaceHolder:         color.NRGBA{0x6e, 0x6e, 0x6e, 0xff},
		theme.ColorNamePrimary:             color.NRGBA{0x1e, 0x63, 0xe0, 0xff},
		theme.ColorNameHyperlink:           color.NRGBA{0x1e, 0x63, 0xe0, 0xff},
		theme.ColorNameForegroundOnPrimary: white,
		theme.ColorNameWarning:             color.NRGBA{0xb3, 0x59, 0x00, 0xff},
		theme.ColorNameForegroundOnWarning: white,
		theme.ColorNameError:               color.NRGBA{0xc6, 0x28, 0x28, 0xff},
		theme.ColorNameForegroundOnError:   white,
		theme.ColorNameSuccess:             color.NRGBA{0x2e, 0x7d, 0x32, 0xff},
		theme.ColorNameForegroundOnSuccess: white,
	},
	theme.VariantDark: {
		theme.ColorNamePrimary:             color.NRGBA{0x5c, 0x9a, 0xff, 0xff},
		theme.ColorNameHyperlink:           color.NRGBA{0x5c, 0x9a, 0xff, 0xff},
		theme.ColorNameForegroundOnPrimary: ink,
	},
}
