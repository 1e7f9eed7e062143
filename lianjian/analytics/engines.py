"""The two SQL engines the indicator definitions run on: DuckDB (one machine, the default) and Apache Spark.

Indicators are written once, in the SQL both engines accept; the few functions whose spelling differs are
methods here (``days``, ``collect``) that the definitions call while building their text.
"""

import datetime
import os

import pyarrow as pa


class DuckDBEngine:
    name = "duckdb"

    def __init__(self, *, threads=None, memory_limit=None):
        import duckdb

        self.con = duckdb.connect()
        self.con.execute(f"SET threads = {int(threads or os.cpu_count() or 1)}")
        if memory_limit:
            self.con.execute(f"SET memory_limit = '{memory_limit}'")
        self.con.execute("SET preserve_insertion_order = false")

    def register(self, name, table):
        # Copied once into DuckDB's own columnar storage: every indicator scans the tables again, and scanning
        # Arrow strings through the Python bridge costs more than the copy.
        self.con.register(f"{name}_arrow", table)
        self.con.execute(f"CREATE OR REPLACE TEMP TABLE {name} AS SELECT * FROM {name}_arrow")
        self.con.unregister(f"{name}_arrow")

    def materialise(self, name, sql):
        self.con.execute(f"CREATE OR REPLACE TEMP TABLE {name} AS {sql}")

    def rows(self, sql):
        cursor = self.con.execute(sql)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row)) for row in cursor.fetchall()]

    def arrow(self, sql):
        return self.con.execute(sql).fetch_arrow_table()

    @staticmethod
    def days(start, end):
        return f"date_diff('day', CAST({start} AS DATE), CAST({end} AS DATE))"

    @staticmethod
    def collect(expr):
        return f"list({expr})"

    def close(self):
        self.con.close()


_spark = None


def spark_session():
    """One local Spark session per process: starting the JVM costs seconds, so it is made once and reused."""
    global _spark
    if _spark is None:
        from pyspark.sql import SparkSession

        _spark = (SparkSession.builder.master(os.environ.get("LIANJIAN_SPARK_MASTER", "local[2]"))
                  .appName("lianjian-analytics")
                  .config("spark.sql.session.timeZone", "UTC")
                  .config("spark.sql.shuffle.partitions", os.environ.get("LIANJIAN_SPARK_PARTITIONS", "4"))
                  .config("spark.sql.execution.arrow.pyspark.enabled", "true")
                  .config("spark.ui.enabled", "false")
                  .config("spark.driver.memory", os.environ.get("LIANJIAN_SPARK_MEMORY", "2g"))
                  .getOrCreate())
        _spark.sparkContext.setLogLevel("ERROR")
    return _spark


class SparkEngine:
    name = "spark"

    def __init__(self, session=None):
        self.spark = session or spark_session()
        self.cached = []

    def register(self, name, table):
        # Spark reads naive timestamps as instants in the session zone (UTC), so wall-clock values survive.
        frame = self.spark.createDataFrame(table) if table.num_rows else self.spark.createDataFrame(
            [], schema=_spark_schema(table.schema))
        frame.createOrReplaceTempView(name)

    def materialise(self, name, sql):
        frame = self.spark.sql(sql).cache()
        self.cached.append(frame)
        frame.createOrReplaceTempView(name)

    def rows(self, sql):
        return [{k: _wall_clock(v) for k, v in row.asDict(recursive=True).items()}
                for row in self.spark.sql(sql).collect()]

    def arrow(self, sql):
        return pa.Table.from_pandas(self.spark.sql(sql).toPandas(), preserve_index=False)

    @staticmethod
    def days(start, end):
        return f"datediff(CAST({end} AS DATE), CAST({start} AS DATE))"

    @staticmethod
    def collect(expr):
        return f"collect_list({expr})"

    def close(self):
        for frame in self.cached:
            frame.unpersist()
        self.cached = []


def _wall_clock(value):
    """Spark hands timestamps back in the Python process's local zone; the engine's times are wall-clock values
    stored as UTC instants (session zone UTC), so they are turned back into the naive wall-clock time."""
    if isinstance(value, datetime.datetime) and value.tzinfo is None:
        return datetime.datetime.fromtimestamp(value.timestamp(), tz=datetime.timezone.utc).replace(tzinfo=None)
    return value


def _spark_schema(schema):
    from pyspark.sql import types as T

    mapping = {pa.string(): T.StringType(), pa.float64(): T.DoubleType(), pa.bool_(): T.BooleanType(),
               pa.timestamp("s"): T.TimestampType(), pa.date32(): T.DateType()}
    return T.StructType([T.StructField(f.name, mapping[f.type], True) for f in schema])


def make_engine(name):
    if name == "duckdb":
        return DuckDBEngine()
    if name == "spark":
        return SparkEngine()
    raise ValueError(f"未知的计算引擎：{name}（可选 duckdb、spark）")
