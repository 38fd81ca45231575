package scan

import (
	"image"
	"image/color"
)

// shrink averages f x f blocks of an image. A YCbCr or Gray image keeps
// its layout; any other (RGB, RGBA or paletted PNG, TIFF, 16-bit scans)
// becomes YCbCr 4:2:0: a 600-dpi A4 scan becomes a 300-dpi page of 13 MB,
// where a general resize would make it four bytes a pixel (35 MB), and
// the full-size decoded image can go as soon as this returns.
func shrink(img image.Image, f int) image.Image {
	switch m := img.(type) {
	case *image.YCbCr:
		r := m.Rect
		out := image.NewYCbCr(image.Rect(0, 0, r.Dx()/f, r.Dy()/f), m.SubsampleRatio)
		average(out.Y, out.YStride, out.Rect.Dx(), out.Rect.Dy(), m.Y[m.YOffset(r.Min.X, r.Min.Y):], m.YStride, f)
		cw, ch := out.CStride, len(out.Cb)/max(1, out.CStride)
		// Chroma planes shrink by the same factor; the source plane may
		// hold fewer rows than f times the output's at its bottom edge.
		srcCRows := len(m.Cb) / max(1, m.CStride)
		rows := min(ch, srcCRows/f)
		c0 := m.COffset(r.Min.X, r.Min.Y)
		average(out.Cb, out.CStride, cw, rows, m.Cb[c0:], m.CStride, f)
		average(out.Cr, out.CStride, cw, rows, m.Cr[c0:], m.CStride, f)
		return out
	case *image.Gray:
		r := m.Rect
		out := image.NewGray(image.Rect(0, 0, r.Dx()/f, r.Dy()/f))
		average(out.Pix, out.Stride, out.Rect.Dx(), out.Rect.Dy(), m.Pix[m.PixOffset(r.Min.X, r.Min.Y):], m.Stride, f)
		return out
	}
	return shrinkRGB(img, f)
}

// shrinkRGB averages f x f blocks of any image into YCbCr 4:2:0, reading
// it a row at a time.
func shrinkRGB(img image.Image, f int) *image.YCbCr {
	r := img.Bounds()
	w, h := r.Dx()/f, r.Dy()/f
	out := image.NewYCbCr(image.Rect(0, 0, w, h), image.YCbCrSubsampleRatio420)
	row := make([]uint8, 3*r.Dx())
	sum := make([]int, 3*w)
	// Chroma of two output rows, summed, for the 4:2:0 plane.
	cb, cr := make([]int, out.CStride), make([]int, out.CStride)
	n := f * f
	for y := 0; y < h; y++ {
		clear(sum)
		for dy := 0; dy < f; dy++ {
			rgbRow(img, r.Min.Y+y*f+dy, row)
			for x := 0; x < w; x++ {
				for dx := 0; dx < f; dx++ {
					i := 3 * (x*f + dx)
					sum[3*x] += int(row[i])
					sum[3*x+1] += int(row[i+1])
					sum[3*x+2] += int(row[i+2])
				}
			}
		}
		if y%2 == 0 {
			clear(cb)
			clear(cr)
		}
		for x := 0; x < w; x++ {
			yy, u, v := color.RGBToYCbCr(uint8(sum[3*x]/n), uint8(sum[3*x+1]/n), uint8(sum[3*x+2]/n))
			out.Y[y*out.YStride+x] = yy
			cb[x/2] += int(u)
			cr[x/2] += int(v)
		}
		if y%2 == 1 || y == h-1 {
			rows := 1 + y%2
			for cx := range out.CStride {
				k := rows * min(2, w-2*cx)
				if k <= 0 {
					continue
				}
				out.Cb[(y/2)*out.CStride+cx] = uint8(cb[cx] / k)
				out.Cr[(y/2)*out.CStride+cx] = uint8(cr[cx] / k)
			}
		}
	}
	return out
}

// pickRGB copies w pixels of interleaved RGBA (size 4: 8 bits a channel)
// or RGBA64 (size 8: the high byte of each big-endian channel) to RGB.
func pickRGB(dst, src []uint8, w, size int) {
	c := size / 4
	for x := 0; x < w; x++ {
		p := src[size*x:]
		dst[3*x], dst[3*x+1], dst[3*x+2] = p[0], p[c], p[2*c]
	}
}

// rgbRow reads row y of img as 8-bit RGB into dst (3 bytes a pixel),
// directly from the pixel layouts decoders produce, through At otherwise.
func rgbRow(img image.Image, y int, dst []uint8) {
	r := img.Bounds()
	w := r.Dx()
	switch m := img.(type) {
	case rowSource:
		m.rgbRow(y, dst)
		return
	case *image.RGBA:
		pickRGB(dst, m.Pix[m.PixOffset(r.Min.X, y):], w, 4)
		return
	case *image.NRGBA:
		pickRGB(dst, m.Pix[m.PixOffset(r.Min.X, y):], w, 4)
		return
	case *image.RGBA64:
		pickRGB(dst, m.Pix[m.PixOffset(r.Min.X, y):], w, 8)
		return
	case *image.NRGBA64:
		pickRGB(dst, m.Pix[m.PixOffset(r.Min.X, y):], w, 8)
		return
	case *image.Paletted:
		pal := make([][3]uint8, len(m.Palette))
		for i, c := range m.Palette {
			cr, cg, cb, _ := c.RGBA()
			pal[i] = [3]uint8{uint8(cr >> 8), uint8(cg >> 8), uint8(cb >> 8)}
		}
		src := m.Pix[m.PixOffset(r.Min.X, y):]
		for x := 0; x < w; x++ {
			var c [3]uint8
			if int(src[x]) < len(pal) {
				c = pal[src[x]]
			}
			dst[3*x], dst[3*x+1], dst[3*x+2] = c[0], c[1], c[2]
		}
		return
	}
	for x := 0; x < w; x++ {
		cr, cg, cb, _ := img.At(r.Min.X+x, y).RGBA()
		dst[3*x], dst[3*x+1], dst[3*x+2] = uint8(cr>>8), uint8(cg>>8), uint8(cb>>8)
	}
}

// average fills a w x h plane dst with the means of f x f blocks of src.
func average(dst []uint8, dstStride, w, h int, src []uint8, srcStride, f int) {
	n := f * f
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			s := 0
			for dy := 0; dy < f; dy++ {
				i := (y*f+dy)*srcStride + x*f
				if i+f > len(src) {
					continue
				}
				for _, v := range src[i : i+f] {
					s += int(v)
				}
			}
			dst[y*dstStride+x] = uint8((s + n/2) / n)
		}
	}
}
