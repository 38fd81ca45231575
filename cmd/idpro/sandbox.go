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
)

// runSandbox is `idpro sandbox --addr 127.0.0.1:PORT [--db FILE]`: the
// sandbox service alone, until interrupted.
func runSandbox(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("sandbox", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", "127.0.0.1:8470", "address to listen on (anything but loopback needs --tls-cert and --tls-key)")
	cert := fs.String("tls-cert", "", "TLS certificate file (PEM)")
	key := fs.String("tls-key", "", "TLS private key file (PEM)")
	db := fs.String("db", "", "data file (default: sandbox.db in the data directory)")
	data := fs.String("data", "", "data directory")
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
	sb, err := sandbox.Open(*db, sandbox.Options{Log: log})
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
	fmt.Fprintf(stdout, "sandbox listening on %s://%s (data %s)\n", scheme, l.Addr(), *db)
	if err := serve(); !errors.Is(err, http.ErrServerClosed) {
		fmt.Fprintln(stderr, "idpro sandbox:", err)
		return 1
	}
	return 0
}

// serveSandbox starts the sandbox embedded in the app on a free loopback
// port and returns its URL and a stop function.
func serveSandbox(path string, log *slog.Logger) (string, func(), error) {
	sb, err := sandbox.Open(path, sandbox.Options{Log: log})
	if err != nil {
		return "", nil, err
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		sb.Close()
		return "", nil, err
	}
	srv := &http.Server{Handler: sb, ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(l)
	stop := func() {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		srv.Shutdown(ctx)
		sb.Close()
	}
	return "http://" + l.Addr().String(), stop, nil
}

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
