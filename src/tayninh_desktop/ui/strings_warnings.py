"""Every Vietnamese text of the warnings list's sorting, filtering and printing (the home page)."""

from __future__ import annotations

KIND = "Loại:"
ALL_KINDS = "Tất cả các loại"
ALL_KINDS_COUNT = "Tất cả các loại ({count})"
KIND_COUNT = "{kind} ({count})"
PRINT_LIST = "In danh sách…"
PRINT_TIP = "In danh sách cảnh báo đang hiện (theo chi bộ, loại và thứ tự đã chọn) thành tệp PDF"
PRINT_TITLE = "Lưu danh sách cảnh báo"
PRINT_FILE_NAME = "danh-sach-canh-bao.pdf"
PDF_FILTER = "Tệp PDF (*.pdf)"
PRINT_WAIT = "Cảnh báo đang được tính: in khi đã tính xong."
PRINTING = "Đang in danh sách cảnh báo…"
PRINTED = "Đã lưu {path}: {count} cảnh báo, {pages} trang."
