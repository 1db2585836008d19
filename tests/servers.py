"""Real SPARQL 1.1 servers for the tests, each started on a free loopback port and stopped at the end:

- the oxigraph server (PyPI ``oxigraph``, the [test] extra) on a fresh folder;
- Apache Jena Fuseki (``org.apache.jena:jena-fuseki-server``, one shaded jar from Maven Central, fetched once
  into the cache folder and checked against Maven Central's SHA-1) on Java 17, with an in-memory dataset
  that takes updates.

``start_*`` raise ``ServerMissing`` with the reason when a server cannot be had; the fixtures turn that into a
skip, or a failure in CI.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

FUSEKI_VERSION = "5.6.0"
_MAVEN = "https://repo1.maven.org/maven2/org/apache/jena/jena-fuseki-server"
CACHE = Path(os.environ.get("GOVGRAPH_CACHE", Path.home() / ".cache" / "govgraph"))
_START_SECONDS = float(os.environ.get("GOVGRAPH_SERVER_START_SECONDS", "180"))  # a busy CI machine is slow


class ServerMissing(Exception):
    """A server that cannot be had here; the message says why."""


@dataclass
class SparqlServer:
    """A running server: its query and update URLs, and its process."""

    kind: str
    query_url: str
    update_url: str
    proc: subprocess.Popen
    log: Path
    folder: Path
    extra: dict = field(default_factory=dict)

    def stop(self) -> None:
        """Stop the server this helper started (by its own process) and remove its folder."""
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=30)
        shutil.rmtree(self.folder, ignore_errors=True)


def free_port() -> int:
    """A loopback port nothing listens on now."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_oxigraph(folder: Path) -> SparqlServer:
    """The oxigraph server of the [test] extra on a fresh store folder."""
    exe = Path(sys.executable).with_name("oxigraph")
    if not exe.exists():
        found = shutil.which("oxigraph")
        if not found:
            raise ServerMissing("the oxigraph server (pip install 'oxigraph>=0.5,<0.6', in the [test] extra)")
        exe = Path(found)
    port = free_port()
    folder.mkdir(parents=True, exist_ok=True)
    log = folder / "oxigraph.log"
    cmd = [str(exe), "serve", "--location", str(folder / "db"), "--bind", f"127.0.0.1:{port}"]
    base = f"http://127.0.0.1:{port}"
    return _started("oxigraph", cmd, log, folder, f"{base}/query", f"{base}/update")


def start_fuseki(folder: Path) -> SparqlServer:
    """Fuseki on Java 17 with an in-memory dataset /ds that takes updates."""
    java = _java()
    jar = fuseki_jar()
    port = free_port()
    folder.mkdir(parents=True, exist_ok=True)
    log = folder / "fuseki.log"
    cmd = [java, "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", str(jar),
           "--mem", "--update", "--localhost", "--port", str(port), "/ds"]
    base = f"http://127.0.0.1:{port}/ds"
    return _started("fuseki", cmd, log, folder, f"{base}/query", f"{base}/update")


def _java() -> str:
    home = os.environ.get("JAVA_HOME")
    java = str(Path(home) / "bin" / "java") if home and (Path(home) / "bin" / "java").exists() else shutil.which("java")
    if not java:
        raise ServerMissing("Java 17 for Fuseki (apt-get install openjdk-17-jre-headless)")
    return java


def fuseki_jar() -> Path:
    """The Fuseki server jar, fetched from Maven Central on first use and kept in the cache folder."""
    name = f"jena-fuseki-server-{FUSEKI_VERSION}.jar"
    jar = CACHE / "fuseki" / name
    if jar.exists():
        return jar
    jar.parent.mkdir(parents=True, exist_ok=True)
    url = f"{_MAVEN}/{FUSEKI_VERSION}/{name}"
    part = jar.with_name(f"{name}.{os.getpid()}.part")
    try:
        with urllib.request.urlopen(url + ".sha1", timeout=60) as res:
            want = res.read().decode("ascii", "replace").split()[0].strip()
        digest = hashlib.sha1()
        with urllib.request.urlopen(url, timeout=120) as res, open(part, "wb") as out:
            while chunk := res.read(1 << 20):
                digest.update(chunk)
                out.write(chunk)
    except (OSError, urllib.error.URLError) as exc:
        part.unlink(missing_ok=True)
        raise ServerMissing(f"Fuseki's jar from Maven Central ({url}): {exc}") from exc
    if digest.hexdigest() != want:
        part.unlink(missing_ok=True)
        raise ServerMissing(f"Fuseki's jar from {url} does not match its SHA-1 {want}")
    part.replace(jar)  # whole or not at all: a second run never finds half a jar
    return jar


def _started(kind: str, cmd: list[str], log: Path, folder: Path, query_url: str, update_url: str) -> SparqlServer:
    out = open(log, "wb")  # noqa: SIM115 (the server writes to it for as long as it runs)
    try:
        # in its own folder: Fuseki writes its run/ area (FUSEKI_BASE) where it is started
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, cwd=folder,
                                env={**os.environ, "FUSEKI_BASE": str(folder / "run")})
    except OSError as exc:
        raise ServerMissing(f"the {kind} server could not be started: {exc}") from exc
    finally:
        out.close()
    server = SparqlServer(kind, query_url, update_url, proc, log, folder)
    deadline = time.monotonic() + _START_SECONDS
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise ServerMissing(f"the {kind} server stopped at start (exit {proc.returncode}): {_tail(log)}")
        if _answers(query_url):
            return server
        time.sleep(0.3)
    server.stop()
    raise ServerMissing(f"the {kind} server did not answer within {_START_SECONDS:g} s: {_tail(log)}")


def _answers(query_url: str) -> bool:
    req = urllib.request.Request(query_url, data=b"ASK {}", method="POST", headers={
        "Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"})
    try:
        with urllib.request.urlopen(req, timeout=5) as res:
            return res.status == 200
    except (OSError, urllib.error.URLError):
        return False


def _tail(log: Path, lines: int = 5) -> str:
    try:
        return " | ".join(log.read_text("utf-8", "replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"
