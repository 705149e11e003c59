#!/usr/bin/env bash
# Image-metric benchmarks (bench/README.md, "Image metrics"): the fallback classifier's training time and accuracy,
# features per second of each extractor on the CPU, and FID of N generated images end to end.
# Environment: N_FEATURES (10000, classifier), N_INCEPTION (32), N_FID (10000), THREADS (nproc);
# GAMEDRIFT_NATIVE=path/to/libgamedrift_torch.so reuses a built shim. Needs Fashion-MNIST
# (/usr/share/datasets/fashion-mnist) and, for the Inception figure, python3-torch + python3-torchvision, with which
# a stand-in network of the real file's architecture and interface (random weights) is written to /tmp.
# The classifier and the reference statistics are cached in $GAMEDRIFT_CACHE (default ~/.cache/gamedrift).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/build/metricsbench"
skip=()
[ -n "${GAMEDRIFT_NATIVE:-}" ] && skip=(-p:GameDriftSkipNative=true)
dotnet build "$root/bench/GameDrift.MetricsBench/GameDrift.MetricsBench.csproj" -c Release -o "$out" "${skip[@]}" -v q -nologo >"$out.log" 2>&1 \
  || { cat "$out.log"; exit 1; }
export OMP_NUM_THREADS="${THREADS:-$(nproc)}"
bench() { dotnet "$out/GameDrift.MetricsBench.dll" "$@" 2>>"$out.stderr.log"; }
bench classifier
bench features classifier "${N_FEATURES:-10000}"
if /usr/bin/python3 -c "import torch, torchvision" 2>/dev/null; then
  [ -f /tmp/gd-bench-inception.pt ] || /usr/bin/python3 "$root/bench/make_bench_inception.py" /tmp/gd-bench-inception.pt
  bench features /tmp/gd-bench-inception.pt "${N_INCEPTION:-32}"
else
  echo "inception_features_per_s: skipped (python3-torch / python3-torchvision not installed)"
fi
bench fid "${N_FID:-10000}"
bench frechet 2048 6000
