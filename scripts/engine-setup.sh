#!/usr/bin/env bash
# Start a local Docker engine and make the offline base images the measure tests build FROM.
# Debian's docker.io, started without iptables or a bridge (as in a container). No registry need be reachable:
# busybox:local is imported from Debian's static busybox. Idempotent; safe to run twice.
set -euo pipefail

if ! command -v dockerd >/dev/null 2>&1 || ! [ -x /bin/busybox ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq docker.io busybox-static >/dev/null
fi

if ! docker info >/dev/null 2>&1; then
  (dockerd --iptables=false --bridge=none >/tmp/layerlint-dockerd.log 2>&1 &)
  for _ in $(seq 60); do docker info >/dev/null 2>&1 && break; sleep 1; done
fi
docker info >/dev/null 2>&1 || { echo "engine-setup: dockerd did not start; see /tmp/layerlint-dockerd.log" >&2; exit 1; }

if ! docker image inspect busybox:local >/dev/null 2>&1; then
  root=$(mktemp -d)
  mkdir -p "$root/bin" "$root/tmp" "$root/etc" "$root/root"
  cp /bin/busybox "$root/bin/busybox"
  for c in sh ls mkdir rm cat echo dd cp mv touch chmod chown tar gzip gunzip sleep head wc sed true false unzip env; do
    ln -s busybox "$root/bin/$c"
  done
  echo 'root:x:0:0:root:/root:/bin/sh' > "$root/etc/passwd"
  tar -C "$root" -c . | docker import -c 'ENV PATH=/bin' - busybox:local >/dev/null
  rm -rf "$root"
fi
# A realistic Debian base (debootstrap, about a minute, once) for the measure tests that run apt.
bash "$(dirname "$0")/debian-base-setup.sh" || echo "engine-setup: no Debian base image; the apt measure tests will fail" >&2
echo "engine-setup: engine ready ($(docker version --format '{{.Server.Version}}' 2>/dev/null)), base images busybox:local and layerlint-debian:bookworm"
