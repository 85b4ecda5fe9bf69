# Shared by .ci/install-moto.sh and the benchmark installers (bench/*/install-*.sh): installs one pinned Python
# package into its own venv, idempotently and safely when several processes ask at once (a mkdir lock; the version
# check runs again under it). PIP_* settings from the environment (index, cert, timeout, find-links) are honoured
# because pip reads them itself.
#
# The caller defines `installed_version` (prints the installed version, or nothing) and then calls
#   install_python_tool <name> <version> <venv> <pip requirement> <min python> <max python or ""> <lock wait seconds> [note]
# PYTHON chooses the interpreter (default python3).

install_python_tool() {
  tool=$1 version=$2 venv=$3 requirement=$4 py_min=$5 py_max=$6 lock_wait=$7 note=${8:-}
  python=${PYTHON:-python3}
  lock=$venv.lock

  if [ "$(installed_version)" = "$version" ]; then
    echo "$tool $version already installed in $venv"
    return 0
  fi
  mkdir -p "$(dirname -- "$venv")"

  # mkdir is atomic, so it works as a lock on every POSIX system (flock is not everywhere).
  waited=0
  while ! mkdir "$lock" 2>/dev/null; do
    holder=$(cat "$lock/pid" 2>/dev/null || true)
    if [ -n "$holder" ] && ! kill -0 "$holder" 2>/dev/null; then
      echo "removing stale $tool install lock left by process $holder"
      rm -rf "$lock"
      continue
    fi
    if [ -z "$holder" ] && [ -n "$(find "$lock" -maxdepth 0 -mmin +2 2>/dev/null)" ]; then
      echo "removing $tool install lock without an owner (older than 2 minutes)"
      rm -rf "$lock"
      continue
    fi
    if [ "$waited" -ge "$lock_wait" ]; then
      echo "ERROR: waited ${lock_wait}s for $lock (held by process ${holder:-unknown}); remove it if no install is running" >&2
      return 1
    fi
    sleep 1
    waited=$((waited + 1))
  done
  echo $$ >"$lock/pid"
  # shellcheck disable=SC2064 # the lock path is fixed now, on purpose
  trap "rm -rf '$lock'" EXIT
  trap "rm -rf '$lock'; exit 130" INT TERM

  # Another process may have finished the install while this one waited for the lock.
  if [ "$(installed_version)" = "$version" ]; then
    echo "$tool $version already installed in $venv"
    return 0
  fi

  if ! "$python" -c "import sys; v = sys.version_info[:2]; sys.exit(0 if v >= tuple(map(int, '$py_min'.split('.'))) and ('$py_max' == '' or v <= tuple(map(int, '$py_max'.split('.')))) else 1)" 2>/dev/null; then
    range=">= $py_min"
    [ -n "$py_max" ] && range="$py_min to $py_max"
    echo "ERROR: $tool $version needs Python $range; '$python' is $("$python" --version 2>&1 | head -n 1 || echo missing). Set PYTHON=/path/to/python3.x" >&2
    return 1
  fi

  echo "installing $requirement into $venv${note:+ ($note)}"
  rm -rf "$venv"
  "$python" -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet "$requirement"

  found=$(installed_version)
  if [ "$found" != "$version" ]; then
    echo "ERROR: after install, $venv reports $tool '${found:-not importable}', expected $version" >&2
    return 1
  fi
  echo "$tool $found installed in $venv"
}
