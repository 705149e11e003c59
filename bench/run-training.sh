#!/usr/bin/env bash
# Steps/s of real training steps (TrainingSession + update scheme + regularisers) on random data, B=64:
# the Fashion-MNIST demo configs alone, and the paper's SN-GAN in lockstep with its PyTorch twin (python/sngan_step.py,
# Debian python3-torch on the same libtorch 1.13): both processes stay warm and take turns, one timed step each,
# alternating who goes first, so both see the same machine load. Prints "name: value" lines (medians over the timed steps).
# Environment: WARMUP (2), STEPS (5), THREADS (2), PYTHON (/usr/bin/python3), OUT (build/bench-training),
# VARIANTS (all, fmnist or sngan; diagnostics: only the lockstep cost of the Fashion-MNIST diagnostics;
# continuous-time: the lockstep cost of sharpness measurements and DAL steps);
# GAMEDRIFT_NATIVE=path/to/libgamedrift_torch.so reuses a built shim.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
warmup="${WARMUP:-2}" steps="${STEPS:-5}" threads="${THREADS:-2}" python="${PYTHON:-/usr/bin/python3}"
out="${OUT:-$root/build/bench-training}"
mkdir -p "$out"
skip=()
[ -n "${GAMEDRIFT_NATIVE:-}" ] && skip=(-p:GameDriftSkipNative=true)
dotnet build "$root/bench/GameDrift.TrainBench/GameDrift.TrainBench.csproj" -c Release -o "$out/cs" "${skip[@]}" -v q -nologo >"$out/build.log" 2>&1 \
  || { cat "$out/build.log"; exit 1; }
cs=(dotnet "$out/cs/GameDrift.TrainBench.dll")

source "$root/bench/lockstep.sh"
share() { awk -v l="$1" -v k="$2" -v s="$3" 'BEGIN {printf "%.3g%%\n", 100*l*k/s}'; }

solo() { # variant
  "${cs[@]}" "$1" "$warmup" "$steps" "$threads" >"$out/$1.log"
  local ms; ms="$(median step_ms "$out/$1.log")"
  echo "$1_step_ms: $ms"
  echo "$1_step_cpu_ms: $(median step_cpu_ms "$out/$1.log")"
  echo "$1_steps_per_s: $(rate "$ms")"
  echo "$1_loader_ms_per_batch: $(field loader_ms "$out/$1.log")"
  echo "$1_loader_share: $(share "$(field loader_ms "$out/$1.log")" "$(field batches_per_step "$out/$1.log")" "$ms")"
}

lockstep() { # csharp-variant python-variant|cs:other-csharp-variant
  local d="$out/$1" name=pytorch
  lock_a=("${cs[@]}" "$1") lock_b=("$python" "$root/bench/python/sngan_step.py" "$2")
  if [[ "$2" == cs:* ]]; then lock_b=("${cs[@]}" "${2#cs:}"); name="${2#cs:}"; d="$out/$1-vs-${2#cs:}"; fi
  lockstep_pair "$d" cs py
  local c p; c="$(median step_ms "$d/cs.log")" p="$(median step_ms "$d/py.log")"
  if [ "$name" != pytorch ]; then # C# against C#: the cost of the second variant in steps of the first
    echo "$1_step_ms: $c"
    echo "$name""_step_ms: $p"
    echo "$name""_cost_in_$1_steps: $(awk -v c="$c" -v p="$p" 'BEGIN {printf "%.2f\n", p/c}')"
    echo "$name""_cpu_cost_in_$1_steps: $(awk -v c="$(median step_cpu_ms "$d/cs.log")" -v p="$(median step_cpu_ms "$d/py.log")" 'BEGIN {printf "%.2f\n", p/c}')"
    return
  fi
  echo "$1_step_ms_csharp: $c"
  echo "$1_step_ms_pytorch: $p"
  echo "$1_steps_per_s_csharp: $(rate "$c")"
  echo "$1_speedup_over_pytorch: $(awk -v c="$c" -v p="$p" 'BEGIN {printf "%.3f\n", p/c}')"
  echo "$1_step_cpu_ms_csharp: $(median step_cpu_ms "$d/cs.log")"
  echo "$1_step_cpu_ms_pytorch: $(median step_cpu_ms "$d/py.log")"
  echo "$1_loader_ms_per_batch: $(field loader_ms "$d/cs.log")"
  echo "$1_loader_share: $(share "$(field loader_ms "$d/cs.log")" "$(field batches_per_step "$d/cs.log")" "$c")"
}

variants="${VARIANTS:-all}"
if [ "$variants" = diagnostics ]; then
  lockstep fmnist-simultaneous cs:fmnist-simultaneous-logged
  lockstep fmnist-simultaneous cs:fmnist-simultaneous-drift
  exit 0
fi
if [ "$variants" = continuous-time ]; then # sharpness measurement and DAL steps, in plain steps
  lockstep fmnist-simultaneous cs:fmnist-simultaneous-sharpness
  lockstep fmnist-simultaneous cs:fmnist-simultaneous-dal
  lockstep fmnist-simultaneous cs:fmnist-simultaneous-dal-fd
  exit 0
fi
if [ "$variants" = all ] || [ "$variants" = fmnist ]; then
  solo fmnist-simultaneous
  solo fmnist-simultaneous-logged
  solo fmnist-simultaneous-drift
  solo fmnist-simultaneous-cancel
  # The diagnostics' cost, in plain steps, measured in lockstep against plain steps.
  lockstep fmnist-simultaneous cs:fmnist-simultaneous-logged
  lockstep fmnist-simultaneous cs:fmnist-simultaneous-drift
fi
if [ "$variants" = fmnist ]; then echo "threads: $threads"; echo "timed_steps_per_figure: $steps"; exit 0; fi
lockstep sngan-alternating alternating
lockstep sngan-cancel-same-batch cancel
solo sngan-cancel-split
echo "threads: $threads"
echo "timed_steps_per_figure: $steps"
