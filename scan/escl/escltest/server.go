// Package escltest runs an eSCL scanner on 127.0.0.1 for tests: it follows
// the protocol closely enough for idpro's client and for SANE's own eSCL
// clients (the escl backend and sane-airscan), and scans the images a test
// gives it, so a scan test sees real document pictures without hardware.
package escltest

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"image"
	"image/draw"
	"image/jpeg"
	"image/png"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"time"

	xdraw "golang.org/x/image/draw"
)

// Glass size in 1/300 inch (A4), also the largest feeder page.
const (
	GlassWidth  = 2480
	GlassHeight = 3508
)

// Config describes the simulated scanner. Images are at 300 dpi.
type Config struct {
	MakeAndModel string
	// Platen is the document on the glass, its top-left corner at
	// PlatenAt (pixels at 300 dpi); nil is an empty white glass.
	Platen   image.Image
	PlatenAt image.Point
	// Sheets are the pages in the feeder, one image per side: with duplex
	// jobs sheet i's back is Sheets[2i+1]. No sheets: the feeder is empty.
	Sheets []image.Image
	// Busy makes the first Busy NextDocument requests of every page answer
	// 503, as a device still scanning does.
	Busy int
	// JamAfter jams the feeder after that many pages (0 never).
	JamAfter int
	// PageDelay holds every page back, so that a test can cancel mid-page.
	PageDelay time.Duration
	// EndWith is how a job says it has no more pages: 0 or 404 Not Found
	// (most devices), 410 Gone, or 200 with an empty body (some devices;
	// answered once, then 404, so that a client that misses it fails
	// rather than hangs).
	EndWith int
	// PlatenPages makes a flatbed job deliver the glass that many times
	// instead of once, as devices do that scan the glass again on every
	// NextDocument rather than answering 404; such a job does not keep
	// the scanner busy after its first page.
	PlatenPages int
	// RawPage, when set, is sent as every page's body in place of the
	// scan (Content-Type image/png): a corrupt page, or a decompression
	// bomb whose header announces billions of pixels.
	RawPage []byte
	// NoPlaten and NoAdf leave the flatbed or the feeder (simplex and
	// duplex) out of the capabilities: a sheet-fed document scanner, a
	// flatbed-only one. A job for a missing input is refused with 409.
	NoPlaten, NoAdf bool
	// ForeignLocation answers ScanJobs with an absolute Location on another
	// host, a quirk of real devices the client must survive.
	ForeignLocation bool
}

// Job is a scan job as the server saw it.
type Job struct {
	ID        string
	Input     string // Platen or Feeder
	Duplex    bool
	Format    string // pwg:DocumentFormat as sent
	FormatExt string // scan:DocumentFormatExt as sent
	ColorMode string
	DPI       int
	Region    image.Rectangle // in 1/300 inch
	Served    int             // pages delivered
	Busy      int             // 503 answers given
	Deleted   bool

	pages []image.Image
	busy  int
	ended bool // the empty 200 was sent
}

// Server is a running test scanner. URL is its eSCL base URL.
type Server struct {
	URL string
	cfg Config
	srv *httptest.Server

	mu        sync.Mutex
	jobs      []*Job
	nextSheet int
	jammed    bool
}

// NewServer starts a scanner on 127.0.0.1; Close stops it.
func NewServer(cfg Config) *Server {
	if cfg.MakeAndModel == "" {
		cfg.MakeAndModel = "idpro Test Scanner"
	}
	s := &Server{cfg: cfg}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /eSCL/ScannerCapabilities", s.capabilities)
	mux.HandleFunc("GET /eSCL/ScannerStatus", s.status)
	mux.HandleFunc("POST /eSCL/ScanJobs", s.createJob)
	mux.HandleFunc("GET /eSCL/ScanJobs/{id}/NextDocument", s.nextDocument)
	mux.HandleFunc("GET /eSCL/ScanJobs/{id}/ScanImageInfo", s.imageInfo)
	mux.HandleFunc("DELETE /eSCL/ScanJobs/{id}", s.deleteJob)
	s.srv = httptest.NewServer(mux)
	s.URL = s.srv.URL + "/eSCL"
	return s
}

// Close stops the server.
func (s *Server) Close() { s.srv.Close() }

// Place puts doc on the glass at at (pixels at 300 dpi), as a user turning
// the card over does.
func (s *Server) Place(doc image.Image, at image.Point) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.cfg.Platen, s.cfg.PlatenAt = doc, at
}

// Feed puts more sheets in the feeder, as a user feeding the card again
// with its other side up does.
func (s *Server) Feed(sheets ...image.Image) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.cfg.Sheets = append(s.cfg.Sheets, sheets...)
}

// Jobs returns copies of the jobs created so far.
func (s *Server) Jobs() []Job {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Job, len(s.jobs))
	for i, j := range s.jobs {
		out[i] = *j
		out[i].pages = nil
	}
	return out
}

func (s *Server) job(id string) *Job {
	for _, j := range s.jobs {
		if j.ID == id {
			return j
		}
	}
	return nil
}

// settings is scan:ScanSettings as devices read it: by local names, either
// format element.
type settings struct {
	Input     string `xml:"InputSource"`
	Duplex    bool   `xml:"Duplex"`
	ColorMode string `xml:"ColorMode"`
	Format    string `xml:"DocumentFormat"`
	FormatExt string `xml:"DocumentFormatExt"`
	XRes      int    `xml:"XResolution"`
	Region    struct {
		X int `xml:"XOffset"`
		Y int `xml:"YOffset"`
		W int `xml:"Width"`
		H int `xml:"Height"`
	} `xml:"ScanRegions>ScanRegion"`
}

func (s *Server) createJob(w http.ResponseWriter, r *http.Request) {
	var set settings
	if err := xml.NewDecoder(r.Body).Decode(&set); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	format := set.FormatExt
	if format == "" {
		format = set.Format
	}
	if format != "image/jpeg" && format != "image/png" {
		http.Error(w, "unsupported format "+format, http.StatusConflict)
		return
	}
	if set.XRes == 0 {
		set.XRes = 300
	}
	if set.Region.W == 0 || set.Region.H == 0 {
		set.Region.W, set.Region.H = GlassWidth, GlassHeight
	}
	if (set.Input == "Feeder" && s.cfg.NoAdf) || (set.Input != "Feeder" && s.cfg.NoPlaten) {
		http.Error(w, "no such input "+set.Input, http.StatusConflict)
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, j := range s.jobs {
		if !j.Deleted && len(j.pages) > 0 && (j.Input == "Feeder" || j.Served == 0) {
			http.Error(w, "busy", http.StatusServiceUnavailable)
			return
		}
	}
	j := &Job{
		ID: fmt.Sprintf("job-%d", len(s.jobs)+1), Input: set.Input, Duplex: set.Duplex,
		Format: set.Format, FormatExt: set.FormatExt, ColorMode: set.ColorMode, DPI: set.XRes,
		Region: image.Rect(set.Region.X, set.Region.Y, set.Region.X+set.Region.W, set.Region.Y+set.Region.H),
	}
	if set.Input == "Feeder" {
		j.pages = s.cfg.Sheets[min(s.nextSheet, len(s.cfg.Sheets)):]
		if !set.Duplex {
			j.pages = everyOther(j.pages)
		}
		s.nextSheet = len(s.cfg.Sheets)
	} else {
		j.pages = make([]image.Image, max(1, s.cfg.PlatenPages)) // nil: the glass
	}
	s.jobs = append(s.jobs, j)
	host := "http://" + r.Host
	if s.cfg.ForeignLocation {
		host = "http://localhost:1"
	}
	w.Header().Set("Location", host+"/eSCL/ScanJobs/"+j.ID)
	w.WriteHeader(http.StatusCreated)
}

// everyOther keeps the fronts of duplex sheets for a simplex job.
func everyOther(sides []image.Image) []image.Image {
	var out []image.Image
	for i := 0; i < len(sides); i += 2 {
		out = append(out, sides[i])
	}
	return out
}

func (s *Server) nextDocument(w http.ResponseWriter, r *http.Request) {
	if s.cfg.PageDelay > 0 {
		select {
		case <-r.Context().Done():
			return
		case <-time.After(s.cfg.PageDelay):
		}
	}
	s.mu.Lock()
	j := s.job(r.PathValue("id"))
	switch {
	case j == nil || j.Deleted:
		s.mu.Unlock()
		http.NotFound(w, r)
		return
	case len(j.pages) == 0:
		end := s.cfg.EndWith
		if end == http.StatusOK && j.ended {
			end = http.StatusNotFound
		}
		j.ended = true
		s.mu.Unlock()
		if end == http.StatusOK {
			w.WriteHeader(http.StatusOK)
			return
		}
		if end == 0 {
			end = http.StatusNotFound
		}
		http.Error(w, http.StatusText(end), end)
		return
	case j.busy < s.cfg.Busy:
		j.busy++
		j.Busy++
		s.mu.Unlock()
		http.Error(w, "scanning", http.StatusServiceUnavailable)
		return
	case s.cfg.JamAfter > 0 && j.Served >= s.cfg.JamAfter:
		s.jammed = true
		s.mu.Unlock()
		http.Error(w, "jammed", http.StatusInternalServerError)
		return
	}
	sheet := j.pages[0]
	j.pages = j.pages[1:]
	j.busy = 0
	j.Served++
	job := *j
	s.mu.Unlock()

	if s.cfg.RawPage != nil {
		w.Header().Set("Content-Type", "image/png")
		w.Header().Set("Content-Length", strconv.Itoa(len(s.cfg.RawPage)))
		w.Write(s.cfg.RawPage)
		return
	}
	img := s.render(sheet, job)
	var buf bytes.Buffer
	format := job.FormatExt
	if format == "" {
		format = job.Format
	}
	var err error
	if format == "image/png" {
		// libsane 1.2's escl backend fails on 8-bit grey PNG ("Out of
		// memory"), so grey pages go out as RGB PNG with equal channels.
		if g, ok := img.(*image.Gray); ok {
			rgb := image.NewRGBA(g.Bounds())
			draw.Draw(rgb, rgb.Bounds(), g, g.Bounds().Min, draw.Src)
			img = rgb
		}
		err = png.Encode(&buf, img)
	} else {
		err = jpeg.Encode(&buf, img, &jpeg.Options{Quality: 90})
	}
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", format)
	w.Header().Set("Content-Length", strconv.Itoa(buf.Len()))
	w.Write(buf.Bytes())
}

// render scans region j.Region of the glass (or of a feeder sheet) at j.DPI,
// scaling the document straight into the output rather than drawing a
// 300-dpi glass first.
func (s *Server) render(sheet image.Image, j Job) image.Image {
	scale := func(n int) int { return n * j.DPI / 300 }
	bounds := image.Rect(0, 0, max(1, scale(j.Region.Dx())), max(1, scale(j.Region.Dy())))
	var out draw.Image = image.NewRGBA(bounds)
	if j.ColorMode == "Grayscale8" {
		out = image.NewGray(bounds)
	}
	draw.Draw(out, bounds, image.White, image.Point{}, draw.Src)
	at := image.Point{}
	if j.Input != "Feeder" {
		s.mu.Lock()
		sheet, at = s.cfg.Platen, s.cfg.PlatenAt
		s.mu.Unlock()
	}
	if sheet == nil {
		return out
	}
	r := sheet.Bounds().Sub(sheet.Bounds().Min).Add(at).Sub(j.Region.Min)
	dst := image.Rect(scale(r.Min.X), scale(r.Min.Y), scale(r.Max.X), scale(r.Max.Y))
	xdraw.ApproxBiLinear.Scale(out, dst, sheet, sheet.Bounds(), draw.Over, nil)
	return out
}

func (s *Server) deleteJob(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	j := s.job(r.PathValue("id"))
	if j == nil {
		http.NotFound(w, r)
		return
	}
	j.Deleted = true
	w.WriteHeader(http.StatusOK)
}

func (s *Server) imageInfo(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	j := s.job(r.PathValue("id"))
	s.mu.Unlock()
	if j == nil {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "text/xml")
	fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?>
<scan:ImageInfo xmlns:scan="http://schemas.hp.com/imaging/escl/2011/05/03" xmlns:pwg="http://www.pwg.org/schemas/2010/12/sm">
<pwg:JobUri>/eSCL/ScanJobs/%s</pwg:JobUri>
<pwg:JobUuid>%s</pwg:JobUuid>
<scan:ActualWidth>%d</scan:ActualWidth>
<scan:ActualHeight>%d</scan:ActualHeight>
<scan:ActualBytesPerLine>%d</scan:ActualBytesPerLine>
</scan:ImageInfo>`, j.ID, j.ID, j.Region.Dx()*j.DPI/300, j.Region.Dy()*j.DPI/300, 3*j.Region.Dx()*j.DPI/300)
}

func (s *Server) status(w http.ResponseWriter, _ *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	state, adf := "Idle", "ScannerAdfLoaded"
	var jobs strings.Builder
	for _, j := range s.jobs {
		js := "Completed"
		switch {
		case j.Deleted:
			js = "Canceled"
		case len(j.pages) > 0:
			js, state = "Processing", "Processing"
		}
		fmt.Fprintf(&jobs, `<scan:JobInfo><pwg:JobUri>/eSCL/ScanJobs/%s</pwg:JobUri><pwg:JobUuid>%s</pwg:JobUuid><scan:Age>1</scan:Age><pwg:ImagesCompleted>%d</pwg:ImagesCompleted><pwg:ImagesToTransfer>%d</pwg:ImagesToTransfer><pwg:JobState>%s</pwg:JobState></scan:JobInfo>`,
			j.ID, j.ID, j.Served, len(j.pages), js)
	}
	switch {
	case s.jammed:
		adf = "ScannerAdfJam"
	case s.nextSheet >= len(s.cfg.Sheets) && state == "Idle":
		adf = "ScannerAdfEmpty"
	}
	w.Header().Set("Content-Type", "text/xml")
	fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?>
<scan:ScannerStatus xmlns:scan="http://schemas.hp.com/imaging/escl/2011/05/03" xmlns:pwg="http://www.pwg.org/schemas/2010/12/sm">
<pwg:Version>2.63</pwg:Version>
<pwg:State>%s</pwg:State>
<scan:AdfState>%s</scan:AdfState>
<scan:Jobs>%s</scan:Jobs>
</scan:ScannerStatus>`, state, adf, jobs.String())
}
