#!/usr/bin/env bash
# Publishes the command line (src/GameDrift.Cli) as one self-contained linux-x64 file that runs where there is no
# .NET: build/publish/gamedrift. Compressed single file, not trimmed (YamlDotNet and System.CommandLine reflect over
# types that trimming removes). The native shim is not included: it is built on the target machine against its own
# libtorch (scripts/gpu-check.sh does that) and found through GAMEDRIFT_NATIVE.
# Invariant globalization: the binary needs no libicu on the target (the code formats with the invariant culture).
# Usage: bash scripts/publish-cli.sh [output folder]   (prints the file's size and what travels to a device with it)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$root/build/publish}"
rm -rf "$out"
dotnet publish "$root/src/GameDrift.Cli/GameDrift.Cli.csproj" -c Release -r linux-x64 --self-contained true \
  -p:PublishSingleFile=true -p:EnableCompressionInSingleFile=true -p:IncludeNativeLibrariesForSelfExtract=true \
  -p:InvariantGlobalization=true -p:DebugType=none -p:GenerateDocumentationFile=false -p:SatelliteResourceLanguages=en \
  -o "$out" --nologo -v:q
mv "$out/GameDrift.Cli" "$out/gamedrift"
# Anything else the publish left (the shim copied by the build, .pdb) does not travel.
find "$out" -mindepth 1 ! -name gamedrift -exec rm -rf {} +
cli=$(stat -c %s "$out/gamedrift")
# What travels to a device: the working tree git knows of (tracked, and untracked but not ignored) plus this file.
tree=$(cd "$root" && git ls-files -z -co --exclude-standard | xargs -0 stat -c %s 2>/dev/null | awk '{ s += $1 } END { print s + 0 }')
echo "published: $out/gamedrift"
echo "cli_bytes: $cli"
echo "tree_bytes: $tree"
echo "payload_mib: $(awk -v a="$cli" -v b="$tree" 'BEGIN { printf "%.1f", (a + b) / 1048576 }') (limit 64)"
