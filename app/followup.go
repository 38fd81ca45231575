package app

import "time"

// Question is what the service asks the requester: data (fields, named as
// in Lacking), an extra document page, and/or a question in words. Code is
// a message key for questions the service's rules ask (translated in the
// user's language); Text is a clerk's own words, shown as written.
type Question struct {
	Fields []string          `json:"fields,omitempty"`
	Page   bool              `json:"page,omitempty"`
	Code   string            `json:"code,omitempty"`
	Data   map[string]string `json:"data,omitempty"`
	Text   string            `json:"text,omitempty"`
	Asked  time.Time         `json:"asked"`
}

// Answer is the requester's reply to a Question: the asked fields filled
// in Person (other fields are ignored), extra pages (the request then
// holds at most MaxPages), and words.
type Answer struct {
	Person Person `json:"person"`
	Pages  []Page `json:"pages,omitempty"`
	Text   string `json:"text,omitempty"`
}

// Empty tells an answer that says nothing.
func (a Answer) Empty() bool {
	return a.Person == (Person{}) && len(a.Pages) == 0 && a.Text == ""
}

// Known is what the Crossroads Bank's register knows of a worker, as much
// as a form needs: the person's data (no number), and which of the form's
// empty fields it would fill.
type Known struct {
	Result string   `json:"result"` // found, none or ambiguous
	Person *Person  `json:"person,omitempty"`
	Fills  []string `json:"fills,omitempty"`
}

// Results of a register lookup.
const (
	KnownFound     = "found"
	KnownNone      = "none"
	KnownAmbiguous = "ambiguous"
)

// Fields that the register may fill beyond the mandatory ones.
const (
	FieldBirthCountry = "birth_country"
	FieldNationality  = "nationality"
)
