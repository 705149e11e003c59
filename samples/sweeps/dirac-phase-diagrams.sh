#!/usr/bin/env bash
# The Dirac-GAN phase diagrams: each a batched toy sweep over (lr_d, lr_d/lr_g) that classifies every
# configuration as converged, cycling, chaotic or diverged and draws the predicted boundaries
# (gamedrift toy-sweep; seconds each on a CPU). Simultaneous and alternating updates, each without a
# regulariser and with the interaction drift cancelled (paper and single-clock coefficients); the ratio
# range straddles 1/2 and 1.
# The toys are the same at every scale: there is no GPU variant.
#   [STEPS=1000] bash samples/sweeps/dirac-phase-diagrams.sh [OUT_DIR] [extra toy-sweep options, e.g. --start 0.5,0.5]
# GAMEDRIFT names the command that runs the CLI (default: the repository's ./gamedrift launcher).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
gamedrift="${GAMEDRIFT:-$root/gamedrift}"
steps="${STEPS:-1000}"
out="${1:-outputs/dirac-phase-diagrams}"
shift || true
for scheme in simultaneous alternating; do
  for reg in none cancel-interaction:paper cancel-interaction:single-clock; do
    dir="$out/dirac_${scheme}_${reg/:/-}"
    echo "== $dir"
    $gamedrift toy-sweep --game dirac --scheme "$scheme" --reg "$reg" \
      --lr-d-range 0.01:4:40 --ratio-range 0.125:8:31 --steps "$steps" --out "$dir" "$@"
  done
done
echo "phase diagrams: $out/*/sweep.png (tables in sweep.csv)"
