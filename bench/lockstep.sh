# Lockstep timing, sourced by run.sh, run-training.sh and compare-commits.sh (not run on its own).
# Two benchmark programs stay warm and take turns, one timed step each, alternating who goes first, so both see the
# same machine load. Protocol: a program started as `<variant> <warmup> lockstep <threads>` prints `ready`, then one
# `step_ms:` (and `step_cpu_ms:`) line per `step` line it reads on stdin, and exits on `quit`.

# In lockstep one process idles while the other is timed: idle OpenMP/OpenBLAS threads must sleep rather than
# spin, or they steal the timed process's cores (the same setting for both programs).
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}" OPENBLAS_THREAD_TIMEOUT="${OPENBLAS_THREAD_TIMEOUT:-4}"

await() { # file pattern count pid: wait until the process has printed `count` lines matching pattern
  until [ "$(grep -c "$2" "$1" || true)" -ge "$3" ]; do
    sleep 0.05
    kill -0 "$4" 2>/dev/null || { echo "benchmark process exited early:" >&2; cat "$1" >&2; exit 1; }
  done
}
field() { grep -h "^$1:" "$2" | awk '{print $2}'; }
middle() { sort -g | awk '{a[NR]=$1} END {if (NR) print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; } # median of stdin
median() { field "$1" "$2" | middle; }
rate() { awk -v ms="$1" 'BEGIN {printf "%.3f\n", 1000/ms}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.3f\n", a/b}'; }
lockstep_pairwise() { # key log-a log-b: median over steps of the a/b ratio of adjacent (lockstep) steps, robust to drifting load
  printf '%.3f\n' "$(paste <(field "$1" "$2") <(field "$1" "$3") | awk '{print $1/$2}' | middle)"
}

# lockstep_pair dir name-a name-b: runs the commands in the arrays lock_a and lock_b (each completed with
# "$warmup lockstep $threads") for $steps timed steps each; their output goes to dir/name-a.log and dir/name-b.log.
lockstep_pair() {
  local d=$1 la="$1/$2.log" lb="$1/$3.log"
  rm -rf "$d"; mkdir -p "$d"; mkfifo "$d/a.in" "$d/b.in"
  "${lock_a[@]}" "$warmup" lockstep "$threads" <"$d/a.in" >"$la" &
  local a=$!; exec 3>"$d/a.in"; await "$la" '^ready' 1 $a
  "${lock_b[@]}" "$warmup" lockstep "$threads" <"$d/b.in" >"$lb" &
  local b=$!; exec 4>"$d/b.in"; await "$lb" '^ready' 1 $b
  for i in $(seq 1 "$steps"); do
    if [ $((i % 2)) -eq 1 ]; then
      echo step >&3; await "$la" '^step_ms' "$i" $a; echo step >&4; await "$lb" '^step_ms' "$i" $b
    else
      echo step >&4; await "$lb" '^step_ms' "$i" $b; echo step >&3; await "$la" '^step_ms' "$i" $a
    fi
  done
  echo quit >&3; echo quit >&4; exec 3>&- 4>&-
  wait $a $b
}
