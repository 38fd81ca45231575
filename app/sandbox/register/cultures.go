package register

// culture is what Generate draws a person from: a nationality with names
// as printed in its documents, places, and the shape of its document
// numbers ('L' a letter, 'D' a digit, 'X' either).
type culture struct {
	nationality, alpha2 string // ICAO and ISO 3166-1 alpha-2 codes
	male, female        []string
	surnames            []string
	femaleSurnames      []string // when women's surnames differ (Icelandic -dóttir)
	places, streets     []string
	postcode            string // shape of a postcode
	passport, idCard    string // shapes of numbers; no ID card when empty
	licence             string
}

// cultures are chosen for their letters: every transliteration the
// matching rules handle appears in some name.
var cultures = []culture{
	{
		nationality: "POL", alpha2: "PL",
		male:     []string{"Łukasz", "Paweł", "Grzegorz", "Michał", "Wojciech", "Jan"},
		female:   []string{"Małgorzata", "Agnieszka", "Żaneta", "Katarzyna", "Ewa"},
		surnames: []string{"Wróbel", "Wiśniewski", "Łęcki", "Sęk", "Żółtowski", "Nowak", "Dąbrowski"},
		places:   []string{"Łódź", "Kraków", "Gdańsk", "Poznań", "Białystok"},
		streets:  []string{"ulica Świętokrzyska", "ulica Piękna", "aleja Jerozolimskie"},
		postcode: "DD-DDD", passport: "LLDDDDDDD", idCard: "LLLDDDDDD", licence: "DDDDD/DD/DDDD",
	},
	{
		nationality: "ROU", alpha2: "RO",
		male:     []string{"Ștefan", "Mihai", "Răzvan", "Ion", "Constantin"},
		female:   []string{"Ioana", "Mădălina", "Andreea", "Ștefania", "Elena"},
		surnames: []string{"Bălănescu", "Popescu", "Țurcanu", "Ionescu", "Dumitrașcu", "Stănescu"},
		places:   []string{"București", "Iași", "Timișoara", "Brașov", "Constanța"},
		streets:  []string{"Strada Mihai Eminescu", "Bulevardul Unirii", "Strada Victoriei"},
		postcode: "DDDDDD", passport: "DDDDDDDD", idCard: "LLDDDDDD", licence: "LDDDDDDDD",
	},
	{
		nationality: "PRT", alpha2: "PT",
		male:     []string{"João", "António", "Gonçalo", "José", "Sebastião"},
		female:   []string{"Conceição", "Inês", "Maria João", "Lúcia", "Ana"},
		surnames: []string{"Gonçalves", "Simões", "Magalhães", "Conceição", "Araújo", "Gonçalves da Silva"},
		places:   []string{"Lisboa", "Porto", "Coimbra", "Guimarães", "Évora"},
		streets:  []string{"Rua Augusta", "Avenida da Liberdade", "Rua de São Bento"},
		postcode: "DDDD-DDD", passport: "LDDDDDD", idCard: "DDDDDDDDDLLD", licence: "LL-DDDDDD D",
	},
	{
		nationality: "DEU", alpha2: "DE",
		male:     []string{"Jürgen", "Günther", "Björn", "Klaus-Dieter", "Lukas"},
		female:   []string{"Käthe", "Bärbel", "Lena", "Anneliese", "Jördis"},
		surnames: []string{"Müller-Lüdenscheidt", "Müller", "Schäfer", "Größ", "Weiß", "Köhler", "Schmidt"},
		places:   []string{"München", "Köln", "Düsseldorf", "Görlitz", "Hamburg"},
		streets:  []string{"Königsallee", "Hauptstraße", "Schloßstraße"},
		postcode: "DDDDD", passport: "LXXXXXXXX", idCard: "LXXXXXXXX", licence: "XXXXXXXXXXX",
	},
	{
		nationality: "NOR", alpha2: "NO",
		male:     []string{"Øystein", "Håkon", "Bjørn", "Ørjan", "Sverre"},
		female:   []string{"Åse", "Ingrid", "Solveig", "Bjørg", "Kari"},
		surnames: []string{"Øvergård", "Haugen", "Sæther", "Bråten", "Løkkeberg", "Aas"},
		places:   []string{"Tromsø", "Bærum", "Ålesund", "Bodø", "Oslo"},
		streets:  []string{"Storgata", "Kongens gate", "Bjørnstjerne Bjørnsons gate"},
		postcode: "DDDD", passport: "DDDDDDDD", idCard: "LLDDDDDDD", licence: "DD DDDDDD DDD",
	},
	{
		nationality: "SWE", alpha2: "SE",
		male:     []string{"Åke", "Göran", "Östen", "Anders", "Björn"},
		female:   []string{"Märta", "Åsa", "Birgitta", "Linnéa", "Karin"},
		surnames: []string{"Åkesson", "Ström", "Lindqvist", "Sjögren", "Öberg", "Nordström"},
		places:   []string{"Göteborg", "Malmö", "Västerås", "Umeå", "Norrköping"},
		streets:  []string{"Drottninggatan", "Kungsgatan", "Götgatan"},
		postcode: "DDD DD", passport: "DDDDDDDD", idCard: "DDDDDDDD", licence: "DDDDDDDD",
	},
	{
		nationality: "DNK", alpha2: "DK",
		male:     []string{"Søren", "Jørgen", "Mads", "Rasmus"},
		female:   []string{"Sørine", "Mette", "Freja", "Birgitte"},
		surnames: []string{"Jørgensen", "Kjærgaard", "Sørensen", "Æbelø", "Høj"},
		places:   []string{"Århus", "København", "Ærøskøbing", "Odense"},
		streets:  []string{"Strøget", "Nørregade", "Åboulevarden"},
		postcode: "DDDD", passport: "DDDDDDDDD", licence: "DDDDDDDD",
	},
	{
		nationality: "ISL", alpha2: "IS",
		male:           []string{"Þórður", "Guðmundur", "Ólafur", "Sigurður"},
		female:         []string{"Þórunn", "Guðrún", "Sigríður", "Ásdís"},
		surnames:       []string{"Þórsson", "Guðmundsson", "Ólafsson", "Sigurðsson"},
		femaleSurnames: []string{"Þórsdóttir", "Guðmundsdóttir", "Ólafsdóttir", "Sigurðardóttir"},
		places:         []string{"Reykjavík", "Akureyri", "Hafnarfjörður", "Ísafjörður"},
		streets:        []string{"Laugavegur", "Skólavörðustígur", "Þingholtsstræti"},
		postcode:       "DDD", passport: "LDDDDDDD", idCard: "DDDDDDDDDD", licence: "DDDDDDDDDD",
	},
	{
		nationality: "TUR", alpha2: "TR",
		male:     []string{"Çağrı", "Işık", "Gökhan", "Oğuz", "Mehmet"},
		female:   []string{"Ayşe", "Gülşen", "Şükran", "Özlem", "İpek"},
		surnames: []string{"Yılmaz", "Öztürk", "Çelik", "Şahin", "Doğan", "Kılıç"},
		places:   []string{"İstanbul", "Eskişehir", "Muğla", "Çorum", "İzmir"},
		streets:  []string{"İstiklal Caddesi", "Atatürk Bulvarı", "Bağdat Caddesi"},
		postcode: "DDDDD", passport: "LDDDDDDDD", licence: "DDDDDD",
	},
	{
		nationality: "VNM", alpha2: "VN",
		male:     []string{"Văn Hùng", "Đức Thắng", "Quốc Bảo", "Minh Tuấn"},
		female:   []string{"Thị Hương", "Thị Thu Trang", "Ngọc Ánh", "Thị Lan"},
		surnames: []string{"Nguyễn", "Trần", "Lê", "Phạm", "Đặng", "Võ"},
		places:   []string{"Hà Nội", "Hồ Chí Minh", "Đà Nẵng", "Huế", "Hải Phòng"},
		streets:  []string{"Đường Lê Lợi", "Phố Hàng Bạc", "Đường Trần Hưng Đạo"},
		postcode: "DDDDDD", passport: "LDDDDDDD", licence: "DDDDDDDDDDDD",
	},
	{
		nationality: "ESP", alpha2: "ES",
		male:     []string{"Ángel", "Íñigo", "José María", "Jesús", "Martín"},
		female:   []string{"María José", "Begoña", "Inés", "Nuria", "Ainhoa"},
		surnames: []string{"Ñúñez", "Muñoz", "García Márquez", "Peña", "Ibáñez", "López de Heredia"},
		places:   []string{"Logroño", "Cádiz", "Málaga", "A Coruña", "León"},
		streets:  []string{"Calle Mayor", "Avenida de la Constitución", "Calle de Alcalá"},
		postcode: "DDDDD", passport: "LLLDDDDDD", idCard: "LLLDDDDDD", licence: "DDDDDDDDL",
	},
	{
		nationality: "FRA", alpha2: "FR",
		male:     []string{"François", "Jérôme", "Hervé", "Loïc", "Noël"},
		female:   []string{"Hélène", "Zoë", "Cécile", "Anaïs", "Maëlle"},
		surnames: []string{"Lefèvre", "Dupré", "Bénard", "Lœuillet", "Chevalier", "Moreau-Gérard"},
		places:   []string{"Besançon", "Orléans", "Nîmes", "Saint-Étienne", "Lille"},
		streets:  []string{"Rue de la Paix", "Boulevard Saint-Germain", "Rue du Faubourg Saint-Honoré"},
		postcode: "DDDDD", passport: "DDLLDDDDD", idCard: "XXXXXXXXX", licence: "DDLLDDDDDDDD",
	},
	{
		nationality: "NLD", alpha2: "NL",
		male:     []string{"Ĳsbrand", "Joost", "Sjoerd", "Daan"},
		female:   []string{"Marloes", "Femke", "Anouk", "Ĳsabel"},
		surnames: []string{"van der Ĳssel", "de Vries", "Ĳzerman", "van den Berg"},
		places:   []string{"IJmuiden", "Den Haag", "Utrecht", "Groningen"},
		streets:  []string{"Kalverstraat", "Oudegracht", "Lange Voorhout"},
		postcode: "DDDD LL", passport: "LLXXXXXXD", idCard: "LLXXXXXXD", licence: "DDDDDDDDDD",
	},
	{
		nationality: "HUN", alpha2: "HU",
		male:     []string{"Gergő", "Ödön", "Bálint", "László"},
		female:   []string{"Zsófia", "Enikő", "Réka", "Tünde"},
		surnames: []string{"Szőke", "Kovács", "Fülöp", "Hegedűs", "Tóth"},
		places:   []string{"Győr", "Pécs", "Székesfehérvár", "Debrecen"},
		streets:  []string{"Andrássy út", "Váci utca", "Fő utca"},
		postcode: "DDDD", passport: "LLDDDDDDD", idCard: "DDDDDDLL", licence: "LLDDDDDD",
	},
	{
		nationality: "CZE", alpha2: "CZ",
		male:     []string{"Jiří", "Tomáš", "Přemysl", "Lubomír"},
		female:   []string{"Kateřina", "Věra", "Zdeňka", "Lucie"},
		surnames: []string{"Dvořák", "Novák", "Černý", "Procházka", "Růžička"},
		places:   []string{"Plzeň", "České Budějovice", "Brno", "Ústí nad Labem"},
		streets:  []string{"Václavské náměstí", "Národní třída", "Husova"},
		postcode: "DDD DD", passport: "DDDDDDDD", idCard: "DDDDDDDDD", licence: "LLDDDDDD",
	},
}
