"""A small pool of query worker processes with a deadline per request.

A request waits for an idle worker, sends it the query and waits for the answer until the
deadline; past it the worker is killed (the only way to stop an Oxigraph query) and a fresh one
is started in the background, so the service keeps its capacity.
"""
from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
import time
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any


class Timeout(Exception):
    """The query ran past its time limit and its worker was stopped."""


class Busy(Exception):
    """No worker became free before the deadline."""


class _Worker:
    def __init__(self, store_path: str, prefixes: dict[str, str], start_timeout: float = 120.0):
        # A plain child process (not multiprocessing): no re-import of the caller's __main__,
        # nothing inherited from our threads, and only worker.py + formats.py imported (fast to
        # start). Messages are pickled over its stdin and stdout.
        self.proc = subprocess.Popen(
            [sys.executable, str(Path(__file__).with_name("worker.py")), store_path, json.dumps(prefixes)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        )
        self.conn = _Duplex(self.proc.stdout, self.proc.stdin)
        if not self.conn.poll(start_timeout):
            self.kill()
            raise RuntimeError(f"{store_path}: query worker did not start within {start_timeout:.0f} s")
        status, info = self.conn.recv()
        if status != "ready":
            self.kill()
            raise RuntimeError(f"{store_path}: cannot open store: {info}")
        self.triples = info

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait(5)
        self.conn.close()


class _Duplex:
    """multiprocessing's message framing over a child's stdout (read) and stdin (write)."""

    def __init__(self, rfile, wfile):
        self._r, self._w = Connection(os.dup(rfile.fileno()), writable=False), Connection(os.dup(wfile.fileno()), readable=False)
        rfile.close()
        wfile.close()

    def send(self, obj) -> None:
        self._w.send(obj)

    def recv(self):
        return self._r.recv()

    def poll(self, timeout: float) -> bool:
        return self._r.poll(timeout)

    def close(self) -> None:
        self._r.close()
        self._w.close()


class Pool:
    """``Pool(store_path, size).run(request, timeout)`` → the worker's reply (status, type, body, info)."""

    def __init__(self, store_path: str, prefixes: dict[str, str], size: int = 2):
        self.store_path, self.prefixes, self.size = store_path, prefixes, max(1, size)
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        for _ in range(self.size):
            self._add(_Worker(store_path, prefixes))
        self.triples = next(iter(self._all)).triples

    def _add(self, w: _Worker) -> None:
        with self._lock:
            if self._closed:
                w.kill()
                return
            self._all.add(w)
        self._idle.put(w)

    def _replace(self, w: _Worker) -> None:
        with self._lock:
            self._all.discard(w)
        w.kill()
        if not self._closed:
            threading.Thread(target=lambda: self._add(_Worker(self.store_path, self.prefixes)), daemon=True).start()

    def run(self, request: dict[str, Any], timeout: float) -> tuple[int, str, bytes, dict]:
        deadline = time.monotonic() + timeout
        try:
            w = self._idle.get(timeout=timeout)
        except queue.Empty:
            raise Busy(f"all {self.size} query workers stayed busy for {timeout:g} s") from None
        try:
            w.conn.send(request)
            if not w.conn.poll(max(0.0, deadline - time.monotonic())):
                self._replace(w)
                raise Timeout(f"the query ran longer than the time limit of {timeout:g} s and was stopped")
            reply = w.conn.recv()
        except (EOFError, OSError, BrokenPipeError) as e:
            self._replace(w)
            raise RuntimeError(f"query worker died: {type(e).__name__}: {e}") from None
        self._idle.put(w)
        return reply

    def close(self) -> None:
        with self._lock:
            self._closed = True
            workers = list(self._all)
            self._all.clear()
        for w in workers:
            w.kill()
