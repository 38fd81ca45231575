package api

import (
	"cmp"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/idpro/idpro/app"
)

// ListQuery is what GET /v1/companies/{company}/requests filters and
// sorts by: the client writes it as query parameters, the service reads
// and applies it, so both sides agree on every rule.
type ListQuery struct {
	Requester string       // a staff member's id
	Statuses  []app.Status // any of these
	From, To  time.Time    // created on or after From, before To (dates)
	Worker    string       // part of the worker's name, any case
	Sort      string       // created (default), requester, worker or status
	Desc      bool
	Limit     int // 1..500, default 50
	Offset    int // from the cursor of the previous page
}

// Sort keys of ListQuery.
const (
	SortCreated   = "created"
	SortRequester = "requester"
	SortWorker    = "worker"
	SortStatus    = "status"
)

// Values writes the query as URL parameters; cursor is a page's Next.
func (q ListQuery) Values(cursor string) url.Values {
	v := url.Values{}
	set := func(k, val string) {
		if val != "" {
			v.Set(k, val)
		}
	}
	set("requester", q.Requester)
	var st []string
	for _, s := range q.Statuses {
		st = append(st, string(s))
	}
	set("status", strings.Join(st, ","))
	if !q.From.IsZero() {
		v.Set("from", q.From.Format(time.DateOnly))
	}
	if !q.To.IsZero() {
		v.Set("to", q.To.Format(time.DateOnly))
	}
	set("worker", q.Worker)
	set("sort", q.Sort)
	if q.Desc {
		v.Set("order", "desc")
	}
	if q.Limit > 0 {
		v.Set("limit", strconv.Itoa(q.Limit))
	}
	set("cursor", cursor)
	return v
}

// ParseListQuery reads the parameters; a bad one is a
// service.bad_query error.
func ParseListQuery(v url.Values) (ListQuery, error) {
	q := ListQuery{Requester: v.Get("requester"), Worker: v.Get("worker"), Sort: cmp.Or(v.Get("sort"), SortCreated), Limit: 50}
	bad := func(err error) (ListQuery, error) { return ListQuery{}, app.Errorf("service.bad_query", err) }
	for _, s := range strings.Split(v.Get("status"), ",") {
		if s != "" {
			q.Statuses = append(q.Statuses, app.Status(s))
		}
	}
	var err error
	if f := v.Get("from"); f != "" {
		if q.From, err = time.Parse(time.DateOnly, f); err != nil {
			return bad(err)
		}
	}
	if t := v.Get("to"); t != "" {
		if q.To, err = time.Parse(time.DateOnly, t); err != nil {
			return bad(err)
		}
	}
	switch q.Sort {
	case SortCreated, SortRequester, SortWorker, SortStatus:
	default:
		return bad(nil)
	}
	switch v.Get("order") {
	case "", "asc":
	case "desc":
		q.Desc = true
	default:
		return bad(nil)
	}
	if l := v.Get("limit"); l != "" {
		if q.Limit, err = strconv.Atoi(l); err != nil || q.Limit < 1 || q.Limit > 500 {
			return bad(err)
		}
	}
	if c := v.Get("cursor"); c != "" {
		if q.Offset, err = strconv.Atoi(c); err != nil || q.Offset < 0 {
			return bad(err)
		}
	}
	return q, nil
}

// Match tells whether a request passes the filters.
func (q ListQuery) Match(rc app.Receipt) bool {
	if q.Requester != "" && (rc.RequestedBy == nil || rc.RequestedBy.ID != q.Requester) {
		return false
	}
	if len(q.Statuses) > 0 && !slices.Contains(q.Statuses, rc.Status) {
		return false
	}
	if !q.From.IsZero() && rc.Created.Before(q.From) {
		return false
	}
	if !q.To.IsZero() && !rc.Created.Before(q.To) {
		return false
	}
	return q.Worker == "" || strings.Contains(workerName(rc), strings.ToLower(q.Worker))
}

// Compare orders two requests by the query's sort key, then newest first.
func (q ListQuery) Compare(a, b app.Receipt) int {
	var c int
	switch q.Sort {
	case SortRequester:
		c = cmp.Compare(requesterName(a), requesterName(b))
	case SortWorker:
		c = cmp.Compare(workerName(a), workerName(b))
	case SortStatus:
		c = cmp.Compare(a.Status, b.Status)
	default:
		c = a.Created.Compare(b.Created)
	}
	if q.Desc {
		c = -c
	}
	return cmp.Or(c, b.Created.Compare(a.Created), cmp.Compare(a.ID, b.ID))
}

func workerName(rc app.Receipt) string {
	if rc.Person == nil {
		return ""
	}
	return strings.ToLower(rc.Person.Surname + " " + rc.Person.GivenNames)
}

func requesterName(rc app.Receipt) string {
	if rc.RequestedBy == nil {
		return ""
	}
	return strings.ToLower(rc.RequestedBy.Name)
}
