"""A progress bar for the command line, fed by the job runner."""

import time

from django.core.management.base import OutputWrapper
from django.utils.translation import gettext as _

BAR_WIDTH = 30


def bar_text(job, width=BAR_WIDTH):
    percent = job.percent
    if percent is None:
        counted = f"{job.progress_done}" if job.progress_done else "…"
        return f"[{'?' * width}] {counted}"
    filled = width * percent // 100
    total = f" {job.progress_done}/{job.progress_total}" if job.progress_total else ""
    return f"[{'#' * filled}{'-' * (width - filled)}] {percent:3d}%{total}"


class TerminalProgress:
    """Redraws one line on a terminal (at most ``fps`` times a second); on a pipe or log file it prints a plain
    line every ``log_every`` seconds instead so logs stay readable."""

    def __init__(self, stream, *, fps=10, log_every=10):
        self.stream = stream
        self.interactive = hasattr(stream, "isatty") and stream.isatty()
        self.min_gap = 1 / fps if self.interactive else log_every
        self._last = 0.0

    def _emit(self, text):
        if isinstance(self.stream, OutputWrapper):
            # A terminal's stderr is styled as an error by Django; a progress bar is not one.
            self.stream.write(text, style_func=str, ending="")
        else:
            self.stream.write(text)
        self.stream.flush()

    def _line(self, job):
        message = f" {job.message}" if job.message else ""
        return f"#{job.pk} {job.kind_label} {bar_text(job)}{message}"

    def update(self, job):
        now = time.monotonic()
        if now - self._last < self.min_gap:
            return
        self._last = now
        self._emit("\r\033[K" + self._line(job) if self.interactive else self._line(job) + "\n")

    def finish(self, job):
        prefix = "\r\033[K" if self.interactive else ""
        self._emit(f"{prefix}{self._line(job)} {_('状态')}: {job.get_status_display()}\n")
