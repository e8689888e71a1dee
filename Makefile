# Recourse — `make run` opens the app, `make test` runs every test. Both install what is missing.
SHELL := /bin/bash
.DEFAULT_GOAL := run

# Debian packages: what Tauri builds against, what the tests drive, what the benchmark compares.
APT_BUILD := pkg-config build-essential libwebkit2gtk-4.1-dev libxdo-dev libssl-dev \
             libayatana-appindicator3-dev librsvg2-dev
# fonts-noto-cjk: the Chinese screens render (and their screenshots show) real glyphs.
APT_TEST  := xvfb xauth webkit2gtk-driver poppler-utils imagemagick fonts-noto-cjk
APT_BENCH := hledger time xvfb xauth
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APP_BIN := target/debug/recourse-desktop
# The app the end-to-end tests drive: built with the e2e-hooks feature (its file dialogs can be
# answered by environment variables) and moved to a name of its own, so `make run` never starts it.
E2E_BIN := target/debug/recourse-desktop-e2e
export CARGO_TERM_COLOR ?= never

.PHONY: run test test-rust test-ui test-e2e build app app-e2e ui fuzz bench bindings check-bindings \
        deps-build deps-test deps-bench fmt lint clean screenshots

# Installs the Debian packages in $(1) that are not installed yet.
define apt_install
	@missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
	fi
endef

deps-build: node_modules/.installed
	$(call apt_install,$(APT_BUILD))

deps-test: deps-build
	$(call apt_install,$(APT_TEST))
	@command -v tauri-driver >/dev/null || cargo install tauri-driver --locked

deps-bench: deps-build
	$(call apt_install,$(APT_BENCH))

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

ui: deps-build
	npm run build

# The desktop app with the built UI embedded.
app: ui
	cargo build -p recourse-desktop

app-e2e: ui
	cargo build -p recourse-desktop --features e2e-hooks
	mv -f $(APP_BIN) $(E2E_BIN)

build: app
	cargo build -p recourse-cli

run: app
	$(APP_BIN)

test: deps-test ui
	$(MAKE) lint test-rust test-ui test-e2e

test-rust:
	cargo test --workspace

test-ui:
	npm run test:ui

# A stuck window must fail the run, not hold it: each test has 5 minutes, the whole run 20, and
# the runner exits once its tests are done whatever child process is left.
test-e2e: app-e2e
	RECOURSE_APP_BINARY=$(abspath $(E2E_BIN)) timeout --kill-after=30 1200 xvfb-run -a -s "-screen 0 1280x860x24" \
	  node --test --test-force-exit --test-concurrency=1 --test-timeout=300000 tests/e2e/

# Property-based fuzzing (stable Rust, proptest) of amounts and dates through the real importer
# and of the importer on arbitrary bytes, for a fixed budget: FUZZ_CASES cases per property. A
# failing case is kept in crates/core/tests/*.proptest-regressions and replayed on every run.
FUZZ_CASES ?= 20000
fuzz:
	PROPTEST_CASES=$(FUZZ_CASES) timeout 3600 cargo test --release -q -p recourse-core \
	  --test fuzz_amounts_dates

# Regenerates the TypeScript types of the IPC contract from the Rust DTOs.
bindings:
	cargo run -q -p recourse-app --example bindings -- ui/src/ipc/bindings.ts

# Under Xvfb: the bench times the release app's start to its first screen.
bench: deps-bench ui
	xvfb-run -a -s "-screen 0 1280x860x24" cargo run --release -q -p recourse-bench

fmt:
	cargo fmt --all

# Clippy's warnings fail the build: they are cheaper to fix when they appear.
lint:
	cargo clippy --workspace --all-targets -- -D warnings

clean:
	cargo clean
	rm -rf ui/dist node_modules tests/artifacts
