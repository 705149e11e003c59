#!/usr/bin/env bash
# Training-step speed of this tree against an earlier commit, side by side in one run: each GameDrift.TrainBench
# variant of the base commit's build runs in lockstep with this tree's build (both warm, one timed step each in turn,
# alternating who goes first; bench/lockstep.sh), so both see the same machine load.
# The base commit is checked out into a throwaway detached worktree under OUT (removed at the end, also on failure)
# and built there with its own native shim, so each side is its whole tree: shim, binding, library and sample configs.
# The base shim is cached under OUT by the git tree hash of its sources, so only the first run for a base builds it.
# Usage: bash bench/compare-commits.sh [BASE_REF]        (default 3a336de)
# Prints per variant <variant>_step_ms_base, _step_ms_head, _head_over_base (ratio of the medians),
# _head_over_base_pairwise (median of the ratios of the lockstep pairs), and the same for CPU time (_step_cpu_ms_*,
# _cpu_head_over_base*).
# Then the batched Dirac-GAN sweep (GameDrift.Bench dirac-sweep: 10^4 configurations x 10^3 steps, closed-form path,
# and the autograd path's estimate), base and head taking turns for GAMES_ROUNDS rounds (who goes first alternating):
# dirac_sweep_<scheme>_cpu_s_base/_head and their ratio, medians over the rounds of each round's median of 3.
# Environment: WARMUP (2), STEPS (5), THREADS (2), OUT (build/bench-compare), VARIANTS (space- or comma-separated;
# default the Fashion-MNIST demo steps and the SN-GAN steps below; empty: none), GAMES_ROUNDS (3; 0: no sweep);
# GAMEDRIFT_NATIVE=path/to/libgamedrift_torch.so reuses a built shim for this tree (the base always runs on its own).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
base_ref="${1:-3a336de}"
warmup="${WARMUP:-2}" steps="${STEPS:-5}" threads="${THREADS:-2}"
out="${OUT:-$root/build/bench-compare}"
variants="${VARIANTS-fmnist-simultaneous fmnist-simultaneous-cancel sngan-alternating sngan-cancel-same-batch}"
source "$root/bench/lockstep.sh"

base="$(git -C "$root" rev-parse --verify "$base_ref^{commit}")"
src="$out/base-src"
mkdir -p "$out"
out="$(cd "$out" && pwd)" src="$out/base-src"
drop_worktree() {
  git -C "$root" worktree remove --force "$src" >/dev/null 2>&1 || rm -rf "$src"
  git -C "$root" worktree prune
}
cleanup() {
  local pids; pids="$(jobs -p)" # benchmark processes still running after a failure
  [ -z "$pids" ] || kill $pids 2>/dev/null || true
  drop_worktree
}
drop_worktree # one left by an interrupted run
trap cleanup EXIT
git -C "$root" worktree add --detach "$src" "$base" >"$out/worktree.log" 2>&1 || { cat "$out/worktree.log"; exit 1; }

# The base's own shim: its native sources and exports may differ from this tree's.
native="$out/native-$(git -C "$root" rev-parse "$base:src/GameDrift.Torch/native")"
if [ ! -f "$native/libgamedrift_torch.so" ]; then
  GAMEDRIFT_NATIVE_BUILD="$native" bash "$src/scripts/build-native.sh" >"$out/build-native.log" 2>&1 \
    || { cat "$out/build-native.log"; exit 1; }
fi
mkdir -p "$src/build/native" && cp "$native/libgamedrift_torch.so" "$src/build/native/"

build() { # tree output log project [msbuild args]: the tree's bench/PROJECT, Release
  dotnet build "$1/bench/$4/$4.csproj" -c Release -o "$2" "${@:5}" -v q -nologo >"$3" 2>&1 \
    || { cat "$3"; exit 1; }
}
# The base's build lies inside its worktree: TrainBench reads the sample configs of the tree it was built in.
build "$src" "$src/build/trainbench" "$out/build-base.log" GameDrift.TrainBench -p:GameDriftSkipNative=true
skip=()
[ -n "${GAMEDRIFT_NATIVE:-}" ] && skip=(-p:GameDriftSkipNative=true)
build "$root" "$out/head" "$out/build-head.log" GameDrift.TrainBench "${skip[@]}"
games_rounds="${GAMES_ROUNDS:-3}"
if [ "$games_rounds" -gt 0 ]; then
  build "$src" "$src/build/bench" "$out/build-bench-base.log" GameDrift.Bench -p:GameDriftSkipNative=true
  build "$root" "$out/bench-head" "$out/build-bench-head.log" GameDrift.Bench "${skip[@]}"
fi
base_cmd=(env GAMEDRIFT_NATIVE="$src/build/trainbench/libgamedrift_torch.so" dotnet "$src/build/trainbench/GameDrift.TrainBench.dll")
head_cmd=(env GAMEDRIFT_NATIVE="${GAMEDRIFT_NATIVE:-$out/head/libgamedrift_torch.so}" dotnet "$out/head/GameDrift.TrainBench.dll")

echo "base: $(git -C "$root" log -1 --format='%h %s' "$base" | cut -c1-100)"
echo "head: $(git -C "$root" log -1 --format='%h' HEAD)$([ -z "$(git -C "$root" status --porcelain)" ] || echo ' with uncommitted changes')"
echo "load_average_before: $(cut -d' ' -f1-3 /proc/loadavg)"
for v in ${variants//,/ }; do
  lock_a=("${base_cmd[@]}" "$v") lock_b=("${head_cmd[@]}" "$v")
  lockstep_pair "$out/$v" base head
  for k in step_ms step_cpu_ms; do
    b="$(median $k "$out/$v/base.log")" h="$(median $k "$out/$v/head.log")" r=head_over_base
    [ $k = step_cpu_ms ] && r=cpu_head_over_base
    echo "${v}_${k}_base: $b"
    echo "${v}_${k}_head: $h"
    echo "${v}_${r}: $(ratio "$h" "$b")"
    echo "${v}_${r}_pairwise: $(lockstep_pairwise $k "$out/$v/head.log" "$out/$v/base.log")"
  done
done
if [ "$games_rounds" -gt 0 ]; then
  sweep_base=(env GAMEDRIFT_NATIVE="$native/libgamedrift_torch.so" dotnet "$src/build/bench/GameDrift.Bench.dll" dirac-sweep 3)
  sweep_head=(env GAMEDRIFT_NATIVE="${GAMEDRIFT_NATIVE:-$out/bench-head/libgamedrift_torch.so}" dotnet "$out/bench-head/GameDrift.Bench.dll" dirac-sweep 3)
  rm -f "$out/sweep-base.log" "$out/sweep-head.log"
  for r in $(seq 1 "$games_rounds"); do
    if [ $((r % 2)) -eq 1 ]; then order="base head"; else order="head base"; fi
    for side in $order; do
      if [ "$side" = base ]; then "${sweep_base[@]}" >>"$out/sweep-base.log"; else "${sweep_head[@]}" >>"$out/sweep-head.log"; fi
    done
  done
  for k in dirac_sweep_simultaneous_cpu_s dirac_sweep_alternating_cpu_s dirac_sweep_simultaneous_s dirac_sweep_alternating_s \
    dirac_sweep_tensor_path_estimated_s dirac_sweep_tensor_path_s; do
    b="$(median $k "$out/sweep-base.log")" h="$(median $k "$out/sweep-head.log")"
    echo "${k}_base: $b"
    echo "${k}_head: $h"
    # A figure one side's bench program does not print (newer than the base) has no ratio.
    if [ -n "$b" ] && [ -n "$h" ]; then echo "${k}_head_over_base: $(ratio "$h" "$b")"; fi
  done
  echo "dirac_sweep_rounds: $games_rounds"
fi
echo "load_average_after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "threads: $threads"
echo "warmup_steps: $warmup"
echo "timed_steps_per_figure: $steps"
