#!/usr/bin/env bash
# Renders the application icon (resources/icons/callback-inspector.svg) to the PNG sizes of the
# hicolor theme, committed in resources/icons/hicolor/: installed beside the SVG and compiled into
# the app for its window icon (HiDPI picks the larger sizes). Rerun after changing the SVG.
#   scripts/render-icons.sh        (needs librsvg2-bin, or imagemagick with an SVG delegate)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
svg=resources/icons/callback-inspector.svg
for size in 16 24 32 48 64 128 256 512; do
    dir=resources/icons/hicolor/${size}x${size}/apps
    mkdir -p "$dir"
    if command -v rsvg-convert >/dev/null; then
        rsvg-convert -w "$size" -h "$size" "$svg" -o "$dir/callback-inspector.png"
    else
        convert -background none -density $((size * 4)) "$svg" -resize "${size}x${size}" "PNG32:$dir/callback-inspector.png"
    fi
done
echo "rendered $(ls resources/icons/hicolor | wc -l) sizes"
