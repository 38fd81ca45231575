# idpro: `make run` and `make test` are all a fresh Debian/Ubuntu machine
# with Go needs; both install the missing system packages first.
SHELL := /bin/bash
GO    ?= go
# migrated_fynedo: the app calls fyne.Do for every UI change from other
# goroutines (FyneApp.toml [Migrations] says the same to the fyne tool).
TAGS  := migrated_fynedo
BIN   := bin/idpro
# The release number from FyneApp.toml (the one the fyne packager stamps),
# plus the commit it was built from.
VERSION := $(shell sed -n 's/^ *Version *= *"\(.*\)"/\1/p' FyneApp.toml)+$(shell git describe --always --dirty 2>/dev/null || echo dev)

# Fyne's GLFW driver and gosseract (cgo).
DEB_BUILD := gcc g++ libc6-dev pkg-config libgl-dev libx11-dev libxcursor-dev \
	libxrandr-dev libxinerama-dev libxi-dev libxxf86vm-dev libtesseract-dev libleptonica-dev
# The window under Xvfb, screenshots, OCR-B, Tesseract's tools, SANE's
# test backends and libsane's eSCL client; a real browser for the sign-in
# page (chromium, driven by chromedp); a real Secret Service for the
# keychain (gnome-keyring on a private D-Bus session: dbus-x11 rather than
# dbus-user-session, which would bring systemd).
DEB_TEST := xvfb xauth xdotool imagemagick tesseract-ocr fonts-ocr-b fontconfig \
	sane-utils libsane1 sane-airscan chromium dbus dbus-x11 gnome-keyring libsecret-tools xdg-utils

.PHONY: run build test deps deps-test vet lint check race fuzz unit eval-mrz train-mrz package windows screenshots perf clean

run: build
	./$(BIN)

build: deps
	$(GO) build -tags $(TAGS) -ldflags "-X main.version=$(VERSION)" -o $(BIN) ./cmd/idpro

deps:
	@bash .ci/install-deps $(DEB_BUILD)

deps-test: deps
	@bash .ci/install-deps $(DEB_TEST)

test: deps-test check unit

lint:
	@unformatted=$$(gofmt -l $$(git ls-files '*.go')); \
	  if [ -n "$$unformatted" ]; then echo "gofmt needed:"; echo "$$unformatted"; exit 1; fi
	$(GO) vet -tags $(TAGS) ./...
	$(GO) tool staticcheck -tags $(TAGS) ./...
	GOOS=windows $(GO) vet ./scan/...

# The packages that build without cgo: all but the binary (Fyne's GLFW
# driver) and Tesseract's. Their tests run under the race detector (which
# itself needs cgo and gcc; -short leaves out the 1200-dpi decodes and the
# calibration, ten times slower under it, that unit runs), and they are
# vetted for Windows and macOS:
# cross builds have no cgo, and on macOS even Fyne's widgets need it
# (Objective-C), so app/ui is vetted for Windows only (docs/build.md).
# A package is left out when it links gosseract or GLFW, found from its
# dependencies so that a new command over Tesseract needs no entry here.
CGO_DEPS    = {{range .Deps}}{{if or (eq . "github.com/otiai10/gosseract/v2") (eq . "github.com/go-gl/glfw/v3.3/glfw")}} cgo{{end}}{{end}}
NOCGO_LIST  = $(GO) list -tags $(TAGS) -f '{{.ImportPath}}$(CGO_DEPS)' ./... | grep -v ' cgo'
NOCGO_PKGS  = $$($(NOCGO_LIST))
RACE_PKGS   = $$($(GO) list -tags $(TAGS) -f '{{if or .TestGoFiles .XTestGoFiles}}{{.ImportPath}}$(CGO_DEPS){{end}}' ./... | grep -v ' cgo')
# govulncheck reads a local Go vulnerability database built from the
# golang.org/x/vulndb module (vuln.go.dev cannot be reached from here):
# VULNDB=latest takes the newest the proxy has, a version pins one.
# It finds vulnerabilities in the standard library of the Go these
# machines have (1.26.8; fixed in 1.26.10, docs/build.md) that a project
# cannot update from its own files, so by default it reports them without
# failing; VULNFAIL=1 fails on any finding.
VULNDB   ?= latest
VULNFAIL ?= 0
# How long make fuzz runs each fuzz target.
FUZZTIME ?= 30s

# The race detector over the packages where work runs concurrently (the
# UI's background jobs, the desk, the sandbox, the store) keeps make test
# within its 30 minutes; make race runs it over every package (ocr and
# scan add about 30 minutes on 2 cores).
RACE_FAST = $$($(GO) list ./app/... ./store/...)

# lint, the race detector, vet for the other desktops, known vulnerabilities.
check: deps lint
	CGO_ENABLED=1 $(GO) test -race -short -tags $(TAGS) -count=1 -timeout 30m $(RACE_FAST)
	GOOS=windows $(GO) vet -tags $(TAGS) $(NOCGO_PKGS)
	GOOS=darwin $(GO) vet -tags $(TAGS) $$($(NOCGO_LIST) | grep -v /app/ui$$)
	$(GO) run ./cmd/vulndb -version $(VULNDB) -out bin/vulndb
	$(GO) tool govulncheck -db file://$(CURDIR)/bin/vulndb -tags $(TAGS) ./... || [ "$(VULNFAIL)" = 0 ]

race: deps
	CGO_ENABLED=1 $(GO) test -race -short -tags $(TAGS) -count=1 -timeout 60m $(RACE_PKGS)

# Every fuzz target for FUZZTIME; a crasher is kept in the package's
# testdata/fuzz, where go test runs it from then on as a regression test.
fuzz:
	@failed=""; for dir in $$(grep -rl --include='*_test.go' '^func Fuzz' app store scan ocr cmd | xargs -n1 dirname | sort -u); do \
	  for name in $$(sed -n 's/^func \(Fuzz[A-Za-z0-9_]*\)(.*/\1/p' $$dir/*_test.go); do \
	    echo "== $$dir $$name ($(FUZZTIME))"; \
	    $(GO) test -tags $(TAGS) -run '^$$' -fuzz "^$$name$$" -fuzztime $(FUZZTIME) ./$$dir || failed="$$failed $$dir.$$name"; \
	  done; \
	done; \
	if [ -n "$$failed" ]; then echo "fuzz failed:$$failed"; exit 1; fi

# Logic packages must build without cgo, tests included (compiled only,
# so the slow ones do not run twice); then every test runs once, with cgo.
unit:
	CGO_ENABLED=0 $(GO) test -tags $(TAGS) -count=1 -run '^$$' $$($(GO) list -tags $(TAGS) -f '{{if .TestGoFiles}}{{.ImportPath}}$(CGO_DEPS){{end}}' ./app/... ./store/... ./scan/... ./ocr/... | grep -v ' cgo')
	$(GO) test -tags $(TAGS) -count=1 -timeout 30m ./...

# The fyne packager, pinned, installed outside go.mod: fyne.io/tools
# requires Fyne 2.8, and as a go.mod tool it would move the app to it.
FYNE_TOOLS := v1.7.4
FYNE       := bin/tools/fyne

$(FYNE):
	GOBIN=$(CURDIR)/bin/tools $(GO) install fyne.io/tools/cmd/fyne@$(FYNE_TOOLS)

# The Linux package: bin/_package/idpro.tar.xz with the binary, the desktop
# entry and the icon (FyneApp.toml), checked by .ci/check-package. The
# packager runs in a folder of its own: it rewrites FyneApp.toml (the build
# number) and wants a Go file there even when given the binary; the _ in
# the folder's name keeps that stub out of `go ... ./...`.
package: build $(FYNE)
	rm -rf bin/_package && mkdir -p bin/_package/assets
	cp FyneApp.toml bin/_package/ && cp assets/icon.png bin/_package/assets/
	echo 'package main' > bin/_package/main.go
	cd bin/_package && ../tools/fyne package --target linux --exe ../idpro --name idpro
	bash .ci/check-package bin/_package/idpro.tar.xz

# The Windows GUI binary, bin/idpro.exe, cross-built with Debian's mingw-w64
# (it compiles Fyne's GLFW driver) and without Tesseract: no Tesseract or
# Leptonica for Windows is in a registry these machines reach, so the
# window says text recognition is not available (docs/build.md). Not
# part of make test.
windows:
	@bash .ci/install-deps gcc-mingw-w64-x86-64
	CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc $(GO) build -tags $(TAGS),notesseract \
	  -ldflags "-H windowsgui -X main.version=$(VERSION)" -o bin/idpro.exe ./cmd/idpro

# Every screen in nl, fr, de and en, light and dark, painted by Fyne's
# test driver at 1280x800 into docs/screenshots (docs/README shows some).
screenshots:
	mkdir -p docs/screenshots
	IDPRO_SCREENSHOTS=$(CURDIR)/docs/screenshots $(GO) test -tags $(TAGS) -count=1 -run '^TestScreens$$' ./app/ui/

# Start time and the UI goroutine's longest waits, measured on the real
# window under Xvfb (docs/performance.md).
perf: deps-test
	IDPRO_PERF=1 $(GO) test -tags $(TAGS) -count=1 -run '^TestUIResponsiveness$$' -v ./cmd/idpro/ | grep '|'

eval-mrz:
	$(GO) run -tags $(TAGS) ./cmd/mrzeval

train-mrz: deps-test
	bash ocr/train/build.sh

clean:
	rm -rf bin
