package tesseract

import "testing"

// BenchmarkRecognizeLine is the cost of one TD3 line on a reused engine,
// the way ocr.Reader uses it.
func BenchmarkRecognizeLine(b *testing.B) {
	img := render(b, "L898902C36UTO7408122F1204159ZE184226B<<<<<10")
	e, err := NewMRZ(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	defer e.Close()
	for b.Loop() {
		if _, err := e.RecognizeLine(img); err != nil {
			b.Fatal(err)
		}
	}
}
