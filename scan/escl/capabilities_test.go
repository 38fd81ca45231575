package escl

import (
	"encoding/xml"
	"slices"
	"strings"
	"testing"

	"github.com/idpro/idpro/scan"
)

// quirkyCaps is shaped like the capabilities of devices that announce
// duplex only as an AdfOption, give a resolution range instead of a list,
// and list formats only as pwg:DocumentFormat, JPEG and PDF.
const quirkyCaps = `<?xml version="1.0" encoding="UTF-8"?>
<scan:ScannerCapabilities xmlns:pwg="http://www.pwg.org/schemas/2010/12/sm" xmlns:scan="http://schemas.hp.com/imaging/escl/2011/05/03">
 <pwg:Version>2.5</pwg:Version>
 <pwg:MakeAndModel>Kyocera ECOSYS M2040dn</pwg:MakeAndModel>
 <scan:Adf>
  <scan:AdfSimplexInputCaps>
   <scan:MinWidth>591</scan:MinWidth><scan:MaxWidth>2551</scan:MaxWidth>
   <scan:MinHeight>591</scan:MinHeight><scan:MaxHeight>4205</scan:MaxHeight>
   <scan:SettingProfiles><scan:SettingProfile>
    <scan:ColorModes><scan:ColorMode>BlackAndWhite1</scan:ColorMode><scan:ColorMode>Grayscale8</scan:ColorMode><scan:ColorMode>RGB24</scan:ColorMode></scan:ColorModes>
    <scan:DocumentFormats><pwg:DocumentFormat>application/pdf</pwg:DocumentFormat><pwg:DocumentFormat>image/jpeg</pwg:DocumentFormat></scan:DocumentFormats>
    <scan:SupportedResolutions><scan:ResolutionRange>
     <scan:XResolution><scan:Min>100</scan:Min><scan:Max>600</scan:Max><scan:Step>1</scan:Step></scan:XResolution>
     <scan:YResolution><scan:Min>100</scan:Min><scan:Max>600</scan:Max><scan:Step>1</scan:Step></scan:YResolution>
    </scan:ResolutionRange></scan:SupportedResolutions>
   </scan:SettingProfile></scan:SettingProfiles>
  </scan:AdfSimplexInputCaps>
  <scan:AdfOptions><scan:AdfOption>DetectPaperLoaded</scan:AdfOption><scan:AdfOption>Duplex</scan:AdfOption></scan:AdfOptions>
 </scan:Adf>
</scan:ScannerCapabilities>`

func TestQuirkyCapabilities(t *testing.T) {
	var c capabilities
	if err := xml.Unmarshal([]byte(quirkyCaps), &c); err != nil {
		t.Fatal(err)
	}
	caps := c.scanCaps()
	if !slices.Equal(caps.Sources, []scan.Source{scan.Feeder, scan.Duplex}) {
		t.Errorf("sources %v", caps.Sources)
	}
	if !slices.Equal(caps.Resolutions, []int{100, 150, 200, 300, 400, 600}) {
		t.Errorf("resolutions %v", caps.Resolutions)
	}
	if !slices.Equal(caps.Modes, []scan.Mode{scan.Color, scan.Gray}) {
		t.Errorf("modes %v", caps.Modes)
	}
	mime, ext := c.source(scan.Duplex).format()
	if mime != "image/jpeg" || ext {
		t.Errorf("format %q ext %v", mime, ext)
	}
	j := job(scan.Settings{Source: scan.Duplex, DPI: 300, Mode: scan.Gray}, c.source(scan.Duplex))
	body, err := xml.Marshal(j)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`<scan:ScanSettings xmlns:scan="http://schemas.hp.com/imaging/escl/2011/05/03" xmlns:pwg="http://www.pwg.org/schemas/2010/12/sm">`,
		"<pwg:InputSource>Feeder</pwg:InputSource>", "<scan:Duplex>true</scan:Duplex>",
		"<pwg:DocumentFormat>image/jpeg</pwg:DocumentFormat>", "<scan:ColorMode>Grayscale8</scan:ColorMode>",
		"<scan:XResolution>300</scan:XResolution>", "<pwg:Width>2551</pwg:Width>", "<pwg:Height>4205</pwg:Height>",
		"<pwg:ContentRegionUnits>escl:ThreeHundredthsOfInches</pwg:ContentRegionUnits>",
	} {
		if !strings.Contains(string(body), want) {
			t.Errorf("request lacks %s:\n%s", want, body)
		}
	}
	if strings.Contains(string(body), "DocumentFormatExt") {
		t.Errorf("DocumentFormatExt sent to a device that does not list it:\n%s", body)
	}
}

func TestPlatenRequestHasNoDuplexAndAnArea(t *testing.T) {
	in := &inputCaps{MaxWidth: 2550, MaxHeight: 3508, Profiles: []settingsCaps{{Formats: []string{"image/jpeg"}, FormatsExt: []string{"image/jpeg"}}}}
	j := job(scan.Settings{DPI: 300, Area: scan.Area{X: 10, Y: 20, Width: 85.6, Height: 54}}, in)
	body, _ := xml.Marshal(j)
	s := string(body)
	for _, want := range []string{"<pwg:InputSource>Platen</pwg:InputSource>", "<pwg:XOffset>118</pwg:XOffset>",
		"<pwg:YOffset>236</pwg:YOffset>", "<pwg:Width>1011</pwg:Width>", "<pwg:Height>638</pwg:Height>",
		"<scan:DocumentFormatExt>image/jpeg</scan:DocumentFormatExt>"} {
		if !strings.Contains(s, want) {
			t.Errorf("request lacks %s:\n%s", want, s)
		}
	}
	if strings.Contains(s, "Duplex") {
		t.Errorf("platen request names duplex:\n%s", s)
	}
}

func TestStatusConditions(t *testing.T) {
	for _, c := range []struct {
		xml  string
		src  scan.Source
		want error
	}{
		{`<scan:ScannerStatus><pwg:State>Idle</pwg:State><scan:AdfState>ScannerAdfProcessing</scan:AdfState></scan:ScannerStatus>`, scan.Feeder, scan.ErrFeederEmpty},
		{`<scan:ScannerStatus><pwg:State>Idle</pwg:State><scan:AdfState>ScannerAdfJam</scan:AdfState></scan:ScannerStatus>`, scan.Duplex, scan.ErrJammed},
		{`<scan:ScannerStatus><pwg:State>Idle</pwg:State><scan:AdfState>ScannerAdfJam</scan:AdfState></scan:ScannerStatus>`, scan.Flatbed, nil},
		{`<scan:ScannerStatus><pwg:State>Processing</pwg:State></scan:ScannerStatus>`, scan.Flatbed, scan.ErrBusy},
		{`<scan:ScannerStatus><pwg:State>Down</pwg:State></scan:ScannerStatus>`, scan.Flatbed, scan.ErrOffline},
		{`<scan:ScannerStatus><pwg:State>Idle</pwg:State><scan:AdfState>ScannerAdfLoaded</scan:AdfState></scan:ScannerStatus>`, scan.Feeder, nil},
	} {
		doc := strings.Replace(c.xml, "<scan:ScannerStatus>", `<scan:ScannerStatus xmlns:pwg="`+NSPWG+`" xmlns:scan="`+NSScan+`">`, 1)
		var st status
		if err := xml.Unmarshal([]byte(doc), &st); err != nil {
			t.Fatal(err)
		}
		if got := st.condition(c.src); got != c.want {
			t.Errorf("%s from %s: %v, want %v", c.xml, c.src, got, c.want)
		}
	}
}

func TestModeFallsBackToWhatTheDeviceHas(t *testing.T) {
	colourOnly := &inputCaps{Profiles: []settingsCaps{{ColorModes: []string{"BlackAndWhite1", "RGB24"}}}}
	if m := mode(colourOnly, scan.Gray); m != scan.Color {
		t.Errorf("grey on a colour-only device: %q", m)
	}
	both := &inputCaps{Profiles: []settingsCaps{{ColorModes: []string{"RGB24", "Grayscale8"}}}}
	if m := mode(both, scan.Gray); m != scan.Gray {
		t.Errorf("grey on a device with grey: %q", m)
	}
	if m := mode(both, ""); m != "" {
		t.Errorf("device default became %q", m)
	}
}
