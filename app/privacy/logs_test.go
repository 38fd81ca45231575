// Package privacy_test checks, across the whole app, what its logs may
// say: a request's reference, a status, an error code, never to whom.
// Every part that takes a logger writes to one capturing handler while a
// whole flow runs on real parts (the sandbox over HTTP on loopback, the
// browser sign-in, bbolt, the importer), then the records are searched for
// the person's and the user's data and for every token and code.
package privacy_test

import (
	"context"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/oauth2"

	"github.com/idpro/idpro/app"
	"github.com/idpro/idpro/app/account"
	"github.com/idpro/idpro/app/api"
	"github.com/idpro/idpro/app/desk"
	"github.com/idpro/idpro/app/sandbox"
	"github.com/idpro/idpro/app/sandbox/mail"
	"github.com/idpro/idpro/app/sandbox/register"
	"github.com/idpro/idpro/app/sandbox/sandboxtest"
	"github.com/idpro/idpro/app/signin"
	"github.com/idpro/idpro/scan"
	"github.com/idpro/idpro/store"
)

// records captures every log record of every part as text, attributes
// and groups included, as a file handler would write them.
type records struct {
	mu    sync.Mutex
	text  strings.Builder
	parts map[string]int
}

func (r *records) Write(p []byte) (int, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	line := string(p)
	if i := strings.Index(line, "part="); i >= 0 {
		part, _, _ := strings.Cut(line[i+len("part="):], " ")
		r.parts[strings.TrimSpace(part)]++
	}
	return r.text.WriteString(line)
}

func (r *records) String() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.text.String()
}

func (r *records) count(part string) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.parts[part]
}

// keeping remembers every token the sign-in ever kept (refreshes
// included), to look for each in the logs.
type keeping struct {
	signin.Keeper
	mu   sync.Mutex
	seen []string
}

func (k *keeping) Save(t *oauth2.Token) error {
	k.mu.Lock()
	k.seen = append(k.seen, t.AccessToken, t.RefreshToken)
	k.mu.Unlock()
	return k.Keeper.Save(t)
}

// codeWatcher is the browser's HTTP: it notes every authorization code
// and state the sign-in page sends back to the app.
type codeWatcher struct {
	next http.RoundTripper
	mu   sync.Mutex
	seen []string
}

func (c *codeWatcher) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := c.next.RoundTrip(req)
	if err == nil {
		if loc, perr := url.Parse(resp.Header.Get("Location")); perr == nil {
			c.mu.Lock()
			for _, k := range []string{"code", "state"} {
				c.seen = append(c.seen, loc.Query().Get(k))
			}
			c.mu.Unlock()
		}
	}
	return resp, err
}

// scanOf writes a card-sized JPEG under name and imports it as the window
// does, so that the file's name (people name files after the worker)
// goes wherever the page goes.
func scanOf(t *testing.T, dir, name string) app.Page {
	t.Helper()
	img := image.NewGray(image.Rect(0, 0, 1011, 638))
	for i := range img.Pix {
		img.Pix[i] = uint8(200 + i%40)
	}
	for x := 100; x < 900; x++ {
		img.SetGray(x, 500, color.Gray{20})
	}
	path := filepath.Join(dir, name)
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := jpeg.Encode(f, img, nil); err != nil {
		t.Fatal(err)
	}
	f.Close()
	pages, err := scan.ImportFile(path)
	if err != nil {
		t.Fatal(err)
	}
	p := pages[0]
	return app.Page{Label: "front", ContentType: p.ContentType, Data: p.Data, DPI: p.DPI}
}

// deadService is a service address nothing listens on.
func deadService(t *testing.T, company string) app.Service {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	c, err := api.New("http://"+addr, nil)
	if err != nil {
		t.Fatal(err)
	}
	return c.ForCompany(company)
}

// dates are the ways a birth date is written: ISO, as people type it,
// and as the INSZ and the MRZ hold it.
func dates(d app.Date) []string {
	return []string{
		fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day),
		fmt.Sprintf("%02d/%02d/%04d", d.Day, d.Month, d.Year),
		fmt.Sprintf("%02d.%02d.%04d", d.Day, d.Month, d.Year),
		fmt.Sprintf("%02d%02d%02d", d.Year%100, d.Month, d.Day),
		fmt.Sprintf("{%d %d %d}", d.Year, d.Month, d.Day),
	}
}

func TestNoLogLineCarriesPersonalDataOrTokens(t *testing.T) {
	logs := &records{parts: map[string]int{}}
	base := slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	part := func(name string) *slog.Logger { return base.With("part", name) }
	ctx := context.Background()
	dir := t.TempDir()

	mailDir := filepath.Join(dir, "mail")
	sender, err := mail.NewDirectory(mailDir, "noreply@sandbox.example")
	if err != nil {
		t.Fatal(err)
	}
	// A short-lived access token: every call refreshes it, so refreshes
	// and their rotation are logged too.
	srv := sandboxtest.Start(t, "", sandbox.Options{Log: part("sandbox"), Mail: sender, AccessTTL: 2 * time.Second})

	var offset atomic.Int64 // the store's clock runs ahead for retention
	st, err := store.Open(filepath.Join(dir, "idpro.db"), store.Options{
		Now: func() time.Time { return time.Now().Add(time.Duration(offset.Load())) }})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	purgeCtx, stopPurge := context.WithCancel(ctx)
	purged := make(chan struct{})
	go func() { st.PurgeEvery(purgeCtx, 20*time.Millisecond, part("store")); close(purged) }()
	defer func() { stopPurge(); <-purged }()

	dk := desk.New(st, nil, time.Now, part("desk"))
	dk.Pack = scan.PackPDF
	keeper := &keeping{Keeper: signin.Memory()}
	acc, err := account.New(srv.URL, func(string) signin.Keeper { return keeper }, dk, st, part("account"))
	if err != nil {
		t.Fatal(err)
	}

	// Sign in through the browser's form, as Bram, by security code.
	const user = "bram.claes@sociaal-secretariaat.be"
	browser := &codeWatcher{next: http.DefaultTransport}
	form := make(chan error, 1)
	err = acc.SignIn(ctx, "en", func(link string) {
		go func() {
			form <- sandboxtest.FillForm(&http.Client{Transport: browser, Timeout: 30 * time.Second}, link, "code", user, sandbox.DemoCode)
		}()
	})
	if ferr := <-form; ferr != nil {
		t.Fatal(ferr)
	}
	if err != nil {
		t.Fatal(err)
	}
	co, _ := acc.Company()

	// A generated worker the register does not know, a passport scan
	// named after them; the birth place and address left out, so the
	// service asks.
	p := register.Generate(20261207, 1)[0]
	const requester = "personeel@bakkerij-janssens.example"
	doc := app.Document{Kind: app.Passport, Number: "ZK" + strings.Repeat("4", 6) + "7", IssuingState: "POL",
		ExpiryDate: app.Date{Year: time.Now().Year() + 5, Month: 3, Day: 14}}
	residence := app.Address{Street: "ulica Piotrkowska", Number: "187", PostalCode: "90-447", Municipality: "Łódź", Country: "POL"}
	r := &app.Request{Key: app.NewKey(), Requester: requester, Document: doc,
		Pages: []app.Page{scanOf(t, dir, p.Surname+" "+p.GivenNames+" passport.jpg")},
		Person: app.Person{Surname: p.Surname, GivenNames: p.GivenNames, Sex: p.Sex, BirthDate: p.BirthDate,
			BirthCountry: p.BirthCountry, Nationality: p.Nationality}}
	if r.Person.Sex == app.Unknown {
		r.Person.Sex = app.Female
	}
	if r.Person.BirthDate.Day == 0 {
		r.Person.BirthDate = app.Date{Year: 1990, Month: 6, Day: 17}
	}
	birthPlace := p.BirthPlace
	if birthPlace == "" {
		birthPlace = "Wrocław"
	}
	if err := dk.SaveDraft(r); err != nil {
		t.Fatal(err)
	}
	if err := dk.Send(ctx, r); err != nil {
		t.Fatal(err)
	}
	if r.Status != app.InfoRequested {
		t.Fatalf("sent without a birth place: %s, want a question", r.Status)
	}
	if err := dk.Answer(ctx, r.ID, app.Answer{Person: app.Person{BirthPlace: birthPlace}, Text: "Born in " + birthPlace + "."}); err != nil {
		t.Fatal(err)
	}
	srv.Sandbox.ClerkTick(0)
	if _, err := dk.Sync(ctx); err != nil {
		t.Fatal(err)
	}
	done, err := st.Request(r.ID)
	if err != nil || done.INSZ == "" {
		t.Fatalf("after the answer and a sync: %+v, %v", done, err)
	}

	// A person the register knows, looked up before a request.
	known := register.Generate(sandbox.DemoRegisterSeed, sandbox.DemoRegisterSize)[3]
	kd := known.Documents[0]
	found, err := acc.Lookup(ctx, app.Document{Kind: kd.Kind, Number: kd.Number, IssuingState: kd.IssuingState},
		app.Person{Surname: known.Surname, GivenNames: known.GivenNames, BirthDate: known.BirthDate})
	if err != nil || found.Result != app.KnownFound {
		t.Fatalf("lookup of a known person: %+v, %v", found, err)
	}

	// The service down while a second request goes: it waits in the
	// outbox, then goes; its status mail cannot be written.
	dk.SetService(deadService(t, co.Number))
	second := &app.Request{Key: app.NewKey(), Requester: requester, Document: doc, Residence: residence,
		Pages: r.Pages, Person: r.Person}
	second.Person.BirthPlace = birthPlace
	if err := dk.Send(ctx, second); app.ErrorCode(err) == "" && err == nil {
		t.Fatal("sent to a dead service")
	}
	if err := acc.UseCompany(co.Number); err != nil {
		t.Fatal(err)
	}
	if err := os.RemoveAll(mailDir); err != nil {
		t.Fatal(err)
	}
	if n, err := dk.SendQueued(ctx); n != 1 || err != nil {
		t.Fatalf("queued request: %d sent, %v", n, err)
	}

	// Retention: forty days on, the store strips the finished requests.
	offset.Store(int64(40 * 24 * time.Hour))
	deadline := time.Now().Add(10 * time.Second)
	for logs.count("store") == 0 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if err := acc.SignOut(ctx); err != nil {
		t.Fatal(err)
	}
	srv.Close() // waits for the status mails

	text := logs.String()
	for _, name := range []string{"sandbox", "desk", "store"} {
		if logs.count(name) == 0 {
			t.Errorf("no record from %s: the flow did not reach its logging\n%s", name, text)
		}
	}
	for _, what := range []string{"request queued", "request sent", "question answered", "register looked up",
		"status mail not sent", "retention purge", "signed in"} {
		if !strings.Contains(text, what) {
			t.Errorf("the log lacks %q: the flow did not reach it\n%s", what, text)
		}
	}

	secrets := []string{user, requester, "Bram", "Claes", sandbox.DemoPeople[1].NationalNumber,
		p.Surname, p.GivenNames, birthPlace, doc.Number, residence.Street, string(done.INSZ), done.INSZ.String(),
		known.Surname, known.GivenNames, kd.Number, known.INSZ.String(), string(known.INSZ)}
	secrets = append(secrets, strings.Fields(p.GivenNames)...)
	secrets = append(secrets, dates(r.Person.BirthDate)...)
	secrets = append(secrets, dates(known.BirthDate)...)
	keeper.mu.Lock()
	secrets = append(secrets, keeper.seen...)
	keeper.mu.Unlock()
	browser.mu.Lock()
	secrets = append(secrets, browser.seen...)
	browser.mu.Unlock()
	if len(keeper.seen) < 4 || len(browser.seen) < 2 {
		t.Fatalf("%d tokens and %d codes seen: the flow did not sign in and refresh", len(keeper.seen), len(browser.seen))
	}
	for _, s := range secrets {
		if len(s) >= 3 && strings.Contains(text, s) {
			t.Errorf("a log record holds %q", s)
		}
	}
	t.Logf("%d bytes of log, records per part %v, %d values looked for", len(text), logs.parts, len(secrets))
}
