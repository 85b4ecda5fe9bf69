#!/bin/sh
# Installs the test-only AWS emulator, moto[server]==5.2.5, into .cache/moto-venv (or $MOTO_VENV).
# Used by CI on a fresh machine and by test/harness/moto-install.ts. Idempotent, and safe when several test files
# call it at once: a lock directory serialises installs, and the version check runs again under the lock.
# PIP_* settings from the environment (index, cert, timeout, find-links) are honoured because pip reads them itself.
set -eu

MOTO_VERSION=5.2.5
ROOT=$(CDPATH='' cd -- "$(dirname -- "$0")/.." && pwd)
VENV=${MOTO_VENV:-$ROOT/.cache/moto-venv}
LOCK=$VENV.lock
PYTHON=${PYTHON:-python3}
LOCK_WAIT_SECONDS=${MOTO_INSTALL_LOCK_WAIT:-900}

installed_version() {
  "$VENV/bin/python" -c 'import moto,flask,flask_cors;print(moto.__version__)' 2>/dev/null || true
}

if [ "$(installed_version)" = "$MOTO_VERSION" ]; then
  echo "moto $MOTO_VERSION already installed in $VENV"
  exit 0
fi

mkdir -p "$(dirname -- "$VENV")"

# mkdir is atomic, so it works as a lock on every POSIX system (flock is not everywhere).
waited=0
while ! mkdir "$LOCK" 2>/dev/null; do
  holder=$(cat "$LOCK/pid" 2>/dev/null || true)
  if [ -n "$holder" ] && ! kill -0 "$holder" 2>/dev/null; then
    echo "removing stale moto install lock left by process $holder"
    rm -rf "$LOCK"
    continue
  fi
  if [ -z "$holder" ] && [ -n "$(find "$LOCK" -maxdepth 0 -mmin +2 2>/dev/null)" ]; then
    echo "removing moto install lock without an owner (older than 2 minutes)"
    rm -rf "$LOCK"
    continue
  fi
  if [ "$waited" -ge "$LOCK_WAIT_SECONDS" ]; then
    echo "ERROR: waited ${LOCK_WAIT_SECONDS}s for $LOCK (held by process ${holder:-unknown}); remove it if no install is running" >&2
    exit 1
  fi
  sleep 1
  waited=$((waited + 1))
done
echo $$ >"$LOCK/pid"
trap 'rm -rf "$LOCK"' EXIT
trap 'rm -rf "$LOCK"; exit 130' INT TERM

# Another process may have finished the install while this one waited for the lock.
if [ "$(installed_version)" = "$MOTO_VERSION" ]; then
  echo "moto $MOTO_VERSION already installed in $VENV"
  exit 0
fi

if ! "$PYTHON" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 10) else 1)' 2>/dev/null; then
  echo "ERROR: moto $MOTO_VERSION needs Python >= 3.10; '$PYTHON' is $("$PYTHON" --version 2>&1 | head -n 1 || echo missing). Set PYTHON=/path/to/python3.10+" >&2
  exit 1
fi

echo "installing moto[server]==$MOTO_VERSION into $VENV"
rm -rf "$VENV"
"$PYTHON" -m venv "$VENV"
"$VENV/bin/python" -m pip install "moto[server]==$MOTO_VERSION"

found=$(installed_version)
if [ "$found" != "$MOTO_VERSION" ]; then
  echo "ERROR: after install, '$VENV/bin/python -c import moto,flask,flask_cors' gives '${found:-import failed}', expected $MOTO_VERSION" >&2
  exit 1
fi
echo "moto $found installed in $VENV"
