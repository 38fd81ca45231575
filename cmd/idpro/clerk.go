package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/idpro/idpro/app/sandbox"
)

// writeClerkFiles leaves the running sandbox's address and clerk key
// beside its data file, readable by this user only, so that `idpro
// sandbox clerk` finds it without flags.
func writeClerkFiles(db, url, key string) error {
	if err := os.WriteFile(db+".url", []byte(url+"\n"), 0o600); err != nil {
		return err
	}
	return os.WriteFile(db+".clerk", []byte(key+"\n"), 0o600)
}

// runClerk is `idpro sandbox clerk list|ask|allocate|reject`: the
// service's clerk, by hand, on a running sandbox.
func runClerk(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("sandbox clerk", flag.ContinueOnError)
	fs.SetOutput(stderr)
	db := fs.String("db", "", "the sandbox's data file (default: sandbox.db in the data directory)")
	data := fs.String("data", "", "data directory")
	fields := fs.String("fields", "", "ask: the fields wanted, comma-separated (surname, given_names, sex, birth_date, birth_place, birth_country, nationality)")
	page := fs.Bool("page", false, "ask: an extra document page")
	text := fs.String("text", "", "ask: the question in words; reject: the reason")
	by := fs.String("by", "Clerk", "the clerk's name, shown in the request's timeline")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: idpro sandbox clerk list | ask ID [--fields F,G] [--page] [--text T] | allocate ID | reject ID --text REASON")
		fs.PrintDefaults()
	}
	if len(args) == 0 {
		fs.Usage()
		return 2
	}
	action, rest, id := args[0], args[1:], ""
	if len(rest) > 0 && !strings.HasPrefix(rest[0], "-") {
		id, rest = rest[0], rest[1:]
	}
	if err := fs.Parse(rest); err != nil {
		return 2
	}
	if *db == "" {
		dir, err := dataDir(*data)
		if err != nil {
			fmt.Fprintln(stderr, "idpro sandbox clerk:", err)
			return 2
		}
		*db = filepath.Join(dir, "sandbox.db")
	}
	addr, err1 := os.ReadFile(*db + ".url")
	key, err2 := os.ReadFile(*db + ".clerk")
	if err1 != nil || err2 != nil {
		fmt.Fprintf(stderr, "idpro sandbox clerk: no running sandbox for %s (start idpro or `idpro sandbox`)\n", *db)
		return 1
	}
	c := clerkClient{url: strings.TrimSpace(string(addr)), key: strings.TrimSpace(string(key))}
	var body any
	switch action {
	case "list":
		var items []sandbox.ClerkItem
		if err := c.call(http.MethodGet, "/clerk/requests", nil, &items); err != nil {
			fmt.Fprintln(stderr, "idpro sandbox clerk:", err)
			return 1
		}
		tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tCOMPANY\tSTATUS\tWORKER\tASKED\tCHANGED")
		for _, it := range items {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", it.ID, it.Company, it.Status, it.Initials, strings.Join(it.Asked, ","), it.Updated.Local().Format(time.DateTime))
		}
		tw.Flush()
		return 0
	case "ask":
		var list []string
		if *fields != "" {
			list = strings.Split(*fields, ",")
		}
		body = map[string]any{"fields": list, "page": *page, "text": *text, "by": *by}
	case "allocate":
		body = map[string]any{"by": *by}
	case "reject":
		body = map[string]any{"text": *text, "by": *by}
	default:
		fs.Usage()
		return 2
	}
	if id == "" || fs.NArg() > 0 {
		fs.Usage()
		return 2
	}
	var rc struct {
		ID     string `json:"id"`
		Status string `json:"status"`
		INSZ   string `json:"insz"`
	}
	if err := c.call(http.MethodPost, "/clerk/requests/"+url.PathEscape(id)+"/"+action, body, &rc); err != nil {
		fmt.Fprintln(stderr, "idpro sandbox clerk:", err)
		return 1
	}
	fmt.Fprintf(stdout, "%s %s %s\n", rc.ID, rc.Status, rc.INSZ)
	return 0
}

type clerkClient struct{ url, key string }

func (c clerkClient) call(method, path string, body, out any) error {
	var rd io.Reader
	if body != nil {
		data, _ := json.Marshal(body)
		rd = bytes.NewReader(data)
	}
	req, err := http.NewRequest(method, c.url+path, rd)
	if err != nil {
		return err
	}
	req.Header.Set(sandbox.HeaderClerkKey, c.key)
	req.Header.Set("Content-Type", "application/json")
	resp, err := (&http.Client{Timeout: 30 * time.Second}).Do(req)
	if err != nil {
		return fmt.Errorf("the sandbox at %s does not answer: %w", c.url, err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if resp.StatusCode >= 400 {
		var p struct {
			Code string `json:"code"`
		}
		json.Unmarshal(data, &p)
		return fmt.Errorf("%s", cliCatalog().T(p.Code))
	}
	return json.Unmarshal(data, out)
}
