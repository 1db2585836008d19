#!/usr/bin/env bash
# Everything the tests need, then pytest: headless Chromium (Debian package) and a real Neo4j 5.26 on loopback.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-.venv}

if ! command -v chromium >/dev/null 2>&1; then
  echo "installing Debian's chromium for the browser tests" >&2
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

if [ -x tools/neo4j/neo4j-server ]; then
  export NEO4J_PASSWORD=${NEO4J_PASSWORD:-govgraph-test}
  export NEO4J_USER=${NEO4J_USER:-neo4j}
  port=${NEO4J_TEST_PORT:-17687}
  data=$(mktemp -d /tmp/govgraph-neo4j.XXXXXX)
  tools/neo4j/neo4j-server start --port "$port" --data "$data" --password "$NEO4J_PASSWORD"
  export NEO4J_URI="bolt://127.0.0.1:$port"
  trap 'tools/neo4j/neo4j-server stop --data "$data" || true' EXIT
fi

"$VENV/bin/python" -m pytest -q "$@"
