package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/idpro/idpro/app"
)

// runHistory is `idpro history [--data DIR] [--json]`: the requests and
// drafts in the store, decrypted with the data key (the keychain's, or
// IDPRO_PASSPHRASE), newest first.
func runHistory(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("history", flag.ContinueOnError)
	fs.SetOutput(stderr)
	data := fs.String("data", "", "data directory")
	asJSON := fs.Bool("json", false, "print the requests as JSON (without pages)")
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 {
		return 2
	}
	list, err := listHistory(*data)
	if err != nil {
		fmt.Fprintln(stderr, "idpro history:", cliCatalog().Error(err))
		return 1
	}
	if *asJSON {
		if list == nil {
			list = []*app.Request{}
		}
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(list); err != nil {
			fmt.Fprintln(stderr, "idpro history:", err)
			return 1
		}
		return 0
	}
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tCREATED\tSTATUS\tWORKER\tINSZ\tREFERENCE\tREQUESTER")
	for _, r := range list {
		worker := r.Person.Surname
		if r.Person.GivenNames != "" {
			worker += ", " + r.Person.GivenNames
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", r.ID, r.Created.Local().Format("2006-01-02 15:04"),
			r.Status, orDash(worker), orDash(string(r.INSZ)), orDash(r.RemoteID), orDash(r.Requester))
	}
	if err := tw.Flush(); err != nil {
		fmt.Fprintln(stderr, "idpro history:", err)
		return 1
	}
	return 0
}

func listHistory(flagDir string) ([]*app.Request, error) {
	dir, err := dataDir(flagDir)
	if err != nil {
		return nil, err
	}
	st, err := openStore(dir, envPassphrase)
	if err != nil {
		return nil, err
	}
	defer st.Close()
	return st.Requests()
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
