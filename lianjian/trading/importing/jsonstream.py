"""Streaming JSON: the items of a top-level array, or of the arrays under chosen keys of a top-level object,
decoded one at a time so a large OCDS package never has to fit in memory."""

import json
import re

_WS = re.compile(r"[ \t\n\r]*")
_decoder = json.JSONDecoder()
CHUNK = 1 << 20


class JsonStream:
    def __init__(self, fh, chunk=CHUNK):
        self.fh = fh
        self.chunk = chunk
        self.buf = ""
        self.pos = 0
        self.eof = False
        self.consumed = 0

    def _fill(self):
        more = self.fh.read(self.chunk)
        if not more:
            self.eof = True
        self.consumed += self.pos
        self.buf = self.buf[self.pos:] + more
        self.pos = 0

    def peek(self):
        while True:
            self.pos = _WS.match(self.buf, self.pos).end()
            if self.pos < len(self.buf) or self.eof:
                return self.buf[self.pos] if self.pos < len(self.buf) else ""
            self._fill()

    def expect(self, char):
        found = self.peek()
        if found != char:
            raise json.JSONDecodeError(f"expected {char!r}", self.buf, self.pos)
        self.pos += 1

    def value(self):
        self.peek()
        while True:
            try:
                obj, end = _decoder.raw_decode(self.buf, self.pos)
            except json.JSONDecodeError:
                if self.eof:
                    raise
                self._fill()
                continue
            if end == len(self.buf) and not self.eof:
                self._fill()
                continue
            self.pos = end
            return obj

    def items(self):
        """The items of the array starting at the current position."""
        self.expect("[")
        if self.peek() == "]":
            self.pos += 1
            return
        while True:
            yield self.value()
            sep = self.peek()
            self.pos += 1
            if sep == "]":
                return
            if sep != ",":
                raise json.JSONDecodeError("expected ',' or ']'", self.buf, self.pos - 1)

    def members(self, stream_keys):
        """Walk a top-level object: yields (key, item) for each item of an array under one of ``stream_keys``
        and (key, value) for other members (decoded whole)."""
        self.expect("{")
        if self.peek() == "}":
            self.pos += 1
            return
        while True:
            key = self.value()
            self.expect(":")
            if key in stream_keys and self.peek() == "[":
                for item in self.items():
                    yield key, item
            else:
                yield key, self.value()
            sep = self.peek()
            self.pos += 1
            if sep == "}":
                return
            if sep != ",":
                raise json.JSONDecodeError("expected ',' or '}'", self.buf, self.pos - 1)

    def at_end(self):
        return self.peek() == ""

    @property
    def offset(self):
        return self.consumed + self.pos
