#!/usr/bin/env bash
# Builds the C# and C++ DCGAN benchmarks (Release) against the same libtorch and times them in lockstep:
# both processes stay warm and take turns, one timed step each (alternating who goes first), so both see
# the same machine load. Prints "name: value" lines; figures are medians over the timed steps, of wall-clock
# time (step_ms) and of process CPU time (step_cpu_ms, all threads), which other work on a shared machine
# disturbs far less.
# `bash bench/run.sh games` instead times the two-player-game figures: the Dirac-GAN sweep (10^4 configurations x
# 10^3 steps; REPEATS, default 3) and each regulariser's step on the library DCGAN relative to a plain step
# (REG_WARMUP 2, REG_ROUNDS 5 interleaved rounds, THREADS).
# Environment: WARMUP (5), STEPS (20 per variant), THREADS (nproc);
# GAMEDRIFT_NATIVE=path/to/libgamedrift_torch.so reuses a built shim instead of building one.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
warmup="${WARMUP:-5}" steps="${STEPS:-20}" threads="${THREADS:-$(nproc)}"
out="$root/build/bench"
source "$root/bench/lockstep.sh"
mkdir -p "$out"

skip=()
[ -n "${GAMEDRIFT_NATIVE:-}" ] && skip=(-p:GameDriftSkipNative=true)
dotnet build "$root/bench/GameDrift.Bench/GameDrift.Bench.csproj" -c Release -o "$out/cs" "${skip[@]}" -v q -nologo >"$out/build-cs.log" 2>&1 \
  || { cat "$out/build-cs.log"; exit 1; }
if [ "${1:-}" = games ]; then
  dotnet "$out/cs/GameDrift.Bench.dll" dirac-sweep "${REPEATS:-3}"
  dotnet "$out/cs/GameDrift.Bench.dll" regularisers "${REG_WARMUP:-2}" "${REG_ROUNDS:-5}" "$threads"
  exit 0
fi
{ cmake -S "$root/bench/cpp" -B "$out/cpp" -DCMAKE_BUILD_TYPE=Release && cmake --build "$out/cpp"; } >"$out/build-cpp.log" 2>&1 \
  || { cat "$out/build-cpp.log"; exit 1; }

lockstep() { # variant
  lock_a=(dotnet "$out/cs/GameDrift.Bench.dll" "$1") lock_b=("$out/cpp/dcgan_bench" "$1")
  lockstep_pair "$out/$1" cs cpp
}
lockstep plain
lockstep gradnorm

pairwise() { lockstep_pairwise "$1" "$out/$2/cs.log" "$out/$2/cpp.log"; } # C#/C++
same() { # first-step losses equal up to float rounding: both programs did the same computation
  paste <(grep -h '^first_losses:' "$out/$1/cs.log") <(grep -h '^first_losses:' "$out/$1/cpp.log") |
    awk '{d=($2-$5)^2+($3-$6)^2; print (d <= 1e-10*($5^2+$6^2) ? "yes" : "no")}'
}

for v in plain gradnorm; do
  for k in step_ms step_cpu_ms; do
    printf -v "${v}_${k}_cs" '%s' "$(median $k "$out/$v/cs.log")"
    printf -v "${v}_${k}_cpp" '%s' "$(median $k "$out/$v/cpp.log")"
  done
done
echo "dcgan_step_ms_csharp: $plain_step_ms_cs"
echo "dcgan_step_ms_cpp: $plain_step_ms_cpp"
echo "dcgan_step_ratio_csharp_over_cpp: $(ratio "$plain_step_ms_cs" "$plain_step_ms_cpp")"
echo "dcgan_gradnorm_step_ms_csharp: $gradnorm_step_ms_cs"
echo "dcgan_gradnorm_step_ms_cpp: $gradnorm_step_ms_cpp"
echo "dcgan_gradnorm_ratio_csharp_over_cpp: $(ratio "$gradnorm_step_ms_cs" "$gradnorm_step_ms_cpp")"
echo "dcgan_step_ratio_pairwise_median: $(pairwise step_ms plain)"
echo "dcgan_gradnorm_ratio_pairwise_median: $(pairwise step_ms gradnorm)"
echo "dcgan_step_cpu_ms_csharp: $plain_step_cpu_ms_cs"
echo "dcgan_step_cpu_ms_cpp: $plain_step_cpu_ms_cpp"
echo "dcgan_step_cpu_ratio_csharp_over_cpp: $(ratio "$plain_step_cpu_ms_cs" "$plain_step_cpu_ms_cpp")"
echo "dcgan_gradnorm_step_cpu_ms_csharp: $gradnorm_step_cpu_ms_cs"
echo "dcgan_gradnorm_step_cpu_ms_cpp: $gradnorm_step_cpu_ms_cpp"
echo "dcgan_gradnorm_cpu_ratio_csharp_over_cpp: $(ratio "$gradnorm_step_cpu_ms_cs" "$gradnorm_step_cpu_ms_cpp")"
echo "dcgan_rss_mb_csharp: $(field rss_peak_mb "$out/gradnorm/cs.log")"
echo "dcgan_rss_mb_cpp: $(field rss_peak_mb "$out/gradnorm/cpp.log")"
echo "dcgan_rss_growth_mb_csharp: $(field rss_growth_mb "$out/plain/cs.log")"
echo "dcgan_gradnorm_rss_growth_mb_csharp: $(field rss_growth_mb "$out/gradnorm/cs.log")"
echo "dcgan_same_first_step_losses: $(same plain)"
echo "dcgan_gradnorm_same_first_step_losses: $(same gradnorm)"
echo "threads: $threads"
echo "timed_steps_per_figure: $steps"
