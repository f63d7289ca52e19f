"""A language-model worker process: `python -m reader.analysis.worker`.

The pool in `reader.analysis.parallel` starts workers as their own program through
`subprocess`, never with multiprocessing's spawn: spawn re-imports the caller's main
module, which breaks any script without an `if __name__ == "__main__":` guard, a
notebook or `python -c`. The worker speaks a small protocol on its stdin and stdout:
length-prefixed pickles. It first says ("ready", "") or ("error", why), then answers
each request (a list of texts) with ("ok", annotations) or ("error", why); `None`
or the end of its input stops it. Whatever libraries print goes to stderr.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import struct
import sys
from typing import IO, Any

_HEADER = struct.Struct("!Q")


def send(stream: IO[bytes], message: Any) -> None:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_HEADER.pack(len(data)) + data)
    stream.flush()


def receive(stream: IO[bytes]) -> Any:
    """The next message; raises EOFError when the other side has gone."""
    header = _read_exactly(stream, _HEADER.size)
    return pickle.loads(_read_exactly(stream, _HEADER.unpack(header)[0]))


def _read_exactly(stream: IO[bytes], size: int) -> bytes:
    chunks = []
    while size:
        chunk = stream.read(size)
        if not chunk:
            raise EOFError
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


def serve(requests: IO[bytes], replies: IO[bytes]) -> None:
    """A worker's life: load the model, say so, then annotate until told to stop."""
    from reader.analysis.annotate import annotate_texts

    try:
        annotate_texts(["Warm-up."])
    except Exception as exc:  # reported to the parent in words, never a traceback
        send(replies, ("error", str(exc)))
        return
    send(replies, ("ready", ""))
    while True:
        try:
            request = receive(requests)
        except EOFError:
            return
        if request is None:
            return
        try:
            send(replies, ("ok", annotate_texts(request)))
        except Exception as exc:
            send(replies, ("error", f"{type(exc).__name__}: {exc}"))


def main() -> int:
    """Serve on stdin/stdout; stdout is kept for the protocol, prints go to stderr."""
    # File descriptors 0 and 1, not sys.stdin/stdout: a windowed bundle may have neither.
    requests = os.fdopen(os.dup(0), "rb")
    replies = os.fdopen(os.dup(1), "wb")
    with contextlib.suppress(OSError):
        os.dup2(2, 1)
    sys.stdout = sys.stderr
    with contextlib.suppress(OSError):  # the parent has gone
        serve(requests, replies)
    return 0


if __name__ == "__main__":
    sys.exit(main())
