"""Spare start-up the source reading of PySide6's import hook.

Once PySide6 is imported, every module an ``import`` statement returns for the first time is read whole by
PySide's ``__feature__`` support (``shibokensupport.feature._mod_uses_pyside``: ``inspect.getsource`` and a
search for "PySide6") to decide whether that module may switch Qt features (snake_case, true_property); some
200 modules at start, ~25 ms. The program never switches features, and the standard library never mentions
PySide6, so their answer is known without reading: ours are noted as PySide's own code would note them (0,
"uses PySide, no feature switched", for the window's modules; -1, "not a PySide user", below the window),
the standard library's as -1; any other module is still read by PySide. ``install`` is harmless to call
twice, and does nothing on a PySide6 without this hook (the program then only loses the saving).
"""

from __future__ import annotations

import sys

OUR_PACKAGE = "tayninh_desktop"
WINDOW_PACKAGE = "tayninh_desktop.ui"
NOT_A_PYSIDE_USER = -1
NO_FEATURE = 0


def known_answer(name: str) -> int | None:
    """What PySide's hook would note for module ``name`` without reading it; None: let PySide read it."""
    if name == WINDOW_PACKAGE or name.startswith(WINDOW_PACKAGE + "."):
        return NO_FEATURE
    top = name.partition(".")[0]
    if top == OUR_PACKAGE or top in sys.stdlib_module_names:
        return NOT_A_PYSIDE_USER
    return None


def install() -> bool:
    """Answer PySide's hook for our modules and the standard library; True when the hook was found."""
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "feature_imported", None)
    noted = getattr(feature, "pyside_feature_dict", None)
    if original is None or not isinstance(noted, dict):
        return False
    if getattr(original, "answers_known_modules", False):
        return True

    def feature_imported(module) -> None:
        name = getattr(module, "__name__", None)
        if isinstance(name, str) and name not in noted:
            answer = known_answer(name)
            if answer is not None:
                noted[name] = answer
                return
        original(module)

    feature_imported.answers_known_modules = True  # type: ignore[attr-defined]
    feature.feature_imported = feature_imported
    return True
