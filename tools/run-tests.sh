#!/usr/bin/env bash
# Everything the tests need, then pytest: headless Chromium (Debian package) and a real Neo4j 5.26 on loopback.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-.venv}

if ! command -v chromium >/dev/null 2>&1; then
  echo "installing Debian's chromium for the browser tests" >&2
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

# A throwaway Neo4j for this run: its own state folder, port and password; the jars stay cached in ~/.m2.
export NEO4J_USER=neo4j
export NEO4J_PASSWORD=${NEO4J_PASSWORD:-govgraph-test}
export GOVGRAPH_NEO4J_HOME=${GOVGRAPH_NEO4J_HOME:-$(mktemp -d /tmp/govgraph-neo4j.XXXXXX)}
port=${NEO4J_TEST_PORT:-17697}
NEO4J_URI=$(tools/neo4j/neo4j-server start --port "$port" --data "$GOVGRAPH_NEO4J_HOME/data" --password "$NEO4J_PASSWORD")
export NEO4J_URI
trap 'tools/neo4j/neo4j-server stop --port "$port" >/dev/null 2>&1 || true' EXIT

"$VENV/bin/python" -m pytest -q "$@"
