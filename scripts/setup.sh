#!/usr/bin/env bash
# Installs what GameDrift needs on a Debian machine that has the .NET SDK, then builds the native shim.
# Idempotent: a second run installs nothing and rebuilds nothing that is up to date.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# make: CMake's default generator (Unix Makefiles) needs it, and --no-install-recommends leaves it out.
# scripts/check-minimal-debian.sh checks that this list is complete on a minimal Debian 12 (docs/minimal-debian.md).
packages=(libtorch-dev libopenblas0-pthread cmake make g++ dataset-fashion-mnist)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  line="apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${missing[*]}"
  if [ "$(id -u)" -eq 0 ]; then
    echo "[setup] installing: ${missing[*]}"
    bash -c "$line" >/tmp/gamedrift-apt.log 2>&1 || { tail -20 /tmp/gamedrift-apt.log; echo "[setup] apt-get failed (log: /tmp/gamedrift-apt.log)"; exit 1; }
  else
    echo "[setup] missing packages: ${missing[*]}. Run as root:"
    echo "  sudo bash -c '$line'"
    exit 1
  fi
fi

if ! command -v dotnet >/dev/null 2>&1; then
  echo "[setup] the .NET 10 SDK (dotnet) is required and was not found on PATH"; exit 1
fi

# Rebuild the shim only when a native source is newer than the library.
lib="$root/build/native/libgamedrift_torch.so"
if [ ! -f "$lib" ] || [ -n "$(find "$root/src/GameDrift.Torch/native" -newer "$lib" -type f 2>/dev/null)" ]; then
  echo "[setup] building the native shim (libtorch) ..."
  bash "$root/scripts/build-native.sh" >/tmp/gamedrift-native.log 2>&1 || { tail -40 /tmp/gamedrift-native.log; echo "[setup] native build failed (log: /tmp/gamedrift-native.log)"; exit 1; }
fi
