package app

import (
	"testing"
	"time"
)

func TestParseINSZValid(t *testing.T) {
	for _, s := range []string{
		"85073003328", "17073003384", "98472899765", "01490700185",
		"75460898095", "75260898052", "92200006963", "00000100166",
		"85.07.30-033.28", " 85 07 30 033 28 ",
	} {
		if _, err := ParseINSZ(s); err != nil {
			t.Errorf("ParseINSZ(%q) = %v, want valid", s, err)
		}
	}
}

func TestParseINSZInvalid(t *testing.T) {
	for s, code := range map[string]string{
		"12345678901":  "insz.date", // month 34
		"85073003329x": "insz.length",
		"85073003329":  "insz.check",
		"85133000105":  "insz.date",
		"85533000191":  "insz.date",
		"8507300332":   "insz.length",
		"8507300332a":  "insz.length",
		"850730033281": "insz.length",
	} {
		_, err := ParseINSZ(s)
		if got := ErrorCode(err); got != code {
			t.Errorf("ParseINSZ(%q) code = %q, want %q", s, got, code)
		}
	}
}

func TestINSZFormatAndKind(t *testing.T) {
	n := INSZ("98472899765")
	if got := n.String(); got != "98.47.28-997.65" {
		t.Errorf("String() = %q", got)
	}
	if !n.IsBIS() || INSZ("85073003328").IsBIS() {
		t.Error("IsBIS wrong")
	}
}

func TestNewBIS(t *testing.T) {
	now := time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC)
	cases := []struct {
		birth   Date
		sex     Sex
		seq     int
		want    INSZ
		oddSeq  bool
		monthGE int
	}{
		{Date{1998, 7, 28}, Male, 499, "98472899765", true, 40},
		{Date{2001, 9, 7}, Male, 1, "01490700185", true, 40},
		{Date{1975, 6, 8}, Female, 5, "", false, 40},
		{Date{1975, 6, 8}, Unknown, 3, "", false, 20},
		{Date{1992, 0, 0}, Female, 348, "", false, 40},
		{Date{1992, 0, 0}, Unknown, 348, "", false, 20},
	}
	for _, c := range cases {
		n, err := NewBIS(c.birth, c.sex, c.seq)
		if err != nil {
			t.Fatalf("NewBIS(%v): %v", c.birth, err)
		}
		if c.want != "" && n != c.want {
			t.Errorf("NewBIS(%v, %s, %d) = %s, want %s", c.birth, c.sex, c.seq, n, c.want)
		}
		if _, err := ParseINSZ(string(n)); err != nil {
			t.Errorf("NewBIS gave invalid %s: %v", n, err)
		}
		if c.monthGE == 40 && n.field(2) < 40 || c.monthGE == 20 && (n.field(2) < 20 || n.field(2) >= 40) {
			t.Errorf("%s: month %d, want +%d", n, n.field(2), c.monthGE)
		}
		seqOdd := (int(n[8]-'0'))%2 == 1
		if (c.sex == Male) != seqOdd {
			t.Errorf("%s: sequence parity wrong for sex %q", n, c.sex)
		}
		if c.birth.Full() && n.BirthDate(now) != c.birth {
			t.Errorf("%s: BirthDate = %v, want %v", n, n.BirthDate(now), c.birth)
		}
	}
	if _, err := NewBIS(Date{1990, 1, 1}, Male, 0); err == nil {
		t.Error("sequence 0 accepted")
	}
	if n, _ := NewBIS(Date{}, Male, 1); n[:6] != "000001" {
		t.Errorf("unknown date gave %s", n)
	}
}
