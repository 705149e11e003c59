#!/usr/bin/env bash
# Runs the whole test suite (installs and builds what is missing first).
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
bash scripts/setup.sh || exit 1
log=$(mktemp)
dotnet test GameDrift.sln -c Release "$@" 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}
# One plain closing line over all test assemblies.
awk '/(Passed|Failed)!/ { for (i=1;i<=NF;i++) { gsub(",","",$(i+1)); if ($i=="Failed:") f+=$(i+1); if ($i=="Passed:") p+=$(i+1); if ($i=="Skipped:") s+=$(i+1) } }
     END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
if [ "$rc" -ne 0 ] && grep -qE "error (CS|MSB)[0-9]+|Build FAILED" "$log"; then
  echo "tests: the build failed (errors above); the counts cover only the test assemblies that built"
fi
rm -f "$log"
exit $rc
