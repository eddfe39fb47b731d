"""The repository layout (resources/ and forms/ at the top) installs into the package."""

import tomllib
from importlib import resources
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _pyproject():
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_every_source_package_is_listed_in_pyproject():
    listed = set(_pyproject()["tool"]["setuptools"]["packages"])
    in_src = {
        ".".join(path.parent.relative_to(ROOT / "src").parts)
        for path in (ROOT / "src").rglob("__init__.py")
    }
    assert in_src <= listed, f"add to pyproject [tool.setuptools] packages: {sorted(in_src - listed)}"


def test_every_resource_folder_is_listed_in_pyproject():
    listed = set(_pyproject()["tool"]["setuptools"]["packages"])
    folders = {
        "tayninh_desktop.resources." + ".".join(path.relative_to(ROOT / "resources").parts)
        for path in (ROOT / "resources").rglob("*") if path.is_dir() and path.name != "__pycache__"
    }
    assert folders <= listed, f"add to pyproject [tool.setuptools] packages: {sorted(folders - listed)}"


def test_resources_and_forms_are_found_through_the_package():
    fonts = resources.files("tayninh_desktop.resources").joinpath("fonts")
    assert fonts.joinpath("LiberationSerif-Regular.ttf").is_file()
    assert fonts.joinpath("LICENSE-Liberation.txt").is_file()
    rules = [p.name for p in resources.files("tayninh_desktop.resources").joinpath("rules").iterdir()]
    assert "party_life.toml" in rules
    forms = [p.name for p in resources.files("tayninh_desktop.forms").iterdir() if p.name.endswith(".toml")]
    assert len(forms) == len(list((ROOT / "forms").glob("*.toml"))) > 10


def test_the_bundle_ships_the_user_guide_and_its_pictures():
    import importlib.util
    import re

    spec_text = (ROOT / "installer" / "tayninh-desktop.spec").read_text(encoding="utf-8")
    assert "datas += guide_datas(HERE.parent)" in spec_text and 'copy_metadata("tayninh-desktop")' in spec_text
    loader = importlib.util.spec_from_file_location("bundle_docs", ROOT / "installer" / "bundle_docs.py")
    bundle_docs = importlib.util.module_from_spec(loader)
    loader.loader.exec_module(bundle_docs)
    shipped = {f"{folder}/{Path(name).name}" for name, folder in bundle_docs.guide_datas(ROOT)}
    assert all(Path(name).is_file() for name, _ in bundle_docs.guide_datas(ROOT))
    guide = (ROOT / "docs" / "huong-dan.md").read_text(encoding="utf-8")
    shown = {f"docs/{name}" for name in re.findall(r"!\[[^\]]*\]\(([^)]+)\)", guide)}
    assert "docs/huong-dan.md" in shipped and shown and shown <= shipped
