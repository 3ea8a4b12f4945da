"""Real PySpark in local mode for the careerplan.spark suite.

scripts/test runs this directory in its own venv (PySpark 3.5, pandas<3,
pyarrow) with CAREERPLAN_SPARK_TESTS=1; the main pytest run, whose venv has
no PySpark, skips collecting it. With the variable set, a missing PySpark is
a failure, not a skip.
"""

import os
import sys
from typing import Iterator

import pytest

try:
    import pyspark  # noqa: F401
except ImportError:
    if os.environ.get("CAREERPLAN_SPARK_TESTS"):
        raise
    collect_ignore_glob = ["test_*.py"]


@pytest.fixture(scope="session")
def spark() -> Iterator["pyspark.sql.SparkSession"]:
    from pyspark.sql import SparkSession

    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    # The executors' Python is this one, which has careerplan installed.
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[2]")
        .appName("careerplan-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()
