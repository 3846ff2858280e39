"""``kg serve``: a read-only SPARQL 1.1 endpoint over a built graph, backed by Oxigraph.

    GET/POST /sparql                    SPARQL 1.1 Protocol (results by content negotiation)
    GET      /sparql                    service description (Turtle) when no query is given
    GET      /                          the viewer (OUT/graph.html)
    GET      /rdf-graphs/service?default  the whole graph (Graph Store Protocol)

>>> import tempfile, pathlib, urllib.request, json
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "graph.ttl").write_text('<urn:a> <urn:p> "x" .')
>>> with Server(d, port=0, workers=1, log=lambda line: None) as s:
...     url = s.url + "?query=" + "SELECT%20%3Fo%20WHERE%20%7B%3Fs%20%3Fp%20%3Fo%7D"
...     json.load(urllib.request.urlopen(url))["results"]["bindings"][0]["o"]["value"]
'x'
"""
from __future__ import annotations

import shutil
import tempfile
import threading
from pathlib import Path
from typing import Callable

from ..store import find_store, prefixes, write_store
from ..write.namespaces import DEFAULT_BASE
from .endpoint import SparqlHTTPServer, stderr_log
from .pool import Pool

__all__ = ["Server", "serve"]


def _graph_file(target: Path) -> Path:
    p = target / "graph.ttl" if target.is_dir() else target
    if not p.exists():
        raise FileNotFoundError(f"{p}: no such graph (run `kg build` first)")
    return p


class Server:
    """The endpoint over ``target`` (OUT, a store folder, or a graph file), not yet serving.

    Opens OUT/store when it is there and fresh; otherwise loads the graph once into a temporary
    store that lives as long as the server. Use as a context manager, or ``start()``/``close()``.
    """

    def __init__(self, target: str | Path, host: str = "127.0.0.1", port: int = 7878, *,
                 timeout: float = 10.0, max_rows: int = 10000, workers: int = 2,
                 base: str = DEFAULT_BASE, log: Callable[[str], None] = stderr_log):
        target = Path(target)
        self._tmp: Path | None = None
        store = find_store(target)
        if store is None:
            self._tmp = Path(tempfile.mkdtemp(prefix="kg-serve-"))
            store = self._tmp / "store"
            write_store(_graph_file(target), store)
        try:
            self.pool = Pool(str(store), prefixes(base), size=workers)
            viewer = (target if target.is_dir() else target.parent) / "graph.html"
            try:
                self.httpd = SparqlHTTPServer((host, port), self.pool, viewer, timeout, max_rows, log)
            except OSError as e:
                raise OSError(f"cannot listen on {host}:{port}: {e.strerror or e}") from None
        except BaseException:
            self._cleanup()
            raise
        self.store_path = store
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        """The SPARQL endpoint's URL, e.g. http://127.0.0.1:7878/sparql."""
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}/sparql"

    @property
    def root(self) -> str:
        return self.url.rsplit("/", 1)[0] + "/"

    def serve_forever(self) -> None:
        self.httpd.serve_forever(poll_interval=0.2)

    def start(self) -> "Server":
        """Serve in a background thread (for notebooks and tests)."""
        self._thread = threading.Thread(target=self.serve_forever, daemon=True)
        self._thread.start()
        return self

    def close(self) -> None:
        if self._thread is not None:
            self.httpd.shutdown()
            self._thread.join(5)
        self.httpd.server_close()
        self._cleanup()

    def _cleanup(self) -> None:
        if getattr(self, "pool", None) is not None:
            self.pool.close()
        if self._tmp is not None:
            shutil.rmtree(self._tmp, ignore_errors=True)
            self._tmp = None

    def __enter__(self) -> "Server":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.close()


def serve(target: str | Path, host: str = "127.0.0.1", port: int = 7878, **options) -> None:
    """Serve until interrupted (Ctrl-C or SIGTERM)."""
    import signal

    server = Server(target, host, port, **options)
    log = options.get("log", stderr_log)
    def stop(*_):
        raise KeyboardInterrupt  # SIGTERM (systemd, docker stop) shuts down like Ctrl-C

    signal.signal(signal.SIGTERM, stop)
    log(f"kg serve: {server.url} (store {server.store_path}, {server.pool.triples} triples); Ctrl-C to stop")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
        log("kg serve: stopped")
