#!/usr/bin/env bash
# On-demand check that the shim builds and the suites pass against a libtorch 2.x: Debian 13 (trixie) packages
# libtorch 2.6 (CPU). Builds a minimal trixie root (debootstrap --variant=minbase), installs libtorch-dev, CMake, g++
# and the .NET SDK's libraries there, copies this machine's .NET SDK in, clones the committed HEAD, builds the shim
# against libtorch 2.6 and runs both test projects through chroot. Not part of CI; see docs/gpu.md.
#
#   sudo bash scripts/check-libtorch2.sh [ROOT_DIR]     # default /var/tmp/gamedrift-trixie; FRESH=1 rebuilds it
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="${1:-/var/tmp/gamedrift-trixie}"

[ "$(id -u)" -eq 0 ] || { echo "check-libtorch2: must run as root (debootstrap, mount, chroot)"; exit 2; }
command -v debootstrap >/dev/null || apt-get install -y --no-install-recommends debootstrap >/dev/null
dotnet_root="$(dirname "$(readlink -f "$(command -v dotnet)")")"
[ -d "$dotnet_root/sdk" ] || { echo "check-libtorch2: no .NET SDK found beside $(command -v dotnet)"; exit 2; }

[ "${FRESH:-0}" = 1 ] && rm -rf "$dir"
if [ ! -f "$dir/etc/debian_version" ]; then
  echo "[trixie] debootstrap into $dir"
  debootstrap --variant=minbase --include=ca-certificates trixie "$dir" http://deb.debian.org/debian
fi
cp /etc/resolv.conf "$dir/etc/resolv.conf"
if ls /usr/local/share/ca-certificates/*.crt >/dev/null 2>&1; then
  cp /usr/local/share/ca-certificates/*.crt "$dir/usr/local/share/ca-certificates/"
fi
mkdir -p "$dir/usr/share/dotnet"
cp -a "$dotnet_root/." "$dir/usr/share/dotnet/"
ln -sf /usr/share/dotnet/dotnet "$dir/usr/bin/dotnet"
rm -rf "$dir/root/gamedrift"
git clone --quiet --no-hardlinks "$repo" "$dir/root/gamedrift"
git -C "$dir/root/gamedrift" checkout --quiet --detach "$(git -C "$repo" rev-parse HEAD)"

cleanup() { for m in dev/pts dev proc; do mountpoint -q "$dir/$m" && umount -l "$dir/$m" || true; done; }
trap cleanup EXIT
mountpoint -q "$dir/proc" || mount -t proc proc "$dir/proc"
mountpoint -q "$dir/dev" || mount --bind /dev "$dir/dev"
mountpoint -q "$dir/dev/pts" || mount --bind /dev/pts "$dir/dev/pts"

# As in check-minimal-debian.sh: a clean environment, SIGINT/SIGQUIT at their defaults for the Ctrl-C tests.
envs=(HOME=/root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 TERM=dumb)
while IFS='=' read -r k v; do envs+=("$k=$v"); done < <(env | grep -E '^(DOTNET|NUGET)_[A-Z_]*=' || true)
set +e
chroot "$dir" /usr/bin/env --default-signal=INT,QUIT -i "${envs[@]}" bash -c '
  set -eo pipefail
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libtorch-dev cmake make g++ git \
    libicu76 libssl3t64 libgssapi-krb5-2 zlib1g dataset-fashion-mnist >/dev/null
  update-ca-certificates >/dev/null 2>&1 || true
  echo "[trixie] $(dpkg-query -W -f="libtorch-dev \${Version}" libtorch-dev)"
  cd /root/gamedrift
  bash scripts/build-native.sh
  dotnet build GameDrift.sln -c Release -nologo -v q | tail -2
  dotnet test tests/GameDrift.Torch.Tests -c Release --no-build | tail -2
  dotnet test tests/GameDrift.Tests -c Release --no-build | tail -2'
rc=$?
# The compiler servers the build left would keep the root's SDK files busy for the next run.
chroot "$dir" /usr/bin/env -i "${envs[@]}" dotnet build-server shutdown >/dev/null 2>&1
exit $rc
