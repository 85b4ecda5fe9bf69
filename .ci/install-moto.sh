#!/bin/sh
# Installs the test-only AWS emulator, moto[server]==5.2.5, into .cache/moto-venv (or $MOTO_VENV).
# Used by CI on a fresh machine and by test/harness/moto-install.ts. Idempotent, and safe when several test files
# call it at once (.ci/python-tool.sh).
set -eu

MOTO_VERSION=5.2.5
ROOT=$(CDPATH='' cd -- "$(dirname -- "$0")/.." && pwd)
. "$ROOT/.ci/python-tool.sh"

installed_version() {
  "${MOTO_VENV:-$ROOT/.cache/moto-venv}/bin/python" -c 'import moto,flask,flask_cors;print(moto.__version__)' 2>/dev/null || true
}

install_python_tool moto "$MOTO_VERSION" "${MOTO_VENV:-$ROOT/.cache/moto-venv}" "moto[server]==$MOTO_VERSION" 3.10 "" "${MOTO_INSTALL_LOCK_WAIT:-900}"
