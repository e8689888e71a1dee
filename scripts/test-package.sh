#!/usr/bin/env bash
# Installs the Recourse .deb from DEB_DIR on this machine (dpkg -i), checks what it installed
# (dpkg -L: both binaries, the desktop entry, the icons, the licences), starts the installed app
# under Xvfb until it shows its first screen, runs the installed `recourse --version`, and removes
# the package again, also when a check fails. Usage: scripts/test-package.sh DEB_DIR
set -euo pipefail
cd "$(dirname "$0")/.."

deb_dir=${1:?usage: test-package.sh DEB_DIR}
sudo=$([ "$(id -u)" = 0 ] || echo sudo)
version=$(node -p 'require("./src-tauri/tauri.conf.json").version')
deb="$deb_dir/Recourse_${version}_$(dpkg --print-architecture).deb"
[ -f "$deb" ] || { echo "FAIL: $deb not found (make package builds it)"; exit 1; }
package=$(dpkg-deb -f "$deb" Package)

failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
ok() { echo "ok: $*"; }

work=$(mktemp -d)
cleanup() {
  $sudo dpkg -r "$package" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "installing $deb"
# The package's own dependencies (WebKitGTK, GTK) are what `make deps-build` installs.
$sudo dpkg -i "$deb" >/dev/null
installed=$(dpkg -L "$package")

has() { grep -qx -- "$1" <<<"$installed"; }
for f in /usr/bin/recourse-desktop /usr/bin/recourse \
         /usr/share/doc/recourse/copyright /usr/share/doc/recourse/third-party-licenses.json \
         /usr/share/doc/recourse/fonts-OFL.txt; do
  if has "$f"; then ok "installs $f"; else fail "does not install $f"; fi
done
for size in 16x16 32x32 48x48 64x64 128x128 256x256 512x512; do
  icon=/usr/share/icons/hicolor/$size/apps/recourse-desktop.png
  if has "$icon"; then ok "installs the $size icon"; else fail "no $size icon ($icon)"; fi
done

desktop=$(grep -m1 '^/usr/share/applications/.*\.desktop$' <<<"$installed" || true)
if [ -z "$desktop" ]; then
  fail "no desktop entry in /usr/share/applications"
else
  ok "desktop entry $desktop"
  grep -qx 'Categories=Office;Finance;' "$desktop" || fail "desktop entry: Categories is not Office;Finance;"
  grep -qx 'Exec=recourse-desktop %F' "$desktop" || fail "desktop entry: Exec does not take files (%F)"
  for mime in text/csv application/vnd.openxmlformats-officedocument.spreadsheetml.sheet \
              application/vnd.ms-excel application/x-ofx application/vnd.intu.qfx \
              application/xml application/zip; do
    grep -q "^MimeType=.*$mime;" "$desktop" || fail "desktop entry: MimeType lacks $mime"
  done
  if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate "$desktop" || fail "desktop-file-validate rejects $desktop"
  fi
fi

licences=/usr/share/doc/recourse/third-party-licenses.json
if [ -f "$licences" ]; then
  node -e '
    const l = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const bad = ["crates", "npm", "fonts"].filter((k) => !(l[k] && l[k].length));
    if (bad.length) { console.error("empty sections: " + bad.join(", ")); process.exit(1); }
    if (!l.crates.some((c) => c.name === "tauri")) { console.error("tauri is not listed"); process.exit(1); }
  ' "$licences" && ok "licences list crates, npm packages and fonts" || fail "licences file incomplete"
fi

# The installed CLI names the packaged version.
cli_version=$(/usr/bin/recourse --version || true)
if [ "$cli_version" = "recourse $version" ]; then ok "recourse --version: $cli_version"
else fail "recourse --version printed '$cli_version', want 'recourse $version'"; fi

# The installed app, on an empty database of its own, until its first screen is shown.
started=$(date +%s%N)
out=$(RECOURSE_DB="$work/recourse.db" RECOURSE_EXIT_AFTER_FIRST_SCREEN=1 \
      XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" \
      timeout --kill-after=10 120 xvfb-run -a -s "-screen 0 1280x860x24" /usr/bin/recourse-desktop \
      2>"$work/app.log" || true)
if grep -q '^first screen shown' <<<"$out"; then
  ok "the installed app showed its first screen ($(( ($(date +%s%N) - started) / 1000000 )) ms under xvfb-run; $out)"
else
  fail "the installed app did not show its first screen within 120 s; its log:"
  tail -20 "$work/app.log"
fi

$sudo dpkg -r "$package" >/dev/null
if dpkg -s "$package" 2>/dev/null | grep -q '^Status: install ok installed'; then fail "dpkg -r left $package installed"
else ok "removed $package"; fi
[ -e /usr/bin/recourse ] && fail "/usr/bin/recourse is still there after dpkg -r"

if [ "$failures" -gt 0 ]; then echo "test-package: $failures failures"; exit 1; fi
echo "test-package: all checks passed"
