"""Text encoding of uploaded CSV files: UTF-8 (with or without BOM) or GBK/GB18030, as Chinese offices produce."""

import codecs

from django.utils.translation import gettext as _

from .errors import FileRejected

SCAN_CHUNK = 1 << 20


def detect_encoding(path):
    """The encoding to read ``path`` with. The whole file is checked as UTF-8 (fast, and a GBK file can look like
    UTF-8 for its first kilobytes); anything that is not UTF-8 is read as GB18030, the superset of GBK."""
    with open(path, "rb") as fh:
        head = fh.read(SCAN_CHUNK)
        if head.startswith(codecs.BOM_UTF8):
            return "utf-8-sig"
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return "utf-16"
        if b"\x00" in head:
            raise FileRejected(_("文件不是文本格式（含有二进制内容），请上传 CSV、XLSX 或 JSON 文件"))
        decoder = codecs.getincrementaldecoder("utf-8")()
        chunk = head
        try:
            while chunk:
                decoder.decode(chunk)
                chunk = fh.read(SCAN_CHUNK)
            decoder.decode(b"", final=True)
            return "utf-8"
        except UnicodeDecodeError:
            pass
    _check_gb18030(path)
    return "gb18030"


def _check_gb18030(path):
    decoder = codecs.getincrementaldecoder("gb18030")()
    with open(path, "rb") as fh:
        try:
            while chunk := fh.read(SCAN_CHUNK):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError as exc:
            raise FileRejected(
                _("无法识别文件编码：既不是 UTF-8，也不是 GBK/GB18030（第 %(pos)d 字节附近）") % {"pos": exc.start}
            ) from None
