#!/usr/bin/env bash
# Opens a report in headless Chromium and saves a screenshot of it, for a person to look at.
#   scripts/check-report.sh REPORT.html [SHOT.png] [WIDTHxHEIGHT]
#   scripts/check-report.sh RUN-OR-SWEEP-DIR [SHOT.png] [WIDTHxHEIGHT]   (writes DIR/report.html first)
# The screenshot defaults to the report's name with .png; the window to 1280x2400.
# Installs Chromium with apt-get when it is missing. A manual check, not part of the test suite.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
target="${1:?usage: scripts/check-report.sh REPORT.html|DIR [SHOT.png] [WIDTHxHEIGHT]}"
if [ -d "$target" ]; then
  report="$("$root/gamedrift" report --run "$target" | tail -n 1)"
else
  report="$target"
fi
[ -f "$report" ] || { echo "check-report: no such report: $report" >&2; exit 2; }
report="$(cd "$(dirname "$report")" && pwd)/$(basename "$report")"
shot="${2:-${report%.html}.png}"
size="${3:-1280x2400}"

browser="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
if [ -z "$browser" ]; then
  echo "check-report: installing chromium" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  browser="$(command -v chromium)"
fi

# A throwaway profile keeps runs independent; --virtual-time-budget lets the page finish decoding its images.
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$profile" \
  --virtual-time-budget=5000 --window-size="${size/x/,}" --screenshot="$shot" "file://$report" >/dev/null 2>&1
[ -s "$shot" ] || { echo "check-report: chromium wrote no screenshot" >&2; exit 1; }
echo "$shot"
