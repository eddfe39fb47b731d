"""The first run picks the committee from the province's communes and wards, typed without diacritics, and still
takes a name that is not in the list."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tayninh_desktop.domain.actors import Actor
from tayninh_desktop.services import organisation, returns_keys
from tayninh_desktop.ui.dialogs.first_run import FirstRunDialog


def _dialog(tmp_path, qtbot) -> FirstRunDialog:
    dialog = FirstRunDialog(Actor("van-thu"), tmp_path / "so-dang-vien.sqlite3", tmp_path / "so-mau.sqlite3")
    qtbot.addWidget(dialog)
    return dialog


def _shown(dialog: FirstRunDialog) -> list[str]:
    return [dialog.choices.item(row).text() for row in range(dialog.choices.count())]


def test_typing_tan_finds_the_units_named_tan_and_a_pick_fills_the_committee(tmp_path, qtbot):
    dialog = _dialog(tmp_path, qtbot)
    assert len(_shown(dialog)) == 96 and "CHƯA XÁC NHẬN" in dialog.findChild(type(dialog.error),
                                                                           "commune_source").text()
    qtbot.keyClicks(dialog.search, "tan")
    shown = _shown(dialog)
    assert "Phường Tân Ninh (25459)" in shown and "Phường Tân An (27712)" in shown and "Xã Tân Thạnh (27826)" in shown
    assert all("Tân" in text or "Tấn" in text or "tan" in text.lower() for text in shown)
    dialog.search.clear()
    qtbot.keyClicks(dialog.search, "hung thuan")
    assert _shown(dialog) == ["Xã Hưng Thuận (25711)"]
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)        # Enter takes the first unit shown
    assert dialog.unit_name.text() == "Đảng ủy xã Hưng Thuận"
    assert (dialog.unit_code.text(), dialog.place.text(), dialog.superior.text()) == (
        "25711", "Hưng Thuận", "Tỉnh ủy Tây Ninh")
    assert dialog.create() is True
    home = organisation.home_unit(dialog.db)
    assert (home.name, home.code) == ("Đảng ủy xã Hưng Thuận", "25711")
    key = returns_keys.own_key(dialog.db)                   # the keys are made with the committee, as by `init`
    assert key is not None and key.unit_code == "25711"
    dialog.db.conn.close()


def test_a_name_not_in_the_list_is_still_typed(tmp_path, qtbot):
    dialog = _dialog(tmp_path, qtbot)
    dialog.search.setText("Hưng Thịnh")              # keyClicks cannot type Vietnamese letters
    assert _shown(dialog) == [] and "Hưng Thịnh" in dialog.choice_count.text()
    dialog.unit_name.setText("Đảng ủy xã Hưng Thịnh")
    dialog.unit_code.setText("HTH")
    dialog.place.setText("Hưng Thịnh")
    assert dialog.create() is True
    assert organisation.home_unit(dialog.db).name == "Đảng ủy xã Hưng Thịnh"
    dialog.db.conn.close()


def test_a_pick_can_be_edited_before_creating(tmp_path, qtbot):
    dialog = _dialog(tmp_path, qtbot)
    qtbot.keyClicks(dialog.search, "phuong long an")
    dialog.choices.setCurrentRow(0)
    assert dialog.unit_name.text() == "Đảng ủy phường Long An"
    dialog.unit_code.setText("LA")
    assert dialog.create() is True and organisation.home_unit(dialog.db).code == "LA"
    dialog.db.conn.close()
