package escltest

import (
	"encoding/xml"
	"fmt"
	"net/http"
	"strings"
)

// inputCaps is one source's capabilities: both colour modes, JPEG and PNG
// listed as pwg:DocumentFormat and scan:DocumentFormatExt, and the usual
// discrete resolutions.
func inputCaps(name string) string {
	var res strings.Builder
	for _, r := range []int{75, 100, 150, 200, 300, 600} {
		fmt.Fprintf(&res, "<scan:DiscreteResolution><scan:XResolution>%d</scan:XResolution><scan:YResolution>%d</scan:YResolution></scan:DiscreteResolution>", r, r)
	}
	return fmt.Sprintf(`<scan:%s>
<scan:MinWidth>16</scan:MinWidth><scan:MaxWidth>%d</scan:MaxWidth>
<scan:MinHeight>16</scan:MinHeight><scan:MaxHeight>%d</scan:MaxHeight>
<scan:MaxScanRegions>1</scan:MaxScanRegions>
<scan:SettingProfiles><scan:SettingProfile>
<scan:ColorModes><scan:ColorMode>RGB24</scan:ColorMode><scan:ColorMode>Grayscale8</scan:ColorMode></scan:ColorModes>
<scan:DocumentFormats>
<pwg:DocumentFormat>image/jpeg</pwg:DocumentFormat><pwg:DocumentFormat>image/png</pwg:DocumentFormat>
<scan:DocumentFormatExt>image/jpeg</scan:DocumentFormatExt><scan:DocumentFormatExt>image/png</scan:DocumentFormatExt>
</scan:DocumentFormats>
<scan:SupportedResolutions><scan:DiscreteResolutions>%s</scan:DiscreteResolutions></scan:SupportedResolutions>
<scan:ColorSpaces><scan:ColorSpace>sRGB</scan:ColorSpace></scan:ColorSpaces>
</scan:SettingProfile></scan:SettingProfiles>
<scan:SupportedIntents><scan:Intent>Document</scan:Intent><scan:Intent>Photo</scan:Intent><scan:Intent>Preview</scan:Intent></scan:SupportedIntents>
<scan:MaxOpticalXResolution>600</scan:MaxOpticalXResolution><scan:MaxOpticalYResolution>600</scan:MaxOpticalYResolution>
</scan:%s>`, name, GlassWidth, GlassHeight, res.String(), name)
}

func (s *Server) capabilities(w http.ResponseWriter, _ *http.Request) {
	var model strings.Builder
	xml.EscapeText(&model, []byte(s.cfg.MakeAndModel))
	var inputs string
	if !s.cfg.NoPlaten {
		inputs += "<scan:Platen>" + inputCaps("PlatenInputCaps") + "</scan:Platen>\n"
	}
	if !s.cfg.NoAdf {
		inputs += "<scan:Adf>" + inputCaps("AdfSimplexInputCaps") + inputCaps("AdfDuplexInputCaps") +
			"<scan:FeederCapacity>50</scan:FeederCapacity>\n" +
			"<scan:AdfOptions><scan:AdfOption>DetectPaperLoaded</scan:AdfOption><scan:AdfOption>Duplex</scan:AdfOption></scan:AdfOptions>\n" +
			"</scan:Adf>\n"
	}
	w.Header().Set("Content-Type", "text/xml")
	fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?>
<scan:ScannerCapabilities xmlns:scan="http://schemas.hp.com/imaging/escl/2011/05/03" xmlns:pwg="http://www.pwg.org/schemas/2010/12/sm">
<pwg:Version>2.63</pwg:Version>
<pwg:MakeAndModel>%s</pwg:MakeAndModel>
<pwg:SerialNumber>IDPRO0001</pwg:SerialNumber>
<scan:UUID>4509a320-00a0-008f-00b6-002507510eca</scan:UUID>
<scan:AdminURI>%s</scan:AdminURI>
%s</scan:ScannerCapabilities>`, model.String(), s.srv.URL, inputs)
}
