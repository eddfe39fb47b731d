"""Qt's own texts in Vietnamese: the standard buttons, the context menus of text boxes and number boxes, scroll
bars, message boxes, and Qt's own file and print dialogs (used where the system has none). PySide6 ships no
qtbase_vi translation, so the window translates them itself (ui/qt_vietnamese.py), by the English text Qt uses.
"""

from __future__ import annotations

QT_TEXTS: dict[str, str] = {
    # standard buttons (QPlatformTheme, QGnomeTheme, QDialogButtonBox, QMessageBox)
    "OK": "Đồng ý", "&OK": "Đồng ý", "Save": "Lưu", "&Save": "&Lưu", "Save All": "Lưu tất cả", "Open": "Mở",
    "&Yes": "&Có", "Yes to &All": "Có với &tất cả", "&No": "&Không", "N&o to All": "Không với tất &cả",
    "Abort": "Hủy bỏ", "Retry": "Thử lại", "Ignore": "Bỏ qua", "Close": "Đóng", "&Close": "Đóng",
    "Cancel": "Hủy", "&Cancel": "Hủy", "Discard": "Không lưu", "Close without Saving": "Đóng không lưu",
    "Don't Save": "Không lưu", "Help": "Trợ giúp", "Apply": "Áp dụng", "Reset": "Đặt lại",
    "Restore Defaults": "Khôi phục mặc định",
    "Show Details...": "Xem chi tiết…", "Hide Details...": "Ẩn chi tiết…",
    # the context menu of text boxes (QLineEdit, QTextEdit, QPlainTextEdit: QWidgetTextControl)
    "&Undo": "&Hoàn tác", "&Redo": "&Làm lại", "Cu&t": "&Cắt", "&Copy": "&Sao chép", "&Paste": "&Dán",
    "Delete": "Xóa", "Select All": "Chọn tất cả", "Copy &Link Location": "Sao chép địa chỉ &liên kết",
    # number boxes and dates (QAbstractSpinBox)
    "&Select All": "Chọn &tất cả", "&Step up": "&Tăng", "Step &down": "&Giảm",
    # scroll bars
    "Scroll here": "Cuộn đến đây", "Left edge": "Sát bên trái", "Top": "Lên đầu", "Right edge": "Sát bên phải",
    "Bottom": "Xuống cuối", "Page left": "Sang trái một trang", "Page up": "Lên một trang",
    "Page right": "Sang phải một trang", "Page down": "Xuống một trang", "Scroll left": "Cuộn sang trái",
    "Scroll up": "Cuộn lên", "Scroll right": "Cuộn sang phải", "Scroll down": "Cuộn xuống",
    # Qt's own file dialog
    "Look in:": "Tìm trong:", "File &name:": "&Tên tệp:", "Files of type:": "Loại tệp:", "&Open": "&Mở",
    "&Choose": "&Chọn", "Back": "Quay lại", "Forward": "Tiến tới", "Parent Directory": "Thư mục cha",
    "Create New Folder": "Tạo thư mục mới", "List View": "Xem dạng danh sách", "Detail View": "Xem chi tiết",
    "Name": "Tên", "Size": "Cỡ", "Type": "Loại", "Date Modified": "Ngày sửa", "New Folder": "Thư mục mới",
    "&Delete": "&Xóa", "&Rename": "Đổi &tên", "Show &hidden files": "Hiện tệp &ẩn", "&New Folder": "Thư mục &mới",
    "All Files (*)": "Mọi tệp (*)", "Directory:": "Thư mục:", "Recent Places": "Nơi mở gần đây",
    "My Computer": "Máy tính", "Computer": "Máy tính", "Drive": "Ổ đĩa", "File": "Tệp", "File Folder": "Thư mục",
    "Folder": "Thư mục", "Unknown": "Không rõ",
    "%1 already exists.\nDo you want to replace it?": "Đã có tệp %1.\nGhi đè lên tệp này?",
    "%1\nFile not found.\nPlease verify the correct file name was given.":
        "%1\nKhông tìm thấy tệp.\nHãy xem lại tên tệp.",
    "Are you sure you want to delete '%1'?": "Xóa «%1»?",
    # Qt's own print dialog (Linux; Windows shows its own, in Windows' language)
    "Print": "In", "&Print": "&In", "Printer": "Máy in", "&Name:": "&Tên:", "P&roperties": "&Thuộc tính",
    "Location:": "Vị trí:", "Preview": "Xem trước", "Type:": "Loại:", "Output &file:": "Tệp &ra:",
    "Copies": "Số bản", "Copies:": "Số bản:", "Collate": "Xếp theo bộ", "Reverse": "In ngược thứ tự",
    "Print range": "Phạm vi in", "Print all": "In tất cả", "Pages from": "Từ trang", "to": "đến",
    "Pages": "Các trang", "Selection": "Phần đã chọn", "Current Page": "Trang hiện tại", "Options": "Tùy chọn",
    "&Options >>": "&Tùy chọn >>", "&Options <<": "&Tùy chọn <<", "Print to File (PDF)": "In ra tệp (PDF)",
    "Local file": "Tệp trên máy", "Paper": "Giấy", "Page size:": "Khổ giấy:", "Orientation": "Hướng giấy",
    "Portrait": "Dọc", "Landscape": "Ngang", "Duplex Printing": "In hai mặt", "None": "Không",
    "Long side": "Lật theo cạnh dài", "Short side": "Lật theo cạnh ngắn", "Color Mode": "Chế độ màu",
    "Color": "Màu", "Grayscale": "Đen trắng", "Margins": "Lề", "top margin": "lề trên",
    "left margin": "lề trái", "right margin": "lề phải", "bottom margin": "lề dưới",
}
