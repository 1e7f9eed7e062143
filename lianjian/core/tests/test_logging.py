import json
import logging

from lianjian.core.logging import JsonFormatter


def test_a_log_line_is_one_json_object_with_the_extra_fields_and_the_exception():
    logger = logging.getLogger("lianjian.test")
    try:
        raise ValueError("坏数据")
    except ValueError:
        record = logger.makeRecord("lianjian.test", logging.ERROR, __file__, 1, "导入失败：%s", ("a.csv",),
                                   exc_info=__import__("sys").exc_info(), extra={"job_id": 7})
    line = JsonFormatter().format(record)
    entry = json.loads(line)
    assert "\n" not in line
    assert entry["message"] == "导入失败：a.csv" and entry["level"] == "ERROR" and entry["job_id"] == 7
    assert "ValueError: 坏数据" in entry["exception"]
