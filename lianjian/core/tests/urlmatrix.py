"""Every route of the platform as a concrete path, for the access-control matrix."""

import re
import uuid

from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.exceptions import Resolver404

# A value for each path parameter that names no existing row, so the matrix sees what a view does before it
# finds (or fails to find) an object.
SAMPLES = {"int": "999999", "str": "x", "slug": "x", "uuid": str(uuid.UUID(int=1)), "path": "x"}


def _fill_route(route):
    return re.sub(r"<(?:(\w+):)?(\w+)>", lambda m: SAMPLES.get(m.group(1) or "str", "x"), route)


def _fill_regex(regex):
    text = regex.lstrip("^").rstrip("$").replace("\\Z", "").replace("\\.", ".")
    # A named group becomes a sample; an alternation of literals (admin's app labels) becomes its first literal.
    text = re.sub(r"\(\?P<(\w+)>([^()]*)\)",
                  lambda m: m.group(2).split("|")[0] if re.fullmatch(r"[\w|]+", m.group(2)) else "999999"
                  if "d" in m.group(2) or m.group(2) == "[^/.]+" else "x", text)
    return text.replace("/?", "/")


def _piece(pattern):
    raw = str(pattern.pattern)
    return _fill_regex(pattern.pattern.regex.pattern) if hasattr(pattern.pattern, "regex") and raw.startswith("^") \
        else _fill_route(raw)


def routes(patterns=None, prefix="/", namespace=""):
    """(path, route name, view) for every URL pattern that resolves back to itself."""
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            ns = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from routes(entry.url_patterns, prefix + _piece(entry), ns)
        elif isinstance(entry, URLPattern):
            path = prefix + _piece(entry)
            try:
                match = resolve(path)
            except Resolver404:
                continue
            if match.func is entry.callback:
                yield path, f"{namespace}{entry.name or path}", entry.callback
