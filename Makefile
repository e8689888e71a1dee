# Recourse — `make run` opens the app, `make test` runs every test. Both install what is missing.
SHELL := /bin/bash
.DEFAULT_GOAL := run

# Debian packages: what Tauri builds against, what the tests drive, what the benchmark compares.
APT_BUILD := pkg-config build-essential libwebkit2gtk-4.1-dev libxdo-dev libssl-dev \
             libayatana-appindicator3-dev librsvg2-dev
# fonts-noto-cjk: the Chinese screens render (and their screenshots show) real glyphs;
# desktop-file-utils: make test-package validates the desktop entry.
APT_TEST  := xvfb xauth webkit2gtk-driver poppler-utils imagemagick fonts-noto-cjk desktop-file-utils
APT_BENCH := hledger time xvfb xauth
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# Where cargo puts what it builds (CARGO_TARGET_DIR when set).
TARGET_DIR := $(or $(CARGO_TARGET_DIR),target)
APP_BIN := $(TARGET_DIR)/debug/recourse-desktop
# The app the end-to-end tests drive: built with the e2e-hooks feature (its file dialogs can be
# answered by environment variables) and moved to a name of its own, so `make run` never starts it.
E2E_BIN := $(TARGET_DIR)/debug/recourse-desktop-e2e
DEB_DIR := $(TARGET_DIR)/release/bundle/deb
export CARGO_TERM_COLOR ?= never

.PHONY: run test test-rust test-ui test-e2e build app app-e2e ui fuzz bench bindings check-bindings \
        deps-build deps-test deps-bench fmt lint clean screenshots package test-package cli-docs

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
	$(MAKE) lint test-rust test-ui test-e2e test-package

# Tests that read ../shared/fixtures (data kept beside the repository, not in it) are reported as
# skipped when it is absent: each one that skipped leaves a file in SKIPS, counted here.
SKIPS := $(TARGET_DIR)/tmp/skipped-shared-fixtures
test-rust:
	@rm -rf $(SKIPS)
	cargo test --workspace
	@n=$$(ls $(SKIPS) 2>/dev/null | wc -l); if [ "$$n" -gt 0 ]; then \
	  echo "skipped: ../shared/fixtures absent — $$n manifest tests did not run: $$(ls $(SKIPS) | tr '\n' ' ')"; fi

test-ui:
	npm run test:ui

# A stuck window must fail the run, not hold it: each test has 5 minutes, the whole run 20, and
# the runner exits once its tests are done whatever child process is left.
test-e2e: app-e2e
	RECOURSE_APP_BINARY=$(abspath $(E2E_BIN)) timeout --kill-after=30 1200 xvfb-run -a -s "-screen 0 1280x860x24" \
	  node --test --test-force-exit --test-concurrency=1 --test-timeout=300000 tests/e2e/

# Fuzzing for a fixed budget. With a nightly toolchain, every cargo fuzz target in fuzz/ (sniffing,
# CSV, amounts, dates, XLSX, OFX, CAMT) runs FUZZ_SECONDS under libFuzzer (cargo-fuzz is installed
# when missing); a crash stops the run and its input is left in fuzz/artifacts/TARGET/ (keep it
# as a regression file in tests/fixtures/malformed/ with its expected outcome in manifest.json). Without
# nightly, the stable property-based harness (proptest) runs FUZZ_CASES cases per property; its
# failing cases are kept in crates/core/tests/*.proptest-regressions and replayed on every run.
FUZZ_SECONDS ?= 60
FUZZ_CASES ?= 20000
FUZZ_TARGETS := sniff csv amounts dates xlsx ofx camt
fuzz:
	@if cargo +nightly --version >/dev/null 2>&1; then \
	  command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked; \
	  for t in $(FUZZ_TARGETS); do \
	    echo "== fuzz $$t ($(FUZZ_SECONDS) s)"; \
	    mkdir -p fuzz/corpus/$$t; \
	    (cd fuzz && cargo +nightly fuzz run -O $$t corpus/$$t seeds/$$t -- \
	      -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=2048 -timeout=20 -max_len=65536) || exit 1; \
	  done; \
	else \
	  echo "no nightly toolchain: running the stable property-based harness"; \
	  PROPTEST_CASES=$(FUZZ_CASES) timeout 3600 cargo test --release -q -p recourse-core \
	    --test fuzz_amounts_dates; \
	fi

# Release bundles (.deb and .rpm) of the desktop app with the `recourse` CLI beside it: the
# bundler copies target/package/recourse to /usr/bin/recourse (tauri.conf.json, bundle.linux).
# The release profile (Cargo.toml) is tuned for size: fat LTO, one codegen unit, stripped.
package: deps-build
	cargo build --release --locked -p recourse-cli
	mkdir -p target/package && cp $(TARGET_DIR)/release/recourse target/package/recourse
	npx tauri build --ci --bundles deb,rpm
	@ls -l $(DEB_DIR)/*.deb $(TARGET_DIR)/release/bundle/rpm/*.rpm

# Installs the .deb on this machine, checks what it put where, starts the installed app to its
# first screen under Xvfb, runs the installed CLI, and removes the package again.
test-package: package deps-test
	timeout --kill-after=30 900 scripts/test-package.sh $(DEB_DIR)

# Copies every command's --help into docs/cli.md (a test fails when they differ).
cli-docs:
	RECOURSE_UPDATE_CLI_DOCS=1 cargo test -q -p recourse-cli --test cli_reference

# Regenerates the TypeScript types of the IPC contract from the Rust DTOs (ui/src/ipc/bindings.ts)
# and the typed command wrappers from the desktop commands (ui/src/ipc/commands.ts).
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
