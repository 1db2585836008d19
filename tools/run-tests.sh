#!/usr/bin/env bash
# What `make test` runs: the linters, then everything the tests need (headless Chromium from Debian, a real
# Neo4j 5.26 on a free loopback port), then pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-.venv}

"$VENV/bin/ruff" check .
"$VENV/bin/mypy"

if ! command -v chromium >/dev/null 2>&1; then
  echo "installing Debian's chromium for the browser tests" >&2
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

# A throwaway Neo4j for this run: its own state folder, a free port and a password; the jars stay cached in
# ~/.m2. The trap stops the server this run started (by its pid file in that folder) and nothing else.
export NEO4J_USER=neo4j
export NEO4J_PASSWORD=${NEO4J_PASSWORD:-govgraph-test}
export GOVGRAPH_NEO4J_HOME=${GOVGRAPH_NEO4J_HOME:-$(mktemp -d /tmp/govgraph-neo4j.XXXXXX)}
port=${NEO4J_TEST_PORT:-$("$VENV/bin/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
trap 'tools/neo4j/neo4j-server stop --port "$port" >/dev/null 2>&1 || true' EXIT
NEO4J_URI=$(tools/neo4j/neo4j-server start --port "$port" --data "$GOVGRAPH_NEO4J_HOME/data" --password "$NEO4J_PASSWORD")
export NEO4J_URI

"$VENV/bin/python" -m pytest -q "$@"
