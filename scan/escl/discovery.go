package escl

import (
	"fmt"
	"net/netip"
	"slices"
	"strings"

	"golang.org/x/net/dns/dnsmessage"

	"github.com/idpro/idpro/scan"
)

// Service types eSCL scanners announce over mDNS: plain HTTP and HTTPS.
const (
	ServiceHTTP  = "_uscan._tcp.local."
	ServiceHTTPS = "_uscans._tcp.local."
)

// Query is the mDNS question for both eSCL service types.
func Query() ([]byte, error) {
	b := dnsmessage.NewBuilder(nil, dnsmessage.Header{})
	b.EnableCompression()
	if err := b.StartQuestions(); err != nil {
		return nil, err
	}
	for _, s := range []string{ServiceHTTP, ServiceHTTPS} {
		q := dnsmessage.Question{Name: dnsmessage.MustNewName(s), Type: dnsmessage.TypePTR, Class: dnsmessage.ClassINET}
		if err := b.Question(q); err != nil {
			return nil, err
		}
	}
	return b.Finish()
}

// Service is one announced scanner, assembled from PTR, SRV, TXT and A/AAAA
// records that may arrive in different messages.
type Service struct {
	Instance string // "HP LaserJet MFP M28w._uscan._tcp.local."
	Secure   bool   // _uscans
	Host     string // SRV target
	Port     uint16
	Addrs    []netip.Addr
	TXT      map[string]string // rs (resource path), ty (model), UUID, cs, is, duplex, ...
}

// URL is the eSCL base URL, on an IPv4 address when there is one (the name
// ".local" needs mDNS in the resolver, which Windows lacks before 10).
func (s Service) URL() string {
	scheme := "http"
	if s.Secure {
		scheme = "https"
	}
	host := strings.TrimSuffix(s.Host, ".")
	if i := slices.IndexFunc(s.Addrs, netip.Addr.Is4); i >= 0 {
		host = s.Addrs[i].String()
	} else if len(s.Addrs) > 0 {
		host = "[" + s.Addrs[0].String() + "]"
	}
	rs := strings.Trim(s.TXT["rs"], "/")
	if _, ok := s.TXT["rs"]; !ok {
		rs = "eSCL"
	}
	return fmt.Sprintf("%s://%s:%d/%s", scheme, host, s.Port, rs)
}

// Device is the service as a scan.Device.
func (s Service) Device() scan.Device {
	model := s.TXT["ty"]
	if model == "" {
		model, _, _ = strings.Cut(s.Instance, "._uscan")
	}
	return scan.Device{Backend: scan.ESCL, ID: s.URL(), Model: model, Kind: "eSCL", UUID: strings.ToLower(s.TXT["uuid"])}
}

// Services collects mDNS answers into services.
type Services struct {
	instances map[string]*Service
	hosts     map[string][]netip.Addr
}

// Add reads one mDNS message; records of other services are ignored.
func (c *Services) Add(msg []byte) error {
	if c.instances == nil {
		c.instances, c.hosts = map[string]*Service{}, map[string][]netip.Addr{}
	}
	var p dnsmessage.Parser
	if _, err := p.Start(msg); err != nil {
		return err
	}
	if err := p.SkipAllQuestions(); err != nil {
		return err
	}
	for {
		h, err := p.AnswerHeader()
		if err == dnsmessage.ErrSectionDone {
			break
		}
		if err != nil {
			return err
		}
		if err := c.record(&p, h, p.SkipAnswer); err != nil {
			return err
		}
	}
	// Responders put SRV, TXT and addresses in the additional section.
	if err := p.SkipAllAuthorities(); err != nil {
		return err
	}
	for {
		h, err := p.AdditionalHeader()
		if err == dnsmessage.ErrSectionDone {
			return nil
		}
		if err != nil {
			return err
		}
		if err := c.record(&p, h, p.SkipAdditional); err != nil {
			return err
		}
	}
}

func (c *Services) instance(name string) *Service {
	s := c.instances[name]
	if s == nil {
		s = &Service{Instance: name, TXT: map[string]string{}}
		c.instances[name] = s
	}
	return s
}

func isESCL(name string) (secure, ok bool) {
	n := strings.ToLower(name)
	switch {
	case strings.HasSuffix(n, strings.ToLower(ServiceHTTPS)):
		return true, true
	case strings.HasSuffix(n, strings.ToLower(ServiceHTTP)):
		return false, true
	}
	return false, false
}

// record reads the record h heads; skip skips it in its section.
func (c *Services) record(p *dnsmessage.Parser, h dnsmessage.ResourceHeader, skip func() error) error {
	name := h.Name.String()
	switch h.Type {
	case dnsmessage.TypePTR:
		r, err := p.PTRResource()
		if err != nil {
			return err
		}
		if strings.EqualFold(name, ServiceHTTP) || strings.EqualFold(name, ServiceHTTPS) {
			if secure, ok := isESCL(r.PTR.String()); ok {
				c.instance(r.PTR.String()).Secure = secure
			}
		}
	case dnsmessage.TypeSRV:
		r, err := p.SRVResource()
		if err != nil {
			return err
		}
		if secure, ok := isESCL(name); ok {
			s := c.instance(name)
			s.Secure, s.Host, s.Port = secure, r.Target.String(), r.Port
		}
	case dnsmessage.TypeTXT:
		r, err := p.TXTResource()
		if err != nil {
			return err
		}
		if _, ok := isESCL(name); ok {
			s := c.instance(name)
			for _, kv := range r.TXT {
				k, v, _ := strings.Cut(kv, "=")
				s.TXT[strings.ToLower(k)] = v
			}
		}
	case dnsmessage.TypeA:
		r, err := p.AResource()
		if err != nil {
			return err
		}
		c.addHost(name, netip.AddrFrom4(r.A))
	case dnsmessage.TypeAAAA:
		r, err := p.AAAAResource()
		if err != nil {
			return err
		}
		c.addHost(name, netip.AddrFrom16(r.AAAA))
	default:
		return skip()
	}
	return nil
}

func (c *Services) addHost(name string, a netip.Addr) {
	key := strings.ToLower(name)
	if !slices.Contains(c.hosts[key], a) {
		c.hosts[key] = append(c.hosts[key], a)
	}
}

// List returns the services that are complete enough to reach (a host and
// a port), with their addresses, sorted by instance name.
func (c *Services) List() []Service {
	var out []Service
	for _, s := range c.instances {
		if s.Host == "" || s.Port == 0 {
			continue
		}
		svc := *s
		svc.Addrs = slices.Clone(c.hosts[strings.ToLower(s.Host)])
		out = append(out, svc)
	}
	slices.SortFunc(out, func(a, b Service) int { return strings.Compare(a.Instance, b.Instance) })
	return out
}
