#!/usr/bin/env bash
# Renders the app icon set in src-tauri/icons from the two hand-drawn sources in
# src-tauri/icons/src: icon.svg (48 px and up, the dock) and icon-small.svg (16 and 32 px, drawn on
# the pixel grid so menus and title bars show a sharp icon). The results are committed; run this
# after changing either source. Needs rsvg-convert (librsvg2-bin), ImageMagick and the npm
# @tauri-apps/cli (for the macOS .icns).
set -euo pipefail
cd "$(dirname "$0")/../src-tauri/icons"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

big() { rsvg-convert -w "$1" -h "$1" src/icon.svg -o "$2"; }
small() { rsvg-convert -w "$1" -h "$1" src/icon-small.svg -o "$2"; }

small 16 16x16.png
small 32 32x32.png
big 48 48x48.png
big 64 64x64.png
big 128 128x128.png
big 256 256x256.png
big 512 icon.png

# Windows: one .ico holding every size, the small drawing for 16–32 px.
small 24 "$work/24.png"
big 256 "$work/256.png"
convert 16x16.png "$work/24.png" 32x32.png 48x48.png 64x64.png 128x128.png "$work/256.png" icon.ico

# macOS: the .icns from a 1024 px render.
big 1024 "$work/1024.png"
npx --no-install tauri icon "$work/1024.png" -o "$work/out" >/dev/null 2>&1
cp "$work/out/icon.icns" icon.icns
