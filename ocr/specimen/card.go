package specimen

import (
	"image"
	"image/color"
	"image/draw"
	"math"
	"math/rand/v2"
	"strings"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// MRZ geometry from ICAO 9303: 10 characters per inch, about 6 lines per
// inch, the last line a few millimetres above the bottom edge.
const (
	mrzPitchMM  = 25.4 / 10
	mrzLineMM   = 4.23
	mrzBottomMM = 4.5
	mrzLeftMM   = 6.0
	mrzCapMM    = 2.4 // ICAO allows 2.0-3.0 mm
)

// card draws the document itself (no page around it) at dpi.
func card(d Document, dpi float64, r *rand.Rand) (*image.RGBA, error) {
	img, err := visualZone(d, dpi, r)
	if err != nil {
		return nil, err
	}
	_, hmm := d.Kind.sizeMM()
	c := &canvas{img: img, dpi: dpi}
	return img, c.mrz(d.MRZ(), hmm, d.Kind.mrzLeft())
}

// Backdrop draws d at dpi without its MRZ, and returns the rectangle the
// MRZ's lines would fill (from the first line's capitals to the last
// line's baseline, at its left margin and the format's width), so that
// an MRZ from elsewhere, a real one, can be printed there.
func Backdrop(d Document, dpi float64, seed uint64) (*image.RGBA, image.Rectangle, error) {
	img, err := visualZone(d, dpi, rngFor(seed))
	if err != nil {
		return nil, image.Rectangle{}, err
	}
	mrz := d.MRZ()
	_, hmm := d.Kind.sizeMM()
	px := func(mm float64) int { return int(math.Round(mm * dpi / 25.4)) }
	left := d.Kind.mrzLeft()
	bottom := hmm - mrzBottomMM
	top := bottom - float64(len(mrz)-1)*mrzLineMM - mrzCapMM
	width := float64(len(mrz[len(mrz)-1])) * mrzPitchMM
	return img, image.Rect(px(left), px(top), px(left+width), px(bottom)), nil
}

// visualZone draws the document but its MRZ: background, titles, photo and
// the printed fields.
func visualZone(d Document, dpi float64, r *rand.Rand) (*image.RGBA, error) {
	tf, err := fonts()
	if err != nil {
		return nil, err
	}
	wmm, hmm := d.Kind.sizeMM()
	px := func(mm float64) int { return int(math.Round(mm * dpi / 25.4)) }
	img := image.NewRGBA(image.Rect(0, 0, px(wmm), px(hmm)))
	background(img, dpi, r)

	c := &canvas{img: img, dpi: dpi}
	title, subtitle := titles(d.Kind)
	if err := c.text(tf.bold, 4, 5, 7, title, color.RGBA{40, 40, 90, 255}); err != nil {
		return nil, err
	}
	if err := c.text(tf.regular, 2.4, 5, 10.5, subtitle+"   "+countryName(d.IssuingState), color.RGBA{60, 60, 100, 255}); err != nil {
		return nil, err
	}

	mrz := d.MRZ()
	mrzTop := hmm - mrzBottomMM - float64(len(mrz)-1)*mrzLineMM - 4
	photoW := wmm * 0.26
	photoH := math.Min(photoW*1.3, mrzTop-15)
	c.photo(px(5), px(13), px(photoW), px(photoH), r)

	x0 := 5 + photoW + 4
	y := 15.0
	step := math.Min(6.5, (mrzTop-y)/float64(len(printed(d))/2+1))
	col := 0
	for i, f := range printed(d) {
		x := x0 + float64(col)*(wmm-x0)/2
		label := f.label
		if wmm < 100 {
			// Cards have room for one language only.
			label, _, _ = strings.Cut(label, " / ")
		}
		if err := c.text(tf.regular, 1.8, x, y, label, color.RGBA{90, 90, 120, 255}); err != nil {
			return nil, err
		}
		if err := c.text(tf.bold, 2.6, x, y+2.6, f.value, color.RGBA{20, 20, 20, 255}); err != nil {
			return nil, err
		}
		col = 1 - col
		if col == 0 || i == 0 {
			y += step
			col = 0
		}
	}
	return img, nil
}

// mrzLeft is where the MRZ starts. The MRV-A visa is not much wider than
// its 44 characters, so they are centred, about 4 mm from each edge.
func (k Kind) mrzLeft() float64 {
	if k == VisaA {
		w, _ := k.sizeMM()
		return (w - 44*mrzPitchMM) / 2
	}
	return mrzLeftMM
}

type field struct{ label, value string }

// printed is the visual zone: labelled fields as a person reads them.
func printed(d Document) []field {
	switch d.Kind {
	case FrenchIDCard:
		return []field{
			{"Nom", d.Surname},
			{"Prénom(s)", strings.ReplaceAll(d.GivenNames, " ", ", ")},
			{"Sexe", d.Sex},
			{"Né(e) le", d.BirthDate.Format("02.01.2006")},
			{"Carte N°", d.DocumentNumber},
			{"Valable jusqu'au", d.ExpiryDate.Format("02.01.2006")},
		}
	case SwissLicence:
		// The numbered fields of the EU licence model Switzerland follows.
		return []field{
			{"1. Name / Nom / Cognome", d.Surname},
			{"2. Vorname / Prénom / Nome", d.GivenNames},
			{"3. Geburtsdatum / Date de naissance", d.BirthDate.Format("02.01.2006")},
			{"5. Ausweis-Nr. / N° du permis", d.DocumentNumber},
			{"PIN", d.OptionalData[:9]},
			{"9. Kategorien / Catégories", "B, BE, A1"},
		}
	}
	f := []field{
		{"Surname / Nom / Name", d.Surname},
		{"Given names / Prénoms / Vornamen", d.GivenNames},
		{"Nationality / Nationalité", d.Nationality},
		{"Document no. / N° du document", d.DocumentNumber},
	}
	if d.Kind != DrivingLicence {
		f = append(f, field{"Date of birth / Date de naissance", d.BirthDate.Format("02 Jan 2006")},
			field{"Sex / Sexe", d.Sex})
	}
	f = append(f, field{"Date of expiry / Date d'expiration", d.ExpiryDate.Format("02 Jan 2006")})
	if d.Kind == VisaA || d.Kind == VisaB {
		f = append(f, field{"Number of entries / Nombre d'entrées", "MULT"})
	}
	return f
}

func titles(k Kind) (string, string) {
	switch k {
	case IDCard, TD2Card, IDCardLong:
		return "IDENTITY CARD", "Carte d'identité / Identiteitskaart"
	case DrivingLicence:
		return "DRIVING LICENCE", "Permis de conduire / Führerschein"
	case VisaA, VisaB:
		return "VISA", "Visa / Visum   Type C"
	case FrenchIDCard:
		return "CARTE NATIONALE D'IDENTITÉ", "République française"
	case SwissLicence:
		return "FÜHRERAUSWEIS", "Permis de conduire / Licenza di condurre"
	}
	return "PASSPORT", "Passeport / Reisepass"
}

func countryName(code string) string {
	if code == "UTO" {
		return "UTOPIA"
	}
	return strings.TrimRight(code, "<")
}

type canvas struct {
	img *image.RGBA
	dpi float64
}

func (c *canvas) px(mm float64) fixed.Int26_6 { return fixed.Int26_6(mm * c.dpi / 25.4 * 64) }

// text draws s with its baseline at (xmm, ymm) in an em of sizemm.
func (c *canvas) text(f *opentype.Font, sizemm, xmm, ymm float64, s string, col color.RGBA) error {
	fc, err := face(f, sizemm, c.dpi)
	if err != nil {
		return err
	}
	defer fc.Close()
	dr := font.Drawer{Dst: c.img, Src: image.NewUniform(col), Face: fc, Dot: fixed.Point26_6{X: c.px(xmm), Y: c.px(ymm)}}
	dr.DrawString(s)
	return nil
}

// mrz draws the lines in OCR-B at exactly 10 characters per inch, each
// character placed on its own cell so the pitch never drifts.
func (c *canvas) mrz(lines []string, hmm, left float64) error {
	o, err := ocrbFont()
	if err != nil {
		return err
	}
	ink := image.NewUniform(color.RGBA{15, 15, 15, 255})
	mm := c.dpi / 25.4
	for i, l := range lines {
		y := hmm - mrzBottomMM - float64(len(lines)-1-i)*mrzLineMM
		for j, ch := range l {
			o.draw(c.img, ink, ch, (left+float64(j)*mrzPitchMM)*mm, y*mm, mrzCapMM*mm)
		}
	}
	return nil
}

// photo draws a grey portrait placeholder: a head and shoulders.
func (c *canvas) photo(x, y, w, h int, r *rand.Rand) {
	shade := uint8(150 + r.IntN(50))
	draw.Draw(c.img, image.Rect(x, y, x+w, y+h), image.NewUniform(color.RGBA{shade, shade, shade + 10, 255}), image.Point{}, draw.Src)
	cx, cy := float64(x)+float64(w)/2, float64(y)+float64(h)*0.4
	rx, ry := float64(w)*0.22, float64(h)*0.2
	skin := color.RGBA{uint8(120 + r.IntN(100)), uint8(90 + r.IntN(80)), uint8(70 + r.IntN(60)), 255}
	for py := y; py < y+h; py++ {
		for px := x; px < x+w; px++ {
			dx, dy := (float64(px)-cx)/rx, (float64(py)-cy)/ry
			sx, sy := (float64(px)-cx)/(float64(w)*0.45), (float64(py)-float64(y+h))/(float64(h)*0.3)
			switch {
			case dx*dx+dy*dy <= 1:
				c.img.SetRGBA(px, py, skin)
			case sx*sx+sy*sy <= 1:
				c.img.SetRGBA(px, py, color.RGBA{50, 50, 70, 255})
			}
		}
	}
}

// background is a pale tint with a guilloche-like pattern, as security
// printing has, so that binarisation meets something harder than white.
func background(img *image.RGBA, dpi float64, r *rand.Rand) {
	base := [3]float64{225 + r.Float64()*25, 225 + r.Float64()*25, 225 + r.Float64()*25}
	f1, f2, amp := 0.8+r.Float64()*0.8, 0.2+r.Float64()*0.3, 2+r.Float64()*4
	depth := 10 + r.Float64()*25
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		ymm := float64(y) * 25.4 / dpi
		row := img.Pix[img.PixOffset(0, y):]
		for x := b.Min.X; x < b.Max.X; x++ {
			xmm := float64(x) * 25.4 / dpi
			v := math.Sin(xmm*f1 + amp*math.Sin(ymm*f2))
			line := math.Max(0, v*v*v*v*v*v*v*v) * depth
			for k := 0; k < 3; k++ {
				row[4*x+k] = uint8(math.Max(0, base[k]-line*(0.6+0.2*float64(k))))
			}
			row[4*x+3] = 255
		}
	}
}
