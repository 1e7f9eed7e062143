import subprocess
import sys
from pathlib import Path

from lianjian.analytics import Finding, indicators

PACKAGE_DIR = Path(__file__).resolve().parents[2]
FAMILIES = {"article40", "screen", "network", "procedure", "credit"}


def test_every_indicator_has_a_unique_code_names_a_basis_a_severity_and_thresholds_as_data():
    registry = indicators()
    codes = [i.code for i in registry]
    assert len(codes) == len(set(codes))
    for indicator in registry:
        assert indicator.name_zh and indicator.name_en and indicator.basis
        assert indicator.severity in ("high", "medium", "low")
        assert indicator.family in FAMILIES
        assert isinstance(indicator.thresholds, dict)
    assert {i.family for i in registry} == FAMILIES


def test_the_article_40_family_covers_each_data_detectable_condition():
    codes = {i.code for i in indicators() if i.family == "article40"}
    assert codes == {"C40-DEVICE", "C40-DOC", "C40-AUTHOR", "C40-AGENT", "C40-PM", "C40-BOND", "C40-PRICE"}


def test_a_finding_key_is_the_same_whatever_order_its_parties_come_in():
    assert Finding("C40-BOND", "L1", ("B", "A")).key == Finding("C40-BOND", "L1", ("A", "B")).key == "C40-BOND|L1|A,B"


def test_the_engine_runs_without_importing_django():
    # The project's top-level package starts Celery (and so Django) on import; the engine must not need it, so
    # the check loads ``lianjian`` as a bare namespace and then the engine, runs it, and looks for Django.
    code = ("import sys, types, pyarrow as pa\n"
            f"package = types.ModuleType('lianjian'); package.__path__ = [{str(PACKAGE_DIR)!r}]\n"
            "sys.modules['lianjian'] = package\n"
            "import lianjian.analytics as a, lianjian.analytics.evaluate\n"
            "a.run_suite({'bids': pa.table({'lot_code': ['L'], 'bidder_code': ['B'], 'price': [1.0]})})\n"
            "assert not [m for m in sys.modules if m.split('.')[0] == 'django'], 'django imported'\n")
    subprocess.run([sys.executable, "-c", code], check=True)
