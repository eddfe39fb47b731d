from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication


def test_the_bundled_font_is_the_application_font_and_covers_vietnamese(bundled_font):
    assert bundled_font == "Liberation Sans"
    font = QApplication.font()
    assert font.family() == "Liberation Sans"
    metrics = QFontMetrics(font)
    for ch in "ĐđƠơƯưẠạẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặẸẹẺẻẼẽẾếỀềỂểỄễỆệỈỉỊịỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợỤụỦủỨứỪừỬửỮữỰựỲỳỴỵỶỷỸỹ":
        assert metrics.inFontUcs4(ord(ch)), ch  # inFont(str) mis-converts non-Latin-1 in PySide6
