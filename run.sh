#!/usr/bin/env bash
# The main job (installs and builds what is missing first). Extra arguments go to `gamedrift demo`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
bash scripts/setup.sh
dotnet build src/GameDrift.Cli -c Release -v quiet -nologo >/tmp/gamedrift-build.log 2>&1 || { cat /tmp/gamedrift-build.log; exit 1; }
exec dotnet src/GameDrift.Cli/bin/Release/net10.0/GameDrift.Cli.dll demo "$@"
