#!/usr/bin/env bash
# Assemble a guest sysroot from Debian's own packages for one foreign architecture, for
# tests/e2e/debian.test.ts (run with `-L DEST` under polyemu and under qemu-user).
#
#   tools/debian-sysroot.sh ARCH DEST [PACKAGE...]
#
# ARCH is a Debian architecture (arm64, armhf) that `dpkg --add-architecture` has added and
# `apt-get update` has indexed. The dependency closure of the packages (default: the list
# below) is resolved with apt-cache (Depends and Pre-Depends only), the .debs are downloaded
# with `apt-get download` into $POLYEMU_DEBS (default /var/cache/polyemu-debs, never git) and
# unpacked with `dpkg-deb -x` into DEST. Nothing is installed and no maintainer script runs.
# Debian bookworm ships usrmerge'd packages only partly, so DEST gets the merged layout
# (bin, sbin, lib → usr/...), which makes the ELF interpreters /lib/ld-linux-aarch64.so.1 and
# /lib/ld-linux-armhf.so.3 resolve. A stamp file records what was unpacked: a second run with
# the same ARCH and package list returns at once.
set -euo pipefail

if [ $# -lt 2 ]; then
  echo "usage: $0 ARCH DEST [PACKAGE...]" >&2
  exit 2
fi
arch=$1
dest=$2
shift 2
pkgs=("$@")
# libc-bin brings the C.UTF-8 locale (/usr/lib/locale/C.utf8) for the UTF-8 cases.
[ ${#pkgs[@]} -gt 0 ] || pkgs=(libc6 libc-bin coreutils sed grep gawk lua5.4 python3-minimal)
debs=${POLYEMU_DEBS:-/var/cache/polyemu-debs}
stamp=$dest/.polyemu-sysroot
want="arch=$arch packages=${pkgs[*]}"

if [ -f "$stamp" ] && [ "$(head -n 1 "$stamp")" = "$want" ]; then
  echo "debian-sysroot: $dest is up to date ($want)"
  exit 0
fi

# The closure: every package of ARCH that apt-cache lists (virtual ones come in <angle
# brackets> and are dropped), plus the Architecture: all packages it names unqualified.
qualified=()
for p in "${pkgs[@]}"; do qualified+=("$p:$arch"); done
closure=$(apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts --no-breaks \
  --no-replaces --no-enhances "${qualified[@]}" | grep -v '^[ <]' | sort -u)
list=()
plain=()
for p in $closure; do
  case $p in
    *:"$arch") list+=("$p") ;;
    *:*) ;;
    *) plain+=("$p") ;;
  esac
done
if [ ${#plain[@]} -gt 0 ]; then
  list+=($(apt-cache show --no-all-versions "${plain[@]}" 2>/dev/null |
    awk '/^Package: /{p=$2} /^Architecture: all$/{print p}' | sort -u))
fi
[ ${#list[@]} -gt 0 ] || { echo "debian-sysroot: no packages resolved for $arch (dpkg --add-architecture $arch; apt-get update?)" >&2; exit 1; }

# Download what the cache lacks (file names as apt gives them, e.g. gawk_1%3a5.2.1-2_arm64.deb,
# so name_version_arch.deb names the package back: gawk:arm64, or readline-common for _all).
mkdir -p "$debs"
files=()
missing=()
while read -r _uri file _size _hash; do
  files+=("$file")
  if [ ! -s "$debs/$file" ]; then
    a=${file%.deb}
    a=${a##*_}
    [ "$a" = all ] && missing+=("${file%%_*}") || missing+=("${file%%_*}:$a")
  fi
done < <(apt-get download --print-uris "${list[@]}")
[ ${#files[@]} -eq ${#list[@]} ] || { echo "debian-sysroot: apt-get --print-uris gave ${#files[@]} files for ${#list[@]} packages" >&2; exit 1; }
if [ ${#missing[@]} -gt 0 ]; then
  echo "debian-sysroot: downloading ${#missing[@]} package(s) into $debs"
  (cd "$debs" && apt-get download "${missing[@]}")
fi

# Unpack into a fresh tree laid out the merged-/usr way, then move it into place.
tmp=$dest.tmp.$$
rm -rf "$tmp"
mkdir -p "$tmp/usr/bin" "$tmp/usr/sbin" "$tmp/usr/lib"
ln -s usr/bin "$tmp/bin"
ln -s usr/sbin "$tmp/sbin"
ln -s usr/lib "$tmp/lib"
for f in "${files[@]}"; do
  # dpkg-deb -x would replace the bin/lib symlinks by directories: unpack aside and merge.
  x=$tmp/.x
  rm -rf "$x"
  mkdir -p "$x"
  dpkg-deb -x "$debs/$f" "$x"
  for top in "$x"/* ; do
    [ -e "$top" ] || continue
    name=${top##*/}
    case $name in
      bin | sbin | lib) cp -a "$top/." "$tmp/usr/$name/" ;;
      *) mkdir -p "$tmp/$name" && cp -a "$top/." "$tmp/$name/" ;;
    esac
  done
done
rm -rf "$tmp/.x"
for ld in lib/ld-linux-aarch64.so.1 lib/ld-linux-armhf.so.3; do
  [ -e "$tmp/$ld" ] && echo "debian-sysroot: interpreter /$ld -> $(readlink -f "$tmp/$ld" | sed "s|^$tmp||")"
done
{ echo "$want"; printf '%s\n' "${files[@]}"; } > "$tmp/.polyemu-sysroot"
rm -rf "$dest"
mv "$tmp" "$dest"
echo "debian-sysroot: $dest holds ${#files[@]} packages for $arch"
