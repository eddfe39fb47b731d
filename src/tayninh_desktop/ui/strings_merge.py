"""Vietnamese texts of merging the registers of communes merged into this one (the organisation page's dialog)."""

from __future__ import annotations

from tayninh_desktop.domain.messages_returns import MATCH_LABELS

OPEN = "Hợp nhất sổ của xã sáp nhập…"
TITLE = "Hợp nhất sổ đảng viên của đơn vị sáp nhập"
INTRO = ("Sổ của xã (phường) sáp nhập được đưa vào sổ này: chương trình tìm những người có thể đã có (trùng số CCCD, số"
         " thẻ đảng viên, hoặc họ tên và ngày sinh); anh/chị quyết định từng trường hợp rồi bấm «Hợp nhất». Quá trình"
         " sinh hoạt của mỗi đảng viên được giữ nguyên, với đơn vị cũ.")
SOURCE = "Đợt hợp nhất:"
NO_SOURCE = "— chưa có đợt nào"
SOURCE_LINE = "{name} ({code}), ngày {on} — {state}"
STATES = {"planned": "đang chuẩn bị", "applied": "đã hợp nhất"}
ON_DATE = "Ngày hợp nhất:"
ON_DEFAULT = "01/07/2025"
FROM_FILE = "Lập đợt từ tệp sổ…"
FROM_RETURN = "Lập đợt từ sổ đơn vị gửi kèm báo cáo…"
FILE_FILTER = "Sổ đảng viên (*.sqlite3 *.db);;Mọi tệp (*)"
PICK_UNIT = "Đơn vị đã gửi toàn bộ sổ kèm báo cáo:"
NO_SNAPSHOT = "Chưa nhận được báo cáo nào có kèm toàn bộ sổ đảng viên."
COLUMNS = ("Trùng theo", "Đảng viên của sổ sáp nhập", "Đảng viên đã có", "Quyết định")
PERSON = "{name}\nsinh {birth}\nCCCD {cccd} · thẻ {card}\n({where})"
MATCHED = {k: v[:1].upper() + v[1:] for k, v in MATCH_LABELS.items()}
DECISIONS = {"": "Chưa quyết định", "same": "Cùng một người", "different": "Hai người khác nhau"}
SAME = "Cùng một người"
DIFFERENT = "Hai người khác nhau"
APPLY = "Hợp nhất…"
COUNTS = "{members} đảng viên trong sổ sáp nhập; {pairs} trường hợp có thể trùng, còn {left} chưa quyết định."
COUNTS_NONE = "{members} đảng viên trong sổ sáp nhập; không có trường hợp nào có thể trùng."
APPLIED = "Đợt này đã hợp nhất ngày {on}."
PICK_PAIR = "Chọn một trường hợp trong bảng."
STRONG_HINT = "Trùng {by}: là một người, không ghi được là hai người khác nhau."
CONFIRM = ("Đưa {members} đảng viên của {name} vào sổ này từ ngày {on}? {same} người đã có được giữ một hồ sơ (hồ sơ cũ"
           " giữ làm nguồn gốc). Việc này không hoàn tác được (sao lưu trước nếu cần).")
DONE = "Đã hợp nhất: {count} đảng viên được đưa vào sổ, mỗi người giữ nguyên quá trình sinh hoạt."
PLANNED = "Đã lập đợt hợp nhất {name}: {members} đảng viên, {pairs} trường hợp có thể trùng cần quyết định."
BAD_DATE = "Ngày hợp nhất «{value}» không phải ngày dd/mm/yyyy."
CLOSE = "Đóng"
