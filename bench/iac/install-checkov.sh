#!/bin/sh
# Installs the benchmark's comparison tool, checkov==3.3.30, into .cache/checkov-venv (or $CHECKOV_VENV).
# Benchmark-only: never part of `npm test`. Idempotent and safe to run concurrently (.ci/python-tool.sh).
set -eu

CHECKOV_VERSION=3.3.30
ROOT=$(CDPATH='' cd -- "$(dirname -- "$0")/../.." && pwd)
VENV=${CHECKOV_VENV:-$ROOT/.cache/checkov-venv}
. "$ROOT/.ci/python-tool.sh"

installed_version() {
  "$VENV/bin/checkov" --version 2>/dev/null | tail -n 1 || true
}

install_python_tool checkov "$CHECKOV_VERSION" "$VENV" "checkov==$CHECKOV_VERSION" 3.9 "" 900
