package scan

import "math"

func round(v float64, digits int) float64 {
	p := math.Pow(10, float64(digits))
	return math.Round(v*p) / p
}

// informational is the severity of a warning about how the page was
// taken rather than what it shows (a document touching the edge, a photo
// without a resolution): any other flag is worth showing first.
const informational = -1

// higherBetter grades a value that must stay above warn and block.
func higherBetter(name, unit string, v, warn, block float64) Check {
	c := Check{Name: name, Value: v, Unit: unit, Level: OK, Threshold: warn, Message: "scan.quality." + name + ".ok",
		severity: (warn - v) / (warn - block)}
	switch {
	case v < block:
		c.Level, c.Threshold, c.Message = Block, block, "scan.quality."+name+".block"
	case v < warn:
		c.Level, c.Message = Warn, "scan.quality."+name+".warn"
	}
	return c
}

// lowerBetter grades a value that must stay below warn and block.
func lowerBetter(name, unit string, v, warn, block float64) Check {
	c := Check{Name: name, Value: v, Unit: unit, Level: OK, Threshold: warn, Message: "scan.quality." + name + ".ok",
		severity: (v - warn) / (block - warn)}
	switch {
	case v > block:
		c.Level, c.Threshold, c.Message = Block, block, "scan.quality."+name+".block"
	case v > warn:
		c.Level, c.Message = Warn, "scan.quality."+name+".warn"
	}
	return c
}

func (t Thresholds) blank(a analysis) Check {
	c := Check{Name: "blank", Value: round(a.ink*100, 2), Threshold: round(t.BlankInk*100, 2), Unit: "%", Level: OK, Message: "scan.quality.blank.ok"}
	if a.blank {
		c.Level, c.Message = Block, "scan.quality.blank.block"
	}
	return c
}

func (t Thresholds) cutOff(a analysis) Check {
	c := Check{Name: "edges", Level: OK, Message: "scan.quality.edges.ok"}
	switch {
	case a.doc.CutOff:
		c.Level, c.Message, c.severity = Block, "scan.quality.edges.block", 1
	case a.doc.Touches:
		c.Level, c.Message, c.severity = Warn, "scan.quality.edges.warn", informational
	}
	if a.doc.CutOff || a.doc.Touches {
		c.Value = 1
	}
	return c
}

func (t Thresholds) resolution(a analysis) Check {
	if a.doc.DPI == 0 {
		return Check{Name: "resolution", Level: Warn, Threshold: t.DPIWarn, Unit: "dpi", Message: "scan.quality.resolution.unknown", severity: informational}
	}
	c := higherBetter("resolution", "dpi", math.Round(a.doc.DPI), t.DPIWarn, t.DPIBlock)
	c.Data = map[string]any{"dpi": int(math.Round(a.doc.DPI)), "source": string(a.doc.DPISource)}
	if c.Level == Warn && a.doc.DPISource == DPIDocument {
		// Estimated from the size of the kind the document's shape
		// suggests: in a photo at an angle, a guess (an ID-1 card taken
		// for a visa measures 214 dpi), worth showing after what the
		// page itself shows.
		c.severity = informational
	}
	return c
}

func (t Thresholds) sharpness(a analysis) Check {
	return lowerBetter("sharpness", "", round(a.blur, 3), t.BlurWarn, t.BlurBlock)
}

func (t Thresholds) exposure(a analysis) Check {
	if a.n == 0 {
		return Check{Name: "exposure", Level: OK, Message: "scan.quality.exposure.ok"}
	}
	hi, lo := float64(a.percentile(0.98)), float64(a.percentile(0.02))
	clip := float64(a.hist[255]+a.hist[254]) / float64(a.n)
	c := higherBetter("exposure", "", hi, t.DarkWarn, t.DarkBlock)
	if c.Level != OK {
		c.Message = "scan.quality.exposure.dark_" + string(c.Level)
		return c
	}
	if b := lowerBetter("exposure", "", lo, t.BrightWarn, t.BrightBlock); b.Level != OK {
		b.Message = "scan.quality.exposure.bright_" + string(b.Level)
		return b
	}
	if clip > t.ClipWarn {
		return Check{Name: "exposure", Level: Warn, Value: round(clip*100, 1), Threshold: t.ClipWarn * 100, Unit: "%", Message: "scan.quality.exposure.clipped",
			severity: (clip - t.ClipWarn) / (1 - t.ClipWarn)}
	}
	return c
}

func (t Thresholds) contrast(a analysis) Check {
	if a.n == 0 {
		return Check{Name: "contrast", Level: OK, Message: "scan.quality.contrast.ok"}
	}
	return higherBetter("contrast", "", float64(a.percentile(0.98)-a.percentile(0.02)), t.ContrastWarn, t.ContrastBlock)
}

func (t Thresholds) glare(a analysis) Check {
	return lowerBetter("glare", "mm²", math.Round(a.glare), t.GlareWarn, t.GlareBlock)
}
