package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/idpro/idpro/app/sandbox"
	"github.com/idpro/idpro/app/sandbox/mail"
)

// defaultAutoClerk is how long the embedded sandbox's clerk lets a request
// wait before moving it on: long enough to see each status, short enough
// that a new user sees a question arrive and gets the number in minutes.
const defaultAutoClerk = 30 * time.Second

// mailFrom is the sandbox's sender address.
const mailFrom = "belgianIDpro sandbox <noreply@sandbox.invalid>"

// runSandbox is `idpro sandbox [--addr 127.0.0.1:PORT] [--db FILE] ...`:
// the sandbox service alone, until interrupted; `idpro sandbox clerk ...`
// moves its requests on by hand.
func runSandbox(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) > 0 && args[0] == "clerk" {
		return runClerk(args[1:], stdout, stderr)
	}
	fs := flag.NewFlagSet("sandbox", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", "127.0.0.1:8470", "address to listen on (anything but loopback needs --tls-cert and --tls-key)")
	cert := fs.String("tls-cert", "", "TLS certificate file (PEM)")
	key := fs.String("tls-key", "", "TLS private key file (PEM)")
	db := fs.String("db", "", "data file (default: sandbox.db in the data directory)")
	data := fs.String("data", "", "data directory")
	clerk := fs.Duration("auto-clerk", 0, "let a clerk move investigated and answered requests on after this wait (0: only by hand, `idpro sandbox clerk`)")
	smtpURL := fs.String("smtp", "", "send status mail through this server: smtp://user:pass@host:587?tls=starttls (see docs/service.md)")
	mailDir := fs.String("mail-dir", "", "write status mail as .eml files into this folder (default: mail/ beside the data file, unless --smtp)")
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 {
		return 2
	}
	if *db == "" {
		dir, err := dataDir(*data)
		if err != nil {
			fmt.Fprintln(stderr, "idpro sandbox:", err)
			return 2
		}
		*db = filepath.Join(dir, "sandbox.db")
	}
	if err := checkBind(*addr, *cert, *key); err != nil {
		fmt.Fprintln(stderr, "idpro sandbox:", err)
		return 2
	}
	log := slog.New(slog.NewTextHandler(stderr, nil))
	sender, err := mailSender(*smtpURL, *mailDir, *db)
	if err != nil {
		fmt.Fprintln(stderr, "idpro sandbox:", err)
		return 2
	}
	sb, err := sandbox.Open(*db, sandbox.Options{Log: log, Mail: sender})
	if err != nil {
		fmt.Fprintln(stderr, "idpro sandbox:", cliCatalog().Error(err))
		return 1
	}
	defer sb.Close()
	l, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintln(stderr, "idpro sandbox:", err)
		return 1
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if *clerk > 0 {
		go sb.RunClerk(ctx, *clerk)
	}
	srv := &http.Server{Handler: sb, ReadHeaderTimeout: 10 * time.Second}
	go func() {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(shutdown)
	}()
	scheme := "http"
	serve := func() error { return srv.Serve(l) }
	if *cert != "" {
		scheme = "https"
		serve = func() error { return srv.ServeTLS(l, *cert, *key) }
	}
	url := fmt.Sprintf("%s://%s", scheme, l.Addr())
	if err := writeClerkFiles(*db, url, sb.ClerkKey()); err != nil {
		fmt.Fprintln(stderr, "idpro sandbox:", err)
		return 1
	}
	fmt.Fprintf(stdout, "sandbox listening on %s (data %s)\n", url, *db)
	if err := serve(); !errors.Is(err, http.ErrServerClosed) {
		fmt.Fprintln(stderr, "idpro sandbox:", err)
		return 1
	}
	return 0
}

// mailSender is where status mail goes: an SMTP server, or .eml files.
func mailSender(smtpURL, dir, db string) (mail.Sender, error) {
	if smtpURL != "" {
		c, err := mail.ParseURL(smtpURL)
		if err != nil {
			return nil, err
		}
		if c.From == "" {
			c.From = mailFrom
		}
		return mail.NewSMTP(c)
	}
	if dir == "" {
		dir = mailDirOf(db)
	}
	return mail.NewDirectory(dir, mailFrom)
}

// mailDirOf is the default folder of a sandbox's .eml files.
func mailDirOf(db string) string { return filepath.Join(filepath.Dir(db), "mail") }

// checkBind refuses to serve personal data in clear beyond this computer:
// an address other than loopback needs a certificate and its key.
func checkBind(addr, cert, key string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return err
	}
	if (cert == "") != (key == "") {
		return errors.New("--tls-cert and --tls-key go together")
	}
	ip := net.ParseIP(host)
	if cert == "" && host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return fmt.Errorf("listening on %s would send personal data in clear over the network: give --tls-cert and --tls-key, or listen on 127.0.0.1", addr)
	}
	return nil
}

// embeddedSandbox is the sandbox the app starts on a free loopback port,
// with its mail folder and its timed clerk.
type embeddedSandbox struct {
	url, mailDir string
	stop         func()
}

// serveSandbox starts the sandbox embedded in the app.
func serveSandbox(path string, log *slog.Logger) (embeddedSandbox, error) {
	dir := mailDirOf(path)
	sender, err := mail.NewDirectory(dir, mailFrom)
	if err != nil {
		return embeddedSandbox{}, err
	}
	sb, err := sandbox.Open(path, sandbox.Options{Log: log, Mail: sender})
	if err != nil {
		return embeddedSandbox{}, err
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		sb.Close()
		return embeddedSandbox{}, err
	}
	url := "http://" + l.Addr().String()
	if err := writeClerkFiles(path, url, sb.ClerkKey()); err != nil {
		log.Warn("the clerk command will not find this sandbox", "err", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	if wait := autoClerk(); wait > 0 {
		go sb.RunClerk(ctx, wait)
	}
	srv := &http.Server{Handler: sb, ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(l)
	stop := func() {
		cancel()
		shutdown, done := context.WithTimeout(context.Background(), 2*time.Second)
		defer done()
		srv.Shutdown(shutdown)
		sb.Close()
	}
	return embeddedSandbox{url: url, mailDir: dir, stop: stop}, nil
}

// autoClerk is the embedded clerk's wait: IDPRO_AUTO_CLERK (a duration;
// "0" leaves the clerk's work to `idpro sandbox clerk`), else
// defaultAutoClerk.
func autoClerk() time.Duration {
	if d, err := time.ParseDuration(os.Getenv("IDPRO_AUTO_CLERK")); err == nil {
		return d
	}
	return defaultAutoClerk
}
