#!/usr/bin/env bash
# Writes the user guide's screenshots (docs/images/) from the real window: runs the screenshot test
# (tests/ui/tst_screenshots.cpp, offscreen, no display needed) with its output in docs/images.
# CTest runs the same test on every `scripts/dev test`, into a temporary directory.
#   scripts/screenshots.sh        (a built tree: scripts/dev build)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
build_dir=${BUILD_DIR:-build/release}
cmake --build "$build_dir" --target tst_screenshots
CBI_SCREENSHOT_DIR="$PWD/docs/images" QT_QPA_PLATFORM=offscreen "$build_dir/tests/ui/tst_screenshots" -silent
ls docs/images/*.png
