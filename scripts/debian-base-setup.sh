#!/usr/bin/env bash
# Make a realistic Debian base image offline, once: `debootstrap --variant=minbase bookworm` from the
# machine's own Debian mirror (read from apt's sources, never written here), with the settings the
# official debian image has (debuerreotype's minimizing config: no recommends kept, gzip'd indexes, no
# apt cache, no docs languages), imported as layerlint-debian:bookworm. The measure tests that run apt
# build FROM it with --network host. Idempotent: an existing image is kept.
set -euo pipefail
IMAGE=layerlint-debian:bookworm

if docker image inspect "$IMAGE" >/dev/null 2>&1; then
  echo "debian-base-setup: $IMAGE is there"
  exit 0
fi
if ! command -v debootstrap >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq debootstrap >/dev/null
fi
mirror=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
[ -n "$mirror" ] || mirror=$(awk '$1=="deb"{print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)
[ -n "$mirror" ] || { echo "debian-base-setup: no Debian mirror found in apt's sources" >&2; exit 1; }
security=$(awk '/^URIs:/ && /security/{print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)

root=$(mktemp -d /tmp/layerlint-debian-rootfs.XXXXXX)
trap 'rm -rf "$root"' EXIT
debootstrap --variant=minbase bookworm "$root" "$mirror" >/tmp/layerlint-debootstrap.log 2>&1 \
  || { echo "debian-base-setup: debootstrap failed; see /tmp/layerlint-debootstrap.log" >&2; exit 1; }
rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/archives/*.deb "$root"/var/cache/apt/*.bin
: > "$root/etc/resolv.conf"

# What the official image adds (debuerreotype's "minimizing" config).
printf '#!/bin/sh\nexit 101\n' > "$root/usr/sbin/policy-rc.d" && chmod 755 "$root/usr/sbin/policy-rc.d"
echo 'force-unsafe-io' > "$root/etc/dpkg/dpkg.cfg.d/docker-apt-speedup"
cat > "$root/etc/apt/apt.conf.d/docker-clean" <<'CONF'
DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
APT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
Dir::Cache::pkgcache "";
Dir::Cache::srcpkgcache "";
CONF
echo 'Acquire::GzipIndexes "true"; Acquire::CompressionTypes::Order:: "gz";' > "$root/etc/apt/apt.conf.d/docker-gzip-indexes"
echo 'Acquire::Languages "none";' > "$root/etc/apt/apt.conf.d/docker-no-languages"
echo 'Apt::AutoRemove::SuggestsImportant "false";' > "$root/etc/apt/apt.conf.d/docker-autoremove-suggests"
rm -f "$root/etc/apt/sources.list"
{
  printf 'Types: deb\nURIs: %s\nSuites: bookworm bookworm-updates\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' "$mirror"
  if [ -n "$security" ]; then
    printf '\nTypes: deb\nURIs: %s\nSuites: bookworm-security\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' "$security"
  fi
} > "$root/etc/apt/sources.list.d/debian.sources"

tar -C "$root" -c . | docker import -c 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' -c 'CMD ["bash"]' - "$IMAGE" >/dev/null
echo "debian-base-setup: made $IMAGE from $mirror"
