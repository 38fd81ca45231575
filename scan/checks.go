package scan

import (
	"context"
	"math"
)

func round(v float64, digits int) float64 {
	p := math.Pow(10, float64(digits))
	return math.Round(v*p) / p
}

// higherBetter grades a value that must stay above warn and block.
func higherBetter(name, unit string, v, warn, block float64) Check {
	c := Check{Name: name, Value: v, Unit: unit, Level: OK, Threshold: warn, Message: "scan.quality." + name + ".ok"}
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
	c := Check{Name: name, Value: v, Unit: unit, Level: OK, Threshold: warn, Message: "scan.quality." + name + ".ok"}
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
		c.Level, c.Message = Block, "scan.quality.edges.block"
	case a.doc.Touches:
		c.Level, c.Message = Warn, "scan.quality.edges.warn"
	}
	if a.doc.CutOff || a.doc.Touches {
		c.Value = 1
	}
	return c
}

func (t Thresholds) resolution(a analysis) Check {
	if a.doc.DPI == 0 {
		return Check{Name: "resolution", Level: Warn, Threshold: t.DPIWarn, Unit: "dpi", Message: "scan.quality.resolution.unknown"}
	}
	c := higherBetter("resolution", "dpi", math.Round(a.doc.DPI), t.DPIWarn, t.DPIBlock)
	c.Data = map[string]any{"dpi": int(math.Round(a.doc.DPI)), "source": string(a.doc.DPISource)}
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
		return Check{Name: "exposure", Level: Warn, Value: round(clip*100, 1), Threshold: t.ClipWarn * 100, Unit: "%", Message: "scan.quality.exposure.clipped"}
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

// mrz reads the MRZ. Passports and TD2 documents carry it on the page
// shown; an ID-1 card carries it on one side only, so its absence there
// is no fault of the scan.
func (c Checker) mrz(ctx context.Context, a analysis, p Page) Check {
	if c.MRZ == nil {
		return Check{Name: "mrz", Level: OK, Message: "scan.quality.mrz.skipped"}
	}
	res, err := c.MRZ.Read(ctx, p.Image)
	switch {
	case err != nil:
		return Check{Name: "mrz", Level: Warn, Message: "scan.quality.mrz.failed"}
	case res.Found && res.Valid:
		return Check{Name: "mrz", Level: OK, Value: 1, Message: "scan.quality.mrz.ok", Data: map[string]any{"format": string(res.Format)}}
	case res.Found && len(res.Checks) == 0:
		// A format without check digits (the Swiss licence) is read but
		// cannot be proven right: nothing for the scan to fix.
		return Check{Name: "mrz", Level: OK, Value: 1, Message: "scan.quality.mrz.unchecked", Data: map[string]any{"format": string(res.Format)}}
	case res.Found:
		return Check{Name: "mrz", Level: Warn, Message: "scan.quality.mrz.invalid", Data: map[string]any{"format": string(res.Format)}}
	case a.doc.Kind == KindCard || a.doc.Kind == KindUnknown:
		return Check{Name: "mrz", Level: OK, Message: "scan.quality.mrz.other_side"}
	}
	return Check{Name: "mrz", Level: Block, Message: "scan.quality.mrz.missing"}
}
