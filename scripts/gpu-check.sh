#!/usr/bin/env bash
# The GPU check, for a machine with PyTorch (CUDA), CMake and a C++ compiler but no .NET (docs/gpu.md):
#   1. builds the native shim against the PyTorch install's libtorch (torch.utils.cmake_prefix_path);
#   2. runs the published CLI's engine self-test on the device, comparing the first SN-GAN step's losses with the
#      CPU's (gamedrift selftest --device cuda --compare-cpu) and timing STEPS steps of each scheme;
#   3. times the same steps with the PyTorch twin (bench/python/sngan_step.py) on the same device in the same run;
#   4. prints name: value lines, ending with "gpu_check: pass" or "gpu_check: fail".
# Every stage has a timeout and the whole stays under BUDGET_S seconds (default 330, under 6 minutes).
# Needs the published CLI (bash scripts/publish-cli.sh, on a machine with .NET) at build/publish/gamedrift or GAMEDRIFT_CLI.
# Environment: GPU_CHECK_DEVICE (cuda, cuda:N or cpu; cpu checks the script itself on a machine without a GPU),
# STEPS (50), WARMUP (3), PYTHON (python3), GAMEDRIFT_NATIVE (an already built shim: skips the build), BUDGET_S, and
# LIMIT_SCALE (1; multiplies every stage's timeout, for a slow CPU-only check of the script itself).
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
device="${GPU_CHECK_DEVICE:-cuda}"
steps="${STEPS:-50}"
warmup="${WARMUP:-3}"
scale="${LIMIT_SCALE:-1}"
py="${PYTHON:-python3}"
cli="${GAMEDRIFT_CLI:-$root/build/publish/gamedrift}"
budget="${BUDGET_S:-330}"
work="$root/build/gpu-check"
mkdir -p "$work"
start=$SECONDS
failed=0
line() { printf '%s: %s\n' "$1" "$2"; }
fail() { line "$1" "$2"; failed=1; }
left() { local l=$((budget - (SECONDS - start))); [ "$l" -lt 5 ] && l=5; echo "$l"; }
# Runs a stage with a timeout of at most $1 seconds and never past the budget; its output goes to $work/$2.log.
stage() {
  local limit=$(($1 * scale)) name=$2; shift 2
  local t=$(left); [ "$limit" -lt "$t" ] && t=$limit
  local s=$SECONDS
  timeout --kill-after=5 "$t" "$@" >"$work/$name.log" 2>&1
  local rc=$?
  line "$name.seconds" $((SECONDS - s))
  [ $rc -eq 124 ] || [ $rc -eq 137 ] && fail "$name.timed_out" "true (limit ${t} s)"
  [ $rc -ne 0 ] && { line "$name.exit_code" "$rc"; tail -n 5 "$work/$name.log" | sed "s/^/$name.log_tail: /"; }
  return $rc
}

line device "$device"
line steps "$steps"
line warmup "$warmup"
export DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 DOTNET_BUNDLE_EXTRACT_BASE_DIR="$work/bundle" DOTNET_CLI_TELEMETRY_OPTOUT=1
if [ ! -x "$cli" ]; then fail cli "missing: $cli (run bash scripts/publish-cli.sh where .NET is)"; line gpu_check fail; exit 1; fi
line cli "$cli ($(du -k "$cli" | cut -f1) KiB)"

# PyTorch: version, CUDA, GPU name.
if stage 60 pytorch_info "$py" -c 'import torch
print("pytorch.version:", torch.__version__)
print("pytorch.cuda:", torch.version.cuda)
print("pytorch.cuda_available:", torch.cuda.is_available())
print("pytorch.gpu:", torch.cuda.get_device_name(0) if torch.cuda.is_available() else "none")
print("pytorch.cmake_prefix_path:", torch.utils.cmake_prefix_path)'; then
  cat "$work/pytorch_info.log"
else
  fail pytorch "not importable with $py"
fi

# The shim, built against this PyTorch's libtorch (a CPU-only check without one falls back on the system libtorch).
if [ -n "${GAMEDRIFT_NATIVE:-}" ]; then
  line shim "given: $GAMEDRIFT_NATIVE"
else
  prefix="$(sed -n 's/^pytorch.cmake_prefix_path: //p' "$work/pytorch_info.log")"
  args=(-S "$root/src/GameDrift.Torch/native" -B "$work/native" -DCMAKE_BUILD_TYPE=Release)
  command -v ninja >/dev/null && args+=(-G Ninja)
  if [ -n "$prefix" ] && [ -d "$prefix" ]; then
    args+=("-DCMAKE_PREFIX_PATH=$prefix")
    line shim.torch_prefix "$prefix"
  elif [ "$device" = cpu ]; then
    line shim.torch_prefix "system (this PyTorch ships no CMake files)"
  else
    fail shim.torch_prefix "none: $py's torch has no CMake files"
  fi
  rm -rf "$work/native"
  if stage 200 shim_build bash -c "cmake $(printf '%q ' "${args[@]}") && cmake --build $(printf '%q' "$work/native") -j $(nproc)"; then
    export GAMEDRIFT_NATIVE="$work/native/libgamedrift_torch.so"
    line shim.built "$GAMEDRIFT_NATIVE"
    grep -o 'GameDrift shim: .*' "$work/shim_build.log" | head -n 1 | sed 's/^GameDrift shim: /shim.libtorch: /'
  else
    fail shim.built false
  fi
fi
# libtorch's own libraries (and, through their RPATH, the CUDA ones) next to the PyTorch install.
torch_lib="$("$py" -c 'import os, torch; print(os.path.join(os.path.dirname(torch.__file__), "lib"))' 2>/dev/null || true)"
[ -d "$torch_lib" ] && export LD_LIBRARY_PATH="$torch_lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"

# The engine self-test on the device, with the CPU comparison and the timing of both schemes.
if [ -n "${GAMEDRIFT_NATIVE:-}" ]; then
  stage 150 selftest "$cli" selftest --device "$device" --compare-cpu --time-steps "$steps" --warmup-steps "$warmup" || failed=1
  sed 's/^/csharp./' "$work/selftest.log" | grep -E '^csharp\.[A-Za-z0-9_.]+: '
  grep -q '^selftest: pass' "$work/selftest.log" || failed=1
fi

# The PyTorch twin on the same device: the same two steps (alternating; simultaneous cancelling the interaction terms).
for v in alternating:sngan_alternating cancel:sngan_simultaneous_cancel; do
  twin=${v%%:*} name=${v#*:}
  if stage 90 "pytorch_$twin" "$py" "$root/bench/python/sngan_step.py" "$twin" "$warmup" "$steps" "$(nproc)" "$device"; then
    ms="$(sed -n 's/^mean_step_ms: //p' "$work/pytorch_$twin.log")"
    line "pytorch.$name.step_ms" "$ms"
    cs="$(sed -n "s/^$name.step_ms: //p" "$work/selftest.log" 2>/dev/null)"
    [ -n "$cs" ] && [ -n "$ms" ] && line "ratio.$name.csharp_over_pytorch" "$(awk -v a="$cs" -v b="$ms" 'BEGIN { printf "%.3f", a / b }')"
  else
    failed=1
  fi
done

line gpu_check.seconds $((SECONDS - start))
line gpu_check "$([ $failed -eq 0 ] && echo pass || echo fail)"
exit $failed
