"""Every form as a Word file in the HD 36 frame, read back with python-docx: texts, bold runs, the face and
sizes (Times New Roman, 13–14 pt for the body), A4 with the margins of the PDF, the chart as a picture."""

from __future__ import annotations

import io

import pytest
from docx import Document
from docx.shared import Pt

from tayninh_desktop.documents.docx_writer import docx_bytes
from tayninh_desktop.documents.forms import all_forms
from tests.documents.doc_samples import context_for
from tests.documents.test_forms_render import EXPECTED

FORM_IDS = sorted(f for f, form in all_forms().items() if not form.parts)


def _read(form_id: str, blank: bool = False, context: dict | None = None):
    form = all_forms()[form_id]
    return Document(io.BytesIO(docx_bytes(form, context or context_for(form_id), blank=blank)))


def _texts(document) -> str:
    """Every paragraph's text, the tables' cells included, as one line."""
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                parts += [p.text for p in cell.paragraphs]
                for inner in cell.tables:
                    parts += [p.text for r in inner.rows for c in r.cells for p in c.paragraphs]
    return " ".join(" ".join(parts).split())


@pytest.mark.parametrize("form_id", FORM_IDS)
def test_every_form_says_in_word_what_its_pdf_says(form_id):
    text = _texts(_read(form_id))
    for expected in EXPECTED[form_id]:
        if expected.startswith("Bình quân 2015–2020:"):   # the chart's legend is inside its picture
            continue
        assert " ".join(expected.split()) in text, expected


@pytest.mark.parametrize("form_id", FORM_IDS)
def test_a_blank_form_in_word_carries_no_member_data(form_id):
    text = _texts(_read(form_id, blank=True))
    for name in ("Nguyễn Thị Ánh Tuyết", "Huỳnh Thị Phượng", "Đặng Văn Ưng", "05/02/2026"):
        assert name not in text, name


def test_the_frame_of_a_numbered_paper():
    document = _read("ke_hoach")
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert [round(m.mm) for m in (section.top_margin, section.bottom_margin, section.left_margin,
                                  section.right_margin)] == [20, 20, 30, 15]
    left, right = document.tables[0].rows[0].cells
    assert [p.text for p in left.paragraphs] == ["ĐẢNG BỘ TỈNH TÂY NINH", "ĐẢNG ỦY XÃ TÂN NINH", "*", "Số 12-KH/ĐU"]
    assert left.paragraphs[1].runs[0].bold and not left.paragraphs[0].runs[0].bold
    title, date_line = right.paragraphs
    assert title.text == "ĐẢNG CỘNG SẢN VIỆT NAM" and title.runs[0].bold and title.runs[0].underline
    assert date_line.text == "Tân Ninh, ngày 05 tháng 02 năm 2026" and date_line.runs[0].italic
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == "KẾ HOẠCH" and texts[1] == "học tập chuyên đề năm 2026"
    closing_left, closing_right = document.tables[-1].rows[0].cells
    assert closing_left.paragraphs[0].text == "Nơi nhận:" and closing_left.paragraphs[-1].text == "- Lưu Văn phòng Đảng ủy."
    assert [p.text for p in closing_right.paragraphs if p.text] == ["T/M ĐẢNG ỦY", "BÍ THƯ", "Nguyễn Thị Ánh Tuyết"]


def test_the_face_is_times_new_roman_and_the_body_14_pt():
    document = _read("ke_hoach")
    normal = document.styles["Normal"]
    assert normal.font.name == "Times New Roman" and normal.font.size == Pt(14)
    fonts = normal.element.rPr.rFonts
    assert {fonts.get(f"{{{fonts.nsmap['w']}}}{k}") for k in ("ascii", "hAnsi", "cs", "eastAsia")} == {"Times New Roman"}
    body = next(p for p in document.paragraphs if p.text.startswith("Đảng viên nắm vững"))
    assert {r.font.size for r in body.runs} == {Pt(14)} and {r.font.name for r in body.runs} == {"Times New Roman"}
    sizes = {r.font.size.pt for p in document.paragraphs for r in p.runs if r.font.size}
    assert sizes <= {11, 12, 13, 14, 16, 4}


def test_the_typed_body_keeps_its_bold_runs_and_numbers_and_no_markup_is_read():
    document = _read("ke_hoach")
    para = next(p for p in document.paragraphs if p.text.startswith("Đảng viên nắm vững"))
    assert [(r.text, bool(r.bold)) for r in para.runs] == [
        ("Đảng viên nắm vững ", False), ("nội dung chuyên đề", True), (" năm 2026.", False)]
    assert "1. Tổ chức học tập tại chi bộ;" in [p.text for p in document.paragraphs]
    literal = next(p for p in _read("thong_bao").paragraphs if p.text.startswith("Chữ"))
    assert literal.text == "Chữ <b>này</b> và {unit_name} in đúng như gõ, không phải mã." and not literal.runs[0].bold


def test_a_decision_prints_its_articles_in_bold():
    context = context_for("quyet_dinh")
    context["body"] = [{"runs": [["Xóa tên đảng viên Đặng Văn Ưng.", False]], "number": 1}]
    document = _read("quyet_dinh", context=context)
    texts = [p.text for p in document.paragraphs]
    article = document.paragraphs[next(i for i, t in enumerate(texts) if t.startswith("Điều 1."))]
    assert article.runs[0].bold and article.runs[0].text == "Điều 1. " and not article.runs[1].bold
    heading = document.paragraphs[texts.index(article.text) - 1]
    assert heading.text == "QUYẾT ĐỊNH" and heading.runs[0].bold


def test_handwriting_lines_are_dotted_tab_leaders():
    document = _read("bao_cao", blank=True)
    dotted = [p for p in document.paragraphs if p.text == "\t"]
    assert len(dotted) >= 20
    stop = dotted[0].paragraph_format.tab_stops[0]
    assert str(stop.leader).startswith("DOTS")


def test_the_report_chart_is_a_picture_and_tables_repeat_their_header():
    document = _read("bao_cao_de_an_03")
    assert len(document.inline_shapes) == 1
    years = next(t for t in document.tables if t.rows[0].cells[0].text == "Năm")
    assert years.rows[0]._tr.trPr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tblHeader") \
        is not None


def test_the_same_paper_makes_the_same_file():
    import time

    form = all_forms()["bao_cao"]
    first = docx_bytes(form, context_for("bao_cao"))
    time.sleep(2.1)   # the zip's clock stamps have a two-second step: a later save must not differ
    assert docx_bytes(form, context_for("bao_cao")) == first
