"""Sentences about the forms an office adds in the data folder's ``forms`` directory: why one was skipped."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "office_form_skipped": "Bỏ qua mẫu của văn phòng «{file}»: {reason}",
    "office_form_broken": "Mẫu của văn phòng «{file}» có lỗi nên chưa in được: {reason}",
    "office_form_bad_name": ("tên tệp chỉ được dùng chữ thường không dấu, chữ số, dấu gạch dưới và gạch ngang "
                             "(ví dụ: giay_moi_hop.toml)."),
    "office_form_same_id": ("tên tệp trùng mã của mẫu có sẵn «{name}»; mẫu có sẵn không thay được — chép ra tệp "
                            "tên khác rồi sửa."),
    "office_form_too_big": "tệp quá lớn cho một mẫu văn bản (quá 1 MB).",
    "office_form_encoding": ("tệp không lưu theo bảng mã UTF-8 (trong Notepad: «Lưu thành», chọn mã hóa "
                             "UTF-8)."),
    "office_form_unreadable": "không đọc được tệp ({reason}).",
    "office_form_toml": ("sai cú pháp TOML ở dòng {line}, cột {column} (thường do thiếu dấu nháy kép \" "
                         "hoặc dấu =)."),
    "office_form_missing_key": "{where}thiếu khóa bắt buộc «{key}».",
    "office_form_unknown_key": "{where}có khóa «{key}» không dùng được (gõ sai tên?).",
    "office_form_wrong_type": "{where}«{key}» phải là {expected}.",
    "office_form_bad_value": "{where}«{key}» không nhận giá trị «{value}» (chỉ nhận: {allowed}).",
    "office_form_bad_kind": "{where}loại khối «{value}» không có (các loại: {kinds}).",
    "office_form_bad_scope": ("«scope» phải có ít nhất một trong unit (đảng bộ), cell (chi bộ), member (đảng "
                              "viên), và chỉ thêm meeting, year, period (đang ghi: {value})."),
    "office_form_bad_parts": "«parts» nêu mẫu không có hoặc là một hồ sơ khác: {value}.",
    "office_form_other": "nội dung mẫu không hợp lệ ({detail}).",
}

EXPECTED: dict[str, str] = {
    "str": "một dòng chữ trong dấu nháy kép",
    "bool": "true hoặc false",
    "int": "một số nguyên",
    "number": "một số",
    "list": "một danh sách [ … ]",
    "table": "một bảng [ … ] có các khóa",
    "pairs": "một danh sách các cặp [\"tên trường\", \"chú thích\"]",
}

PLACES: dict[str, str] = {
    "block": "khối thứ {n}",
    "columns": "cột thứ {n}",
    "signers": "người ký thứ {n}",
    "signature": "phần [signature]",
    "recipients": "phần [recipients]",
}


def _place(token: str) -> str:
    name, _, rest = token.partition(":")
    number, _, kind = rest.partition(":")
    text = PLACES.get(name, name).format(n=number)
    return f"{text} ({kind})" if kind else text


def readable(data: dict) -> dict:
    """The data of a problem with its place and expected type in words (for the templates above)."""
    out = dict(data)
    where = out.get("where", ())
    out["where"] = (" › ".join(_place(token) for token in where) + ": ") if where else ""
    expected = str(out.get("expected", ""))
    if expected.startswith("enum:"):
        out["expected"] = "một trong: " + expected.removeprefix("enum:")
    elif expected:
        out["expected"] = EXPECTED.get(expected, expected)
    return out
