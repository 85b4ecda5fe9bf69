#!/bin/sh
# Installs the live benchmark's comparison tool, prowler==5.46.0 (>= 5.19 honours AWS_ENDPOINT_URL, STS included),
# into .cache/prowler-venv (or $PROWLER_VENV). Benchmark-only: never part of `npm test`. Idempotent and safe to run
# concurrently (.ci/python-tool.sh). Prowler needs Python 3.10-3.13; set PYTHON=/path/to/python3.x to choose one.
set -eu

PROWLER_VERSION=5.46.0
ROOT=$(CDPATH='' cd -- "$(dirname -- "$0")/../.." && pwd)
VENV=${PROWLER_VENV:-$ROOT/.cache/prowler-venv}
. "$ROOT/.ci/python-tool.sh"

installed_version() {
  if [ -x "$VENV/bin/prowler" ]; then "$VENV/bin/python" -c 'import importlib.metadata as m; print(m.version("prowler"))' 2>/dev/null || true; fi
}

install_python_tool prowler "$PROWLER_VERSION" "$VENV" "prowler==$PROWLER_VERSION" 3.10 3.13 1800 "a few hundred MB of dependencies; takes minutes"
