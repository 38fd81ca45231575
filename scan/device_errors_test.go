package scan_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/idpro/idpro/app"
	"github.com/idpro/idpro/assets"
	"github.com/idpro/idpro/scan"
)

func TestDeviceErrorIsTypedAndTranslatable(t *testing.T) {
	cause := errors.New("sane_read: Document feeder jammed")
	err := scan.DeviceError(scan.ErrJammed, "Canon LiDE 300", cause)
	if !errors.Is(err, scan.ErrJammed) || !errors.Is(err, cause) || err.Code != "scanner.jammed" || err.Data["device"] != "Canon LiDE 300" {
		t.Fatalf("%#v", err)
	}
	other := scan.DeviceError(errors.New("strange"), "x", nil)
	if !errors.Is(other, scan.ErrFailed) || app.ErrorCode(other) != "scanner.failed" {
		t.Errorf("unknown condition: %v", other)
	}
}

func TestEveryScannerKeyIsTranslated(t *testing.T) {
	files := map[string]map[string]string{}
	for _, lang := range []string{"en", "nl", "fr", "de"} {
		data, err := assets.Translations.ReadFile("translations/scanner/" + lang + ".json")
		if err != nil {
			t.Fatal(err)
		}
		m := map[string]string{}
		if err := json.Unmarshal(data, &m); err != nil {
			t.Fatalf("%s: %v", lang, err)
		}
		files[lang] = m
	}
	keys := scan.ErrorCodes()
	for _, s := range []scan.Step{scan.StepPreview, scan.StepFront, scan.StepBack} {
		keys = append(keys, "scanner.step."+string(s))
	}
	for _, p := range []scan.Profile{scan.IDCard, scan.PassportPage} {
		keys = append(keys, "scanner.profile."+string(p))
	}
	for k := range files["en"] {
		keys = append(keys, k)
	}
	for _, k := range keys {
		for lang, m := range files {
			if m[k] == "" {
				t.Errorf("%s lacks %s", lang, k)
			}
		}
		if files["en"][k] == files["nl"][k] || files["en"][k] == files["fr"][k] || files["en"][k] == files["de"][k] {
			t.Errorf("%s is not translated", k)
		}
	}
}
