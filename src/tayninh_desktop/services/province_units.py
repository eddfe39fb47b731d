"""The province's communes and wards as shipped (resources/reference/tay_ninh_units.toml)."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from tayninh_desktop.domain.province_units import CommuneUnit, UnitList, parse_units

REFERENCE_PACKAGE = "tayninh_desktop.resources.reference"
UNITS_FILE = "tay_ninh_units.toml"


@lru_cache(maxsize=1)
def shipped() -> UnitList:
    """The shipped list (read once)."""
    return parse_units(resources.files(REFERENCE_PACKAGE).joinpath(UNITS_FILE).read_text(encoding="utf-8"))


def find(name_or_code: str) -> CommuneUnit:
    """The unit named or coded ``name_or_code``; refused with a Vietnamese sentence when none or several."""
    return shipped().find(name_or_code)
