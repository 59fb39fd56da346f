"""The build date, the one clock of the package.

Reviews fall due against it and the site, the print page and the open data show
it. With `SOURCE_DATE_EPOCH` set (CI and `handboek bouw` set it to the last
commit's time), it is that date, so two builds of one commit are byte-equal.
"""

from __future__ import annotations

import datetime as dt
import os


def today() -> dt.date:
    """The build date: from SOURCE_DATE_EPOCH when set, so builds are reproducible."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    return dt.date.today()
