"""The change log in the officer's words: "Giá trị: 13,15 % → 3,8 %", "Kết quả: Chưa đạt → Đạt",
"Đã xong: chưa → rồi". Stored field names, status keys and ISO dates never reach the screen:
`history`, the detail screen and anything else the officer reads use this one wording."""
from __future__ import annotations

from datetime import date

from db.changelog import ChangeEntry

_FIELDS = {  # field → (vi, en); a field not named here is said as "Thông tin khác"
    "status": ("Trạng thái", "Status"), "value": ("Giá trị", "Value"),
    "numerator": ("Tử số", "Numerator"), "denominator": ("Mẫu số", "Denominator"),
    "data_date": ("Ngày số liệu", "Data date"), "note": ("Ghi chú", "Note"),
    "done": ("Đã xong", "Done"), "text": ("Nội dung", "Text"), "title": ("Tên", "Title"),
    "hamlet": ("Ấp", "Hamlet"), "due_date": ("Hạn", "Due"), "submitted_on": ("Ngày nộp", "Submitted on"),
    "lead": ("Người phụ trách", "Lead"), "name": ("Họ tên", "Name"), "position": ("Chức vụ", "Position"),
    "phone": ("Điện thoại", "Phone"), "short_name": ("Tên viết tắt", "Short name"),
    "doc_number": ("Số văn bản", "Document number"), "doc_date": ("Ngày văn bản", "Document date"),
    "issuer": ("Cơ quan ban hành", "Issuer"), "location": ("Nơi lưu", "Kept at"),
    "funding_note": ("Nguồn vốn", "Funding"), "cost": ("Kinh phí", "Cost"),
    "content": ("Nội dung", "Content"), "threshold": ("Ngưỡng", "Threshold"),
    "unit": ("Đơn vị", "Unit"), "file": ("Tệp", "File"), "held_on": ("Ngày họp", "Held on"),
    "person": ("Người thực hiện", "Person"), "enabled": ("Đang dùng", "In use"),
    "kind": ("Loại", "Kind"), "body": ("Nội dung", "Text"), "code": ("Mã", "Code"),
    "issuing_body": ("Cơ quan chủ quản", "Parent body"), "issuing_unit": ("Cơ quan ban hành", "Issuer"),
    "signer_name": ("Người ký", "Signer"), "recipients": ("Nơi nhận", "Recipients"),
    "funding_source": ("Nguồn kinh phí", "Source of funds"), "province": ("Tỉnh", "Province"),
    "district": ("Huyện", "District"), "commune": ("Xã", "Commune"),
    "frequency": ("Lặp lại", "Repeats"), "place": ("Địa danh", "Place"),
    "chi_dao": ("Công tác chỉ đạo, điều hành", "Direction"), "ton_tai": ("Tồn tại, hạn chế", "Shortcomings"),
}
_RESULT_STATUS = {"met": ("Đạt", "Met"), "not_met": ("Chưa đạt", "Not met"),
                  "na": ("Không áp dụng", "Not applicable"),
                  "unassessed": ("Chưa đánh giá", "Not assessed")}
_STATUS = {  # table → its status words
    "result": _RESULT_STATUS,
    "work_item": {"planned": ("Chưa thực hiện", "Planned"), "in_progress": ("Đang thực hiện", "In progress"),
                  "done": ("Hoàn thành", "Done"), "cancelled": ("Không thực hiện", "Cancelled")},
    "evidence_item": {"missing": ("Còn thiếu", "Missing"), "collected": ("Đã có", "Collected"),
                      "checked": ("Đã kiểm tra", "Checked")},
    "deadline": {"open": ("Chưa nộp", "Open"), "submitted": ("Đã nộp", "Submitted")},
}
_RECORDS = {"result": ("Kết quả", "Result"), "plan_item": ("Nhiệm vụ, giải pháp", "Task or solution"),
            "work_item": ("Công trình", "Work"), "evidence_item": ("Minh chứng", "Evidence"),
            "assignment": ("Phân công", "Assignment"), "plan_target": ("Mục tiêu", "Target"),
            "indicator": ("Chỉ tiêu", "Indicator"), "deadline": ("Hạn", "Deadline"),
            "deadline_rule": ("Lịch định kỳ", "Recurring deadline"), "member": ("Thành viên", "Member"),
            "unit": ("Đơn vị", "Unit"), "plan": ("Kế hoạch", "Plan"), "plan_section": ("Kế hoạch", "Plan"),
            "commune": ("Xã", "Commune"), "setting": ("Cài đặt", "Settings"),
            "criterion": ("Tiêu chí", "Criterion"), "criteria_set": ("Bộ tiêu chí", "Criteria set")}
_HIDDEN = {"value_number", "version", "updated_at", "updated_by"}  # said by another field
_ACTIONS = {"create": ("Thêm mới", "Added"), "delete": ("Xóa", "Deleted")}
_EMPTY = ("(trống)", "(empty)")


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "en" else pair[0]


def field_words(field: str, lang: str = "vi") -> str:
    """A stored field's name as the officer reads it ("funding_note" → "Nguồn vốn")."""
    return _pick(_FIELDS.get(field, ("Thông tin", "Detail")), lang)


def shown(entry: ChangeEntry) -> bool:
    """Whether the entry says something of its own (the number behind a value does not)."""
    return entry.field not in _HIDDEN


def number_words(text: str, unit: str = "") -> str:
    """"13.15" / "13,15" → "13,15 %" with the unit; thousands grouped ("1.234.567")."""
    from db import rules

    try:
        number = rules.parse_number(text)
    except Exception:  # not a number: as typed
        return text
    words = rules.format_number(number, decimals=4, thousands=True)
    return f"{words} {unit}".strip() if unit else words


def value_words(field: str, text: str | None, table: str, lang: str = "vi", unit: str = "") -> str:
    if text is None or text == "":
        return _pick(_EMPTY, lang)
    if field == "status" and text in _STATUS.get(table, {}):
        return _pick(_STATUS[table][text], lang)
    if field in ("done", "enabled"):
        yes = text in ("1", "True", "true")
        return (("rồi", "yes") if yes else ("chưa", "no"))[lang == "en"] if field == "done" \
            else (("có", "yes") if yes else ("không", "no"))[lang == "en"]
    if field.endswith("_date") or field in ("submitted_on", "held_on"):
        try:
            return date.fromisoformat(text[:10]).strftime("%d/%m/%Y")
        except ValueError:
            return text
    if field in ("value", "numerator", "denominator", "threshold", "cost"):
        return number_words(text, unit if field == "value" else "")
    return text


def describe(entry: ChangeEntry, lang: str = "vi", unit: str = "") -> str:
    """One change in words; `unit`: the indicator's, for a result's value ("%")."""
    if entry.action in _ACTIONS:
        return _pick(_ACTIONS[entry.action], lang)
    name = _FIELDS.get(entry.field, ("Thông tin khác", "Other detail"))
    if entry.table == "result" and entry.field == "status":
        name = ("Kết quả", "Result")
    old = value_words(entry.field, entry.old, entry.table, lang, unit)
    new = value_words(entry.field, entry.new, entry.table, lang, unit)
    return f"{_pick(name, lang)}: {old} → {new}"


def record_words(entry: ChangeEntry, lang: str = "vi") -> str:
    """What was changed: "Kết quả 12.1 / 2023", "Công trình Đường ấp Hòa Tân"."""
    kind = _pick(_RECORDS.get(entry.table, ("Khác", "Other")), lang)
    return f"{kind} {entry.label}".strip()


def who(entry: ChangeEntry) -> str:
    """The name chosen in the settings, then the Unix login in brackets when it differs:
    anyone can type a name, only the login says which account made the change."""
    login = entry.login or ""
    return f"{entry.user} ({login})" if login and login != entry.user else entry.user


def result_units(entries: list[ChangeEntry]) -> dict[int, str]:
    """Result id → its indicator's unit, in one query, for the values of a list of entries."""
    from db.models import Indicator, Result

    ids = {e.record_id for e in entries if e.table == "result" and e.field == "value"}
    if not ids:
        return {}
    return {rid: unit or "" for rid, unit in Result.select(Result.id, Indicator.unit)
            .join(Indicator).where(Result.id.in_(list(ids))).tuples()}


def in_words(entries: list[ChangeEntry], lang: str = "vi") -> list[tuple[ChangeEntry, str]]:
    """The entries worth showing, each with its words."""
    units = result_units(entries)
    return [(e, describe(e, lang, units.get(e.record_id, "") if e.table == "result" else ""))
            for e in entries if shown(e)]
