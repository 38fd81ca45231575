package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"syscall"

	"github.com/idpro/idpro/app"
	"github.com/idpro/idpro/scan"
	"github.com/idpro/idpro/scan/escl"
	"github.com/idpro/idpro/scan/sane"
	"github.com/idpro/idpro/scan/wia"
)

// runScan is `idpro scan --list [--json]` and `idpro scan --device DEV
// [--source flatbed|feeder|duplex] [--dpi N] [--mode color|gray] --out DIR`:
// list scanners, or scan pages into DIR and print their paths. SANE runs
// the scanimage on PATH with this process's environment (tests point
// SANE_CONFIG_DIR at SANE's test backend). Exit 0 on success, 1 when the
// scanner failed (pages scanned before the failure are still written), 2 on
// usage errors.
func runScan(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("scan", flag.ContinueOnError)
	fs.SetOutput(stderr)
	list := fs.Bool("list", false, "list the scanners")
	asJSON := fs.Bool("json", false, "with --list: print the scanners as JSON")
	discover := fs.Bool("discover", true, "with --list: look for network (eSCL) scanners on the local network")
	var manual addresses
	fs.Var(&manual, "escl", "with --list: the address of a network scanner (repeatable)")
	device := fs.String("device", "", "the scanner: a name from --list, or a network scanner's address")
	source := fs.String("source", "flatbed", "flatbed, feeder or duplex")
	dpi := fs.Int("dpi", 300, "resolution in dots per inch")
	mode := fs.String("mode", "color", "color or gray")
	out := fs.String("out", "", "directory for the scanned pages")
	progress := fs.Bool("progress", false, "print the progress on stderr")
	profile := fs.String("profile", "", "id_card or passport_page: preview, crop to the document, scan it at --dpi;\nid_card scans both sides and waits for Enter on stdin while the card is turned")
	rotateBack := fs.Bool("rotate-back", false, "with --profile id_card --source duplex: turn the back side 180°")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: idpro scan --list [--json] [--discover=false] [--escl ADDR]...\n"+
			"       idpro scan --device DEV [--source flatbed|feeder|duplex] [--dpi N] [--mode color|gray] --out DIR\n"+
			"       idpro scan --device DEV --profile id_card|passport_page [--source ...] [--rotate-back] --out DIR")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	say := func(err error) { fmt.Fprintln(stderr, "idpro scan:", cliCatalog().Error(err)) }
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	if *list {
		if fs.NArg() > 0 || *device != "" {
			fs.Usage()
			return 2
		}
		return listScanners(ctx, scanBackends(manual, *discover), *asJSON, stdout, say)
	}
	set := scan.Settings{Source: scan.Source(*source), DPI: *dpi, Mode: scan.Mode(*mode)}
	prof := scan.Profile(*profile)
	if *device == "" || *out == "" || fs.NArg() > 0 || *dpi < 25 || *dpi > 4800 ||
		(prof != "" && prof != scan.IDCard && prof != scan.PassportPage) ||
		(set.Source != scan.Flatbed && set.Source != scan.Feeder && set.Source != scan.Duplex) ||
		(set.Mode != scan.Color && set.Mode != scan.Gray) {
		fs.Usage()
		return 2
	}
	dev, err := scan.ParseAddress(*device)
	if err != nil {
		say(err)
		return 2
	}
	var report scan.Progress
	if *progress {
		last := -1
		report = func(page int, done float64) {
			if pct := int(done * 100); pct != last {
				last = pct
				fmt.Fprintf(stderr, "page %d: %d%%\n", page, pct)
			}
		}
	}
	backends := scanBackends(nil, false)
	var pages []scan.Page
	var scanErr error
	if prof == "" {
		pages, scanErr = backends.Scan(ctx, dev, set, report)
	} else {
		sourceSet := false
		fs.Visit(func(f *flag.Flag) { sourceSet = sourceSet || f.Name == "source" })
		if !sourceSet {
			set.Source = ""
		}
		pages, scanErr = scanProfile(ctx, backends, dev, prof, set, *rotateBack, report, stdin, stderr)
	}
	for _, p := range pages {
		path, err := writePage(*out, p)
		if err != nil {
			say(err)
			return 1
		}
		fmt.Fprintln(stdout, path)
	}
	if scanErr != nil {
		say(scanErr)
		return 1
	}
	return 0
}

// scanProfile scans with a profile; turning the card is confirmed by a
// line on stdin.
func scanProfile(ctx context.Context, b scan.Backends, dev scan.Device, p scan.Profile, set scan.Settings,
	rotateBack bool, report scan.Progress, stdin io.Reader, stderr io.Writer) ([]scan.Page, error) {
	caps, err := b.Capabilities(ctx, dev)
	if err != nil {
		return nil, err
	}
	if set.Source != "" && !slices.Contains(scan.Sources(p, caps), set.Source) {
		return nil, scan.DeviceError(scan.ErrUnsupported, dev.Name(), fmt.Errorf("%s from source %q", p, set.Source))
	}
	lines := bufio.NewReader(stdin)
	s := scan.Session{
		Backend: b, Device: dev, Caps: caps, Source: set.Source, Mode: set.Mode, DPI: set.DPI,
		RotateBack: rotateBack, Progress: report,
	}
	prompt := "scanner.turn_card_enter"
	if s.SourceFor(p) == scan.Feeder {
		prompt = "scanner.turn_card_feeder_enter"
	}
	s.Turn = func(ctx context.Context) error {
		fmt.Fprintln(stderr, cliCatalog().T(prompt))
		read := make(chan error, 1)
		go func() {
			line, err := lines.ReadString('\n')
			if err == io.EOF && line != "" {
				err = nil
			}
			read <- err
		}()
		select {
		case <-ctx.Done():
			return ctx.Err()
		case err := <-read:
			return err
		}
	}
	return s.Run(ctx, p)
}

// scanBackends are the backends this system has, by scan.Device.Backend.
// SANE is left out when scanimage is missing, eSCL is always there (a
// manually entered address needs nothing installed), WIA on Windows.
func scanBackends(manual []string, discover bool) scan.Backends {
	b := scan.Backends{}
	if program, err := sane.FindProgram(); err == nil {
		b[scan.SANE] = sane.New(program, os.Environ())
	}
	c := escl.New(manual...)
	if discover {
		c.Find = escl.Browser{Addr: escl.MDNSAddr}.Find
	}
	b[scan.ESCL] = c
	if w := wia.Backend(); w != nil {
		b[scan.WIA] = w
	}
	return b
}

func listScanners(ctx context.Context, backends scan.Backends, asJSON bool, stdout io.Writer, say func(error)) int {
	devs, err := backends.Devices(ctx)
	code := 0
	if err != nil {
		code = 1
		if joined, ok := err.(interface{ Unwrap() []error }); ok {
			for _, e := range joined.Unwrap() {
				say(e)
			}
		} else {
			say(err)
		}
	}
	if asJSON {
		if devs == nil {
			devs = []scan.Device{}
		}
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(devs); err != nil {
			return 1
		}
		return code
	}
	if len(devs) == 0 {
		say(app.Errorf("scanner.no_devices", nil))
	}
	for _, d := range devs {
		fmt.Fprintf(stdout, "%s\t%s\t%s\n", d.String(), d.Name(), d.Kind)
	}
	return code
}

// writePage writes p into dir as scan-NNN.png (or .jpg) without replacing
// an earlier scan, and returns the path.
func writePage(dir string, p scan.Page) (string, error) {
	ext := ".png"
	if p.ContentType == "image/jpeg" {
		ext = ".jpg"
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", app.Errorf("scanner.cannot_write", err, "dir", dir)
	}
	for i := 1; ; i++ {
		path := filepath.Join(dir, fmt.Sprintf("scan-%03d%s", i, ext))
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return "", app.Errorf("scanner.cannot_write", err, "dir", dir)
		}
		_, err = f.Write(p.Data)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			os.Remove(path)
			return "", app.Errorf("scanner.cannot_write", err, "dir", dir)
		}
		return path, nil
	}
}

// addresses collects repeated --escl flags.
type addresses []string

func (a *addresses) String() string { return strings.Join(*a, ",") }

func (a *addresses) Set(s string) error {
	*a = append(*a, s)
	return nil
}
