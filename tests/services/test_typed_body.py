"""Free-text papers: the body typed in the app is printed as typed (bold runs, numbered points, no markup read
from the clerk's text), stored with the numbered paper, and reprinted identically."""

from __future__ import annotations

import json
from datetime import date

import pytest

from tayninh_desktop.domain.errors import ValidationError
from tayninh_desktop.domain.rich_text import PARAGRAPHS_MAX, Run, paragraph, parse_body
from tayninh_desktop.services import documents, documents_register
from tests.documents.conftest import pdftotext
from tests.services.test_documents_service import ready  # noqa: F401 - the fixture

BODY = (
    paragraph([Run("I. KẾT QUẢ THỰC HIỆN", True)]),
    paragraph([Run("Chi bộ đã tổ chức "), Run("12 kỳ họp", True), Run(" trong năm.")]),
    paragraph([Run("Rà soát danh sách đảng viên;")], 1),
    paragraph([Run("Thu đảng phí đủ 12 tháng.")], 2),
    paragraph([Run("Gõ <b>x</b> và {unit_name} & <br/> in nguyên văn.")]),
)


def _request(**kw):
    kw.setdefault("on", date(2026, 2, 5))
    return documents.PrintRequest(summary="kết quả công tác năm 2025", **kw)


def test_the_typed_body_is_printed_as_typed(ready, actor, tmp_path):  # noqa: F811
    result, _ = documents.print_form(ready, actor, "bao_cao", tmp_path / "bc.pdf", _request(body=BODY))
    text = " ".join(pdftotext(result.path).split())
    assert "I. KẾT QUẢ THỰC HIỆN Chi bộ đã tổ chức 12 kỳ họp trong năm." in text
    assert "1. Rà soát danh sách đảng viên; 2. Thu đảng phí đủ 12 tháng." in text
    assert "Gõ <b>x</b> và {unit_name} & <br/> in nguyên văn." in text
    assert "II. HẠN CHẾ" not in text            # the form's outline gives way to the typed body
    assert result.symbol == "01-BC/ĐU"          # a typed body is content: the paper takes its number


def test_the_body_is_stored_with_the_paper_and_reprinted_identically(ready, actor, tmp_path):  # noqa: F811
    issued, _ = documents.print_form(ready, actor, "bao_cao", tmp_path / "bc.pdf", _request(body=BODY))
    (doc,) = documents_register.register_listing(ready)
    stored = json.loads(doc.context_json)["body"]
    assert stored[1] == {"runs": [["Chi bộ đã tổ chức ", False], ["12 kỳ họp", True], [" trong năm.", False]],
                         "number": None}
    again = documents.reprint(ready, actor, doc.id, tmp_path / "again.pdf")
    assert again.path.read_bytes() == issued.path.read_bytes()


def test_a_decision_numbers_its_points_as_articles(ready, actor, tmp_path):  # noqa: F811
    body = (paragraph([Run("- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;")]),
            paragraph([Run("Xóa tên đảng viên "), Run("Lê Văn Tám", True), Run(".")], 1),
            paragraph([Run("Quyết định có hiệu lực từ ngày ký.")], 2))
    result, _ = documents.print_form(ready, actor, "quyet_dinh", tmp_path / "qd.pdf", _request(body=body))
    text = " ".join(pdftotext(result.path).split())
    assert "- Căn cứ Điều lệ Đảng Cộng sản Việt Nam; QUYẾT ĐỊNH Điều 1. Xóa tên đảng viên Lê Văn Tám." in text
    assert "Điều 2. Quyết định có hiệu lực từ ngày ký." in text


def test_content_lines_fill_a_plan_without_a_typed_body(ready, actor, tmp_path):  # noqa: F811
    request = _request(content=("Đảng viên học tập chuyên đề.",))
    result, _ = documents.print_form(ready, actor, "ke_hoach", tmp_path / "kh.pdf", request)
    text = " ".join(pdftotext(result.path).split())
    assert "I. MỤC ĐÍCH, YÊU CẦU Đảng viên học tập chuyên đề." in text and "III. TỔ CHỨC THỰC HIỆN" in text


@pytest.mark.parametrize("bad", [
    "một chuỗi", [{"runs": "không phải danh sách"}], [{"runs": [["chữ", "đậm"]]}], [{"runs": [], "number": -1}],
    [{"runs": [], "number": True}], [42],
])
def test_a_body_of_another_shape_is_refused(bad):
    body, issues = parse_body(bad)
    assert body == () and [i.code for i in issues] == ["body_unreadable"]


def test_a_body_too_long_is_refused_before_anything_is_written(ready, actor, tmp_path):  # noqa: F811
    many = tuple(paragraph([Run(f"Đoạn {n}.")]) for n in range(PARAGRAPHS_MAX + 1))
    with pytest.raises(ValidationError) as caught:
        documents.print_form(ready, actor, "bao_cao", tmp_path / "bc.pdf", _request(body=many))
    from tayninh_desktop.domain.messages import render

    issue = caught.value.issues[0]
    text = render(issue.code, {"field": issue.field, **issue.data})
    assert "401" in text and "400" in text
    assert not (tmp_path / "bc.pdf").exists() and documents_register.register_listing(ready) == []


def test_text_is_cleaned_as_it_is_typed():
    p = paragraph([Run("  Nguye\u0302\u0303n\x07 Văn", False), Run("  A\u2028B  ", True), Run("", True)], 3)
    assert p.runs == (Run("Nguyễn Văn", False), Run(" A\nB", True)) and p.number == 3


def test_a_word_file_needs_its_docx_name_and_is_never_numbered(ready, actor, tmp_path):  # noqa: F811
    from docx import Document

    from tayninh_desktop.domain.errors import DomainError
    from tayninh_desktop.services import documents_word

    with pytest.raises(DomainError) as caught:
        documents_word.save_docx(ready, actor, "bao_cao", tmp_path / "bc.pdf", _request(body=BODY))
    assert caught.value.code == "word_needs_docx" and not (tmp_path / "bc.pdf").exists()
    result = documents_word.save_docx(ready, actor, "bao_cao", tmp_path / "bc.docx", _request(body=BODY))
    left = Document(str(result.path)).tables[0].rows[0].cells[0]
    assert [p.text for p in left.paragraphs][-2:] == ["Số   ......-BC/ĐU", "DỰ THẢO"]   # as its preview
    assert documents_register.register_listing(ready) == []
