"""The only layer that touches SQLite. Repositories return domain dataclasses and never commit."""

import sys

# sqlite-utils imports numpy whenever it is installed, to store numpy numbers (the register never has any);
# numpy comes with the home page's charting library and costs some 70 ms: the window must not pay for it at
# start-up (tests/ui/test_startup_imports.py). numpy is hidden while sqlite-utils loads, then left to the charts.
if "sqlite_utils" not in sys.modules and "numpy" not in sys.modules:
    sys.modules["numpy"] = None  # type: ignore[assignment]
    try:
        import sqlite_utils  # noqa: F401
    finally:
        del sys.modules["numpy"]
