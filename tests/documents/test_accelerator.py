"""reportlab runs with its C accelerator (rl-accel, pinned in pyproject.toml): number formatting, string widths
and PDF escapes in C made the 1,000-member list print about 16 % faster (bench/bench_all.py)."""

from types import BuiltinFunctionType


def test_reportlab_uses_its_c_accelerator():
    from reportlab.lib import rl_accel

    for name in ("fp_str", "instanceStringWidthTTF", "escapePDF", "asciiBase85Encode"):
        assert isinstance(getattr(rl_accel, name), BuiltinFunctionType), name
