// Package register is the sandbox's stand-in for the Crossroads Bank's
// register of persons it already knows (KSZ/BCSS): people with a national
// register or BIS number, their printed names, birth data and the
// identity documents seen for them. Generate makes a deterministic one;
// Match finds who a form describes; Person.Fill completes the form.
//
// # Matching rules
//
// A person matches a query by either route; the outcome is every person
// matched by either, so a document pointing at one person and a name at
// another is Ambiguous rather than a guess.
//
//	route     | the query needs                          | compared how
//	----------|------------------------------------------|---------------------------------------------
//	document  | document number and issuing state        | number: upper case, spaces and MRZ fillers
//	          |                                          | '<' dropped, then equal; state: equal
//	name      | surname, birth year, nationality         | see the rows below; all must agree
//	  surname | the whole surname                        | equal in some common spelling (below)
//	  given   | one or more given names                  | the register's first given names, whole
//	          |                                          | words in order ("Anna" finds "Anna Maria",
//	          |                                          | "Maria" does not); none finds only a person
//	          |                                          | registered without given names
//	  birth   | a date, possibly partial                 | parts known on both sides are equal; a part
//	          |                                          | unknown on either side agrees
//	  nation  | ICAO code                                | equal
//
//	matches | Result
//	--------|------------------------------------------------
//	0       | None: the person is new
//	1       | Found: the number and missing data are returned
//	2+      | Ambiguous: the sandbox investigates
//
// Names are compared in their spellings as a printed name, a typed one or
// an MRZ can give them (ICAO 9303 Part 3): case is ignored; Ä is AE or A,
// Ö is OE or O, Ü is UE or U, Å is AA or A, Ø is OE or O, Æ is AE, Œ is OE,
// ß is SS, Þ is TH, Ĳ is IJ; Ł, Đ, Ð, Ħ lose their stroke and other letters
// their accents; spaces, hyphens and '<' all separate words; other
// punctuation is dropped. Two names agree when one of their spellings is
// the same, so "Müller", "MUELLER" and "Muller" agree, but the register
// cannot know that a name stored as "Mueller" had an umlaut: it stores
// names as printed.
//
// Country codes are compared upper case without fillers, Germany's MRZ
// code D being DEU.
//
// Given names are matched as a prefix because forms and employers often
// give the first given name only, and documents list them in the same
// order; a later given name alone would find too many people ("Maria").
// The surname must be whole: a part of a double surname is not enough.
// A birth year is needed for the name route: a name and nationality alone
// designate too many people.
package register
