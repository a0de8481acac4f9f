"""A tiny in-process TCP proxy that can be cut and restored, like a one-toxic Toxiproxy."""

import logging
import socket
import struct
import threading
from types import TracebackType
from typing import Self

logger = logging.getLogger(__name__)

BUFFER_BYTES = 65536
UPSTREAM_CONNECT_TIMEOUT_SECONDS = 2.0
ACCEPT_POLL_SECONDS = 0.1


def _reset(sock: socket.socket) -> None:
    """Drop a connection with a reset, waking any thread blocked on it."""
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    except OSError:
        pass
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass


class TcpProxy:
    """Forward connections from 127.0.0.1:<random port> to ``upstream``.

    ``cut()`` resets every open connection and every new one until ``restore()``, as a
    broker that went away would; clients see resets and refusals, never a hang.
    """

    def __init__(self, upstream_host: str, upstream_port: int) -> None:
        self.upstream = (upstream_host, upstream_port)
        self.accepted = 0
        """Connections forwarded to the upstream."""
        self.refused = 0
        """Connections reset on arrival because the proxy was cut."""
        self._lock = threading.Lock()
        self._cut = False
        self._stopping = threading.Event()
        self._live: set[socket.socket] = set()
        self._threads: list[threading.Thread] = []
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(128)
        self._listener.settimeout(ACCEPT_POLL_SECONDS)
        self.port: int = self._listener.getsockname()[1]
        self._acceptor = threading.Thread(
            target=self._accept_loop, name=f"tcp-proxy-{self.port}", daemon=True
        )

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def is_cut(self) -> bool:
        return self._cut

    def start(self) -> None:
        self._acceptor.start()

    def cut(self) -> None:
        """Reset all open connections and refuse new ones."""
        with self._lock:
            self._cut = True
            live = list(self._live)
        for sock in live:
            _reset(sock)

    def restore(self) -> None:
        """Forward new connections again."""
        with self._lock:
            self._cut = False

    def close(self) -> None:
        """Stop accepting, drop every connection and wait for the forwarding threads."""
        self._stopping.set()
        self.cut()
        if self._acceptor.is_alive():
            self._acceptor.join(timeout=5)
        self._listener.close()
        for thread in list(self._threads):
            thread.join(timeout=5)

    def _accept_loop(self) -> None:
        while not self._stopping.is_set():
            try:
                client, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            client.settimeout(None)
            with self._lock:
                refuse = self._cut
                if refuse:
                    self.refused += 1
            if refuse:
                _reset(client)
                client.close()
                continue
            self._forward(client)

    def _forward(self, client: socket.socket) -> None:
        try:
            upstream = socket.create_connection(
                self.upstream, timeout=UPSTREAM_CONNECT_TIMEOUT_SECONDS
            )
        except OSError:
            logger.warning("Proxy %s cannot reach %s:%s.", self.port, *self.upstream)
            _reset(client)
            client.close()
            return
        upstream.settimeout(None)
        with self._lock:
            if self._cut:
                self.refused += 1
                refuse = True
            else:
                self.accepted += 1
                self._live.update((client, upstream))
                refuse = False
        if refuse:
            for sock in (client, upstream):
                _reset(sock)
                sock.close()
            return
        for source, target in ((client, upstream), (upstream, client)):
            thread = threading.Thread(
                target=self._pump, args=(source, target), name=f"tcp-proxy-{self.port}-pump"
            )
            thread.daemon = True
            self._threads.append(thread)
            thread.start()
        self._threads = [t for t in self._threads if t.is_alive()]

    def _pump(self, source: socket.socket, target: socket.socket) -> None:
        try:
            while True:
                data = source.recv(BUFFER_BYTES)
                if not data:
                    break
                target.sendall(data)
        except OSError:
            pass
        finally:
            # One side ended: end both, so the peer of each sees it too.
            for sock in (source, target):
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
            with self._lock:
                self._live.discard(source)
                self._live.discard(target)
            source.close()
