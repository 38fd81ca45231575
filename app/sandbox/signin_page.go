package sandbox

import (
	"net/http"
	"strings"

	"github.com/idpro/idpro/app"
)

// pageText is the sign-in page in the four languages of the service.
var pageText = map[string]map[string]string{
	"en": {
		"title": "Sign in to belgianIDpro (sandbox)", "intro": "Choose how to sign in. This is idpro's local sandbox: only the test identities below exist.",
		"eid": "eID or foreigner's eID with a card reader", "eid_login": "National register number", "eid_secret": "PIN",
		"itsme": "itsme", "itsme_login": "Mobile number", "itsme_note": "Approve the request in the itsme app.",
		"code": "Security code (app, SMS or e-mail)", "code_login": "E-mail address", "code_secret": "Security code",
		"submit": "Sign in", "cancel": "Cancel", "demo": "Test identities", "name": "Name", "companies": "Companies",
		"wrong_keys":  "These sign-in keys are not right. Check them and try again.",
		"expired":     "This sign-in page has expired. Start signing in again from idpro.",
		"bad_request": "This sign-in link is not valid. Start signing in again from idpro.",
		"internal":    "The service could not complete the sign-in. Try again.",
	},
	"nl": {
		"title": "Aanmelden bij belgianIDpro (testomgeving)", "intro": "Kies hoe u zich aanmeldt. Dit is de lokale testomgeving van idpro: alleen de testidentiteiten hieronder bestaan.",
		"eid": "eID of vreemdelingenkaart met kaartlezer", "eid_login": "Rijksregisternummer", "eid_secret": "Pincode",
		"itsme": "itsme", "itsme_login": "Gsm-nummer", "itsme_note": "Bevestig de aanvraag in de itsme-app.",
		"code": "Beveiligingscode (app, sms of e-mail)", "code_login": "E-mailadres", "code_secret": "Beveiligingscode",
		"submit": "Aanmelden", "cancel": "Annuleren", "demo": "Testidentiteiten", "name": "Naam", "companies": "Ondernemingen",
		"wrong_keys":  "Deze aanmeldgegevens kloppen niet. Controleer ze en probeer opnieuw.",
		"expired":     "Deze aanmeldpagina is verlopen. Meld u opnieuw aan vanuit idpro.",
		"bad_request": "Deze aanmeldlink is ongeldig. Meld u opnieuw aan vanuit idpro.",
		"internal":    "De dienst kon de aanmelding niet afronden. Probeer opnieuw.",
	},
	"fr": {
		"title": "Connexion à belgianIDpro (environnement de test)", "intro": "Choisissez comment vous connecter. Ceci est l'environnement de test local d'idpro : seules les identités de test ci-dessous existent.",
		"eid": "eID ou carte d'étranger avec lecteur de carte", "eid_login": "Numéro de registre national", "eid_secret": "Code PIN",
		"itsme": "itsme", "itsme_login": "Numéro de mobile", "itsme_note": "Confirmez la demande dans l'app itsme.",
		"code": "Code de sécurité (app, SMS ou e-mail)", "code_login": "Adresse e-mail", "code_secret": "Code de sécurité",
		"submit": "Se connecter", "cancel": "Annuler", "demo": "Identités de test", "name": "Nom", "companies": "Entreprises",
		"wrong_keys":  "Ces clés de connexion ne sont pas correctes. Vérifiez-les et réessayez.",
		"expired":     "Cette page de connexion a expiré. Reconnectez-vous depuis idpro.",
		"bad_request": "Ce lien de connexion n'est pas valable. Reconnectez-vous depuis idpro.",
		"internal":    "Le service n'a pas pu terminer la connexion. Réessayez.",
	},
	"de": {
		"title": "Anmeldung bei belgianIDpro (Testumgebung)", "intro": "Wählen Sie, wie Sie sich anmelden. Dies ist die lokale Testumgebung von idpro: Es gibt nur die Testidentitäten unten.",
		"eid": "eID oder Ausländerkarte mit Kartenleser", "eid_login": "Nationalregisternummer", "eid_secret": "PIN",
		"itsme": "itsme", "itsme_login": "Handynummer", "itsme_note": "Bestätigen Sie die Anfrage in der itsme-App.",
		"code": "Sicherheitscode (App, SMS oder E-Mail)", "code_login": "E-Mail-Adresse", "code_secret": "Sicherheitscode",
		"submit": "Anmelden", "cancel": "Abbrechen", "demo": "Testidentitäten", "name": "Name", "companies": "Unternehmen",
		"wrong_keys":  "Diese Anmeldedaten stimmen nicht. Prüfen Sie sie und versuchen Sie es erneut.",
		"expired":     "Diese Anmeldeseite ist abgelaufen. Melden Sie sich erneut aus idpro an.",
		"bad_request": "Dieser Anmeldelink ist ungültig. Melden Sie sich erneut aus idpro an.",
		"internal":    "Der Dienst konnte die Anmeldung nicht abschließen. Versuchen Sie es erneut.",
	},
}

// pageLang picks the page's language: the app's ui_locales, else the
// browser's first supported language, else English.
func pageLang(uiLocales, acceptLanguage string) string {
	for _, part := range strings.FieldsFunc(uiLocales+","+acceptLanguage, func(r rune) bool { return r == ',' || r == ' ' }) {
		tag := strings.ToLower(strings.SplitN(strings.SplitN(part, ";", 2)[0], "-", 2)[0])
		if _, ok := pageText[tag]; ok {
			return tag
		}
	}
	return "en"
}

type demoRow struct {
	Name, NationalNumber, Phone, Email, Companies string
}

type pageData struct {
	Lang, Flow, Error string
	T                 map[string]string
	Demo              []demoRow
	PIN, Code         string
}

func (s *Sandbox) renderSignin(w http.ResponseWriter, status int, lang, flowID, problem string) {
	d := pageData{Lang: lang, Flow: flowID, T: pageText[lang], PIN: DemoPIN, Code: DemoCode}
	if problem != "" {
		d.Error = d.T[problem]
	}
	for _, p := range DemoPeople {
		var cs []string
		for _, c := range DemoCompanies {
			if role, ok := p.Roles[c.Number]; ok {
				cs = append(cs, c.Name+" ("+string(role)+")")
			}
		}
		d.Demo = append(d.Demo, demoRow{Name: p.Name, NationalNumber: app.INSZ(p.NationalNumber).String(),
			Phone: p.Phone, Email: p.Email, Companies: strings.Join(cs, ", ")})
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	// form-action also rules the redirect that answers the form: it must
	// let the browser go back to the app's loopback address (RFC 8252).
	w.Header().Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' http://127.0.0.1:*")
	w.Header().Set("X-Frame-Options", "DENY")
	w.WriteHeader(status)
	_ = signinPage.Execute(w, d)
}
