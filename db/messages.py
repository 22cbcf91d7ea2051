"""User-facing messages raised from db/: Vietnamese first, English as the option."""
from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "db_missing": ("Không tìm thấy tệp cơ sở dữ liệu: {path}",
                   "Database file not found: {path}"),
    "db_not_sqlite": ("Tệp không phải cơ sở dữ liệu SQLite hoặc đã hỏng: {path}",
                      "Not an SQLite database, or the file is damaged: {path}"),
    "db_unreadable": ("Không đọc được tệp cơ sở dữ liệu (quyền truy cập?): {path}",
                      "Cannot read the database file (permissions?): {path}"),
    "db_readonly": ("Cơ sở dữ liệu chỉ đọc, không thể ghi: {path}",
                    "The database is read-only, cannot write: {path}"),
    "db_full": ("Ổ đĩa đầy, không ghi được: {path}", "The disk is full, cannot write: {path}"),
    "db_newer": ("Cơ sở dữ liệu thuộc phiên bản mới hơn (lược đồ {found} > {supported}); hãy cập nhật ntm-tui.",
                 "The database comes from a newer version (schema {found} > {supported}); update ntm-tui."),
    "db_locked": ("Cơ sở dữ liệu đang bận, vui lòng thử lại.", "The database is busy, please try again."),
    "db_error": ("Lỗi cơ sở dữ liệu: {detail}", "Database error: {detail}"),
    "dir_create_failed": ("Không tạo được thư mục: {path}", "Cannot create the folder: {path}"),
    "no_commune": ("Chưa có xã nào trong cơ sở dữ liệu. Chạy: ntm-tui init --commune TÊN ... hoặc ntm-tui demo",
                   "No commune in the database. Run: ntm-tui init --commune NAME ... or ntm-tui demo"),
    "commune_not_found": ("Không tìm thấy xã: {name}", "Commune not found: {name}"),
    "commune_ambiguous": ("Có nhiều xã trùng tên: {name}", "Several communes match: {name}"),
    "commune_exists": ("Xã đã có trong cơ sở dữ liệu: {name}", "The commune already exists: {name}"),
    "indicator_not_found": ("Không có chỉ tiêu mã {code} trong bộ tiêu chí {set}",
                            "No indicator with code {code} in criteria set {set}"),
    "criterion_not_found": ("Không có tiêu chí mã {code}", "No criterion with code {code}"),
    "year_out_of_range": ("Năm {year} nằm ngoài giai đoạn của bộ tiêu chí ({start}–{end})",
                          "Year {year} is outside the criteria set's period ({start}–{end})"),
    "year_invalid": ("Năm không hợp lệ: {value}", "Invalid year: {value}"),
    "value_not_number": ("Giá trị phải là số (vd. 72,5 hoặc 72.5): {value}",
                         "The value must be a number (e.g. 72,5 or 72.5): {value}"),
    "value_not_yesno": ("Giá trị phải là Đạt/Không đạt (có/không): {value}",
                        "The value must be met/not met (yes/no): {value}"),
    "met_invalid": ("--met phải là yes, no hoặc na: {value}", "--met must be yes, no or na: {value}"),
    "nothing_to_set": ("Cần ít nhất một trong --value, --met, --note", "Give at least one of --value, --met, --note"),
    "date_invalid": ("Ngày không hợp lệ (dd/mm/yyyy hoặc yyyy-mm-dd): {value}",
                     "Invalid date (dd/mm/yyyy or yyyy-mm-dd): {value}"),
    "text_too_long": ("Nội dung quá dài ({length} > {limit} ký tự)", "Text too long ({length} > {limit} characters)"),
    "text_required": ("Không được để trống: {field}", "Must not be empty: {field}"),
    "denominator_zero": ("Mẫu số phải lớn hơn 0", "The denominator must be greater than 0"),
    "catalogue_invalid": ("Bộ tiêu chí không hợp lệ ({where}): {problem}", "Invalid criteria set ({where}): {problem}"),
    "catalogue_unreadable": ("Không đọc được tệp bộ tiêu chí: {path}", "Cannot read the criteria set file: {path}"),
    "record_not_found": ("Không tìm thấy bản ghi {table} #{id}", "Record {table} #{id} not found"),
    "conflict": ("Bản ghi đã được người khác sửa ({who}, {when}); màn hình đã được làm mới, hãy thử lại.",
                 "The record was changed by someone else ({who}, {when}); the view was refreshed, try again."),
    "choice_invalid": ("Giá trị không hợp lệ cho {field}: {value}", "Invalid value for {field}: {value}"),
    "font_not_found": ("Không tìm thấy tệp phông chữ: {path}", "Font file not found: {path}"),
    "font_not_ttf": ("Phông chữ phải là tệp .ttf (TrueType): {path}", "The font must be a .ttf (TrueType) file: {path}"),
    "not_a_folder": ("Không phải thư mục (đã có tệp trùng tên): {path}",
                     "Not a folder (a file has that name): {path}"),
}


def translate(key: str, lang: str = "vi", **params: object) -> str:
    vi, en = MESSAGES.get(key, (key, key))
    template = en if lang == "en" else vi
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        return template
