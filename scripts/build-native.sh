#!/usr/bin/env bash
# Builds the C++ shim (src/GameDrift.Torch/native) into build/native/libgamedrift_torch.so.
# Another libtorch (e.g. the CUDA one inside a PyTorch install) is taken from Torch_DIR or
# CMAKE_PREFIX_PATH, e.g. CMAKE_PREFIX_PATH=$(python3 -c 'import torch;print(torch.utils.cmake_prefix_path)').
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
src="$root/src/GameDrift.Torch/native"
out="${GAMEDRIFT_NATIVE_BUILD:-$root/build/native}"
mkdir -p "$out"
args=(-S "$src" -B "$out" -DCMAKE_BUILD_TYPE=Release)
[ -n "${Torch_DIR:-}" ] && args+=("-DTorch_DIR=$Torch_DIR")
[ -n "${CMAKE_PREFIX_PATH:-}" ] && args+=("-DCMAKE_PREFIX_PATH=$CMAKE_PREFIX_PATH")
if [ ! -f "$out/CMakeCache.txt" ] || [ -n "${Torch_DIR:-}${CMAKE_PREFIX_PATH:-}" ]; then
  cmake "${args[@]}" >/dev/null
fi
cmake --build "$out" -j "$(nproc)"
