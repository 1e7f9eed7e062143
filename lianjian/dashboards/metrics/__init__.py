"""The dashboards' indicators: each function takes the lots the actor may see and returns a :class:`Chart`.

Every aggregate is computed by the database (GROUP BY through the ORM) or, where a second level of aggregation is
needed (concentration, newcomers), by DuckDB over an Arrow table of the already grouped rows — never by looping
over bids in Python.
"""

from .common import Chart, Column, scoped_lots  # noqa: F401
from .efficiency import EFFICIENCY
from .market import MARKET
from .price import PRICE
from .supervision import SUPERVISION

BOARDS = {"price": PRICE, "market": MARKET, "efficiency": EFFICIENCY, "supervision": SUPERVISION}
