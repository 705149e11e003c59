#!/usr/bin/env bash
# On-demand check that scripts/setup.sh installs everything the README's test command needs: builds a minimal
# Debian 12 root (debootstrap --variant=minbase) holding only the .NET SDK (copied from this machine, with the
# libraries Microsoft lists as its dependencies), git and CA certificates, clones the committed HEAD into it and
# runs ./test.sh there through chroot. Not part of CI (it takes tens of minutes); see docs/minimal-debian.md.
#
#   sudo bash scripts/check-minimal-debian.sh [ROOT_DIR]     # default /var/tmp/gamedrift-minbase
#   FRESH=1 ... rebuilds the root from scratch; KEEP=1 ... leaves it (and its mounts gone) for a look afterwards.
#   MAIN_JOB=1 ... first runs the main job (./run.sh) in the fresh root and times it, copying its report to
#                  ROOT_DIR.main-job/ (the README's "fresh machine" figure), then the tests.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="${1:-/var/tmp/gamedrift-minbase}"
suite=bookworm

[ "$(id -u)" -eq 0 ] || { echo "check-minimal-debian: must run as root (debootstrap, mount, chroot)"; exit 2; }
command -v debootstrap >/dev/null || apt-get install -y --no-install-recommends debootstrap >/dev/null

# The mirror apt already uses here (deb822 or one-line sources), else Debian's default.
mirror=$(grep -hs -m1 -E '^URIs:' /etc/apt/sources.list.d/*.sources | awk '{print $2}' || true)
[ -n "$mirror" ] || mirror=$(grep -hs -m1 -E '^deb ' /etc/apt/sources.list | awk '{print $2}' || true)
mirror="${mirror:-http://deb.debian.org/debian}"

# The SDK this machine runs: the folder that holds the dotnet host and sdk/.
dotnet_root="$(dirname "$(readlink -f "$(command -v dotnet)")")"
[ -d "$dotnet_root/sdk" ] || { echo "check-minimal-debian: no .NET SDK found beside $(command -v dotnet)"; exit 2; }

[ "${FRESH:-0}" = 1 ] && rm -rf "$dir"
if [ ! -f "$dir/etc/debian_version" ]; then
  echo "[minbase] debootstrap $suite into $dir from $mirror"
  # .NET's own dependencies on Debian 12 (Microsoft's list), then git and CA certificates: nothing else.
  debootstrap --variant=minbase \
    --include=ca-certificates,git,libicu72,libssl3,libgssapi-krb5-2,zlib1g,libstdc++6,libgcc-s1 \
    "$suite" "$dir" "$mirror"
fi
mkdir -p "$dir/usr/share/dotnet"
cp -a "$dotnet_root/." "$dir/usr/share/dotnet/"
ln -sf /usr/share/dotnet/dotnet "$dir/usr/bin/dotnet"
cp /etc/resolv.conf "$dir/etc/resolv.conf"
# Certificate authorities this machine added locally (e.g. of a network that inspects TLS) are needed to reach the
# package registries from inside too; a machine without any adds nothing.
if ls /usr/local/share/ca-certificates/*.crt >/dev/null 2>&1; then
  cp /usr/local/share/ca-certificates/*.crt "$dir/usr/local/share/ca-certificates/"
  chroot "$dir" update-ca-certificates >/dev/null
fi

rm -rf "$dir/root/gamedrift"
git clone --quiet --no-hardlinks "$repo" "$dir/root/gamedrift"
git -C "$dir/root/gamedrift" checkout --quiet --detach "$(git -C "$repo" rev-parse HEAD)"
echo "[minbase] checking $(git -C "$repo" rev-parse --short HEAD) (committed files only)"

cleanup() {
  for m in dev/pts dev sys proc; do mountpoint -q "$dir/$m" && umount -l "$dir/$m" || true; done
  [ "${KEEP:-0}" = 1 ] || rm -rf "$dir/root/gamedrift"
}
trap cleanup EXIT
mount -t proc proc "$dir/proc"
mount -t sysfs sys "$dir/sys"
mount --bind /dev "$dir/dev"
mount --bind /dev/pts "$dir/dev/pts"

# A clean environment: only what a new user's shell would have, plus the caller's DOTNET_*/NUGET_* settings
# (e.g. NUGET_CERT_REVOCATION_MODE=offline where certificate revocation servers cannot be reached).
envs=(HOME=/root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 TERM=dumb)
# A script started in the background (`... &`) inherits SIGINT and SIGQUIT ignored, and so would every test process:
# the Ctrl-C tests would then see their signal dropped. Give the commands inside the default dispositions.
signals=(--default-signal=INT,QUIT)
while IFS='=' read -r k v; do envs+=("$k=$v"); done < <(env | grep -E '^(DOTNET|NUGET)_[A-Z_]*=' || true)

set +e
if [ "${MAIN_JOB:-0}" = 1 ]; then
  start=$(date +%s)
  chroot "$dir" /usr/bin/env "${signals[@]}" -i "${envs[@]}" bash -c 'cd /root/gamedrift && ./run.sh'
  job_rc=$?
  echo "[minbase] ./run.sh exited $job_rc after $(( $(date +%s) - start )) s (load average now: $(cut -d' ' -f1-3 /proc/loadavg))"
  rm -rf "$dir.main-job" && cp -a "$dir/root/gamedrift/outputs/demo" "$dir.main-job" 2>/dev/null
  [ "$job_rc" = 0 ] || { echo "[minbase] the main job failed"; exit "$job_rc"; }
fi
start=$(date +%s)
chroot "$dir" /usr/bin/env "${signals[@]}" -i "${envs[@]}" bash -c 'cd /root/gamedrift && ./test.sh'
rc=$?
# The compiler servers the build left would keep the root's SDK files busy (and its mounts in use) for the next run.
chroot "$dir" /usr/bin/env -i "${envs[@]}" dotnet build-server shutdown >/dev/null 2>&1
set -e
echo "[minbase] ./test.sh exited $rc after $(( ($(date +%s) - start) / 60 )) min"
exit $rc
