#!/usr/bin/env bash
# Regenerates every icon in this folder from app-icon.svg:
#   app-icon-{16,24,32,48,64,128,256,512}.png   (Linux, jpackage --icon on Linux)
#   app-icon.ico   16/32/48/256 px               (Windows, jpackage --icon on Windows)
#   app-icon.icns  16..512 px (+1024 @2x)        (macOS,   jpackage --icon on macOS)
#
# Needs (Debian/Ubuntu):
#   apt-get install -y librsvg2-bin imagemagick python3
#     librsvg2-bin  -> rsvg-convert (SVG -> PNG)
#     imagemagick   -> convert      (PNGs -> .ico)
#     python3       -> make-icns.py (PNGs -> .icns, standard library only)
#   (icnsutils' png2icns is not used: it is not needed, and its libicns 0.8.1 predates
#    the PNG entry types icp4/icp5/icp6/ic11..ic14 that make-icns.py writes.)
#
# Run from anywhere: ./icons/make-icons.sh   (or: bash icons/make-icons.sh)
# The outputs are committed, so this is only needed after app-icon.svg changes.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"

missing=()
command -v rsvg-convert >/dev/null 2>&1 || missing+=(librsvg2-bin)
command -v convert >/dev/null 2>&1 || missing+=(imagemagick)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
if ((${#missing[@]})); then
    echo "make-icons.sh: missing tools; install them with: apt-get install -y ${missing[*]}" >&2
    exit 1
fi

svg=app-icon.svg
sizes=(16 24 32 48 64 128 256 512)

for size in "${sizes[@]}"; do
    rsvg-convert --width "$size" --height "$size" --keep-aspect-ratio \
        --format png --output "app-icon-$size.png" "$svg"
done

# Windows .ico: 16/32/48 stored as BMP, 256 stored as PNG (what Windows Vista+ expects).
# No date chunks, so re-running gives the same bytes.
convert app-icon-16.png app-icon-32.png app-icon-48.png app-icon-256.png \
    -define png:exclude-chunks=date,time +set date:create +set date:modify \
    app-icon.ico

# macOS .icns, PNG entries (ic10 = 512 px @2x, rendered to a temporary 1024 px PNG).
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
rsvg-convert --width 1024 --height 1024 --keep-aspect-ratio --format png \
    --output "$tmp/app-icon-1024.png" "$svg"
python3 make-icns.py app-icon.icns \
    16=app-icon-16.png 32=app-icon-32.png 64=app-icon-64.png 128=app-icon-128.png \
    256=app-icon-256.png 512=app-icon-512.png 1024="$tmp/app-icon-1024.png"

echo "make-icons.sh: icons written to $(pwd)"
