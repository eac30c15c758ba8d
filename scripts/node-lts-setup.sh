#!/usr/bin/env bash
# Fetch a second Node, the current LTS line, for test/node-lts.test.ts: layerlint must behave the same
# on it as on the machine's Node (V8 changed how it takes flags at run time in Node 23, and each V8
# needs its own code cache). It comes from the npm registry (the node-linux-<arch> package holds the
# official binary), unpacked into a folder of its own: it is not installed, and not put on PATH.
# Prints the path of the node binary. Idempotent.
set -euo pipefail

major="${LAYERLINT_NODE_LTS_MAJOR:-24}"
case "$(uname -m)" in
  x86_64) arch=x64 ;;
  aarch64 | arm64) arch=arm64 ;;
  *) echo "node-lts-setup: no node-linux package for $(uname -m)" >&2; exit 1 ;;
esac
dir="${LAYERLINT_NODE_LTS_DIR:-/tmp/layerlint-node-lts}/$major-$arch"
node="$dir/package/bin/node"

if ! [ -x "$node" ]; then
  mkdir -p "$dir"
  tarball=$(cd "$dir" && npm pack --silent "node-linux-$arch@$major" 2>/dev/null | tail -1)
  tar -xzf "$dir/$tarball" -C "$dir"
  rm -f "$dir/$tarball"
fi
"$node" --version >/dev/null
echo "$node"
