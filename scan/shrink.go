package scan

import "image"

// shrink averages f x f blocks of a YCbCr or Gray image, keeping its
// layout: a 600-dpi JPEG scan becomes a 300-dpi one in a quarter of the
// memory, where a general resize would make it four bytes a pixel. It
// returns nil for other image types.
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
	return nil
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
