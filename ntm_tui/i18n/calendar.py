"""Labels of the reporting calendar: deadlines, submit, the rules editor."""
from __future__ import annotations


def describe_when(rule) -> str:
    """"ngày 10 / ngày 15", "10/11 / 20/11": a rule's due and latest days in the officer's words."""
    from ntm_tui.i18n import t

    def one(day, month):
        return t(f"dl_when_{rule.frequency}", day=day, month=month or "") if day else "—"
    text = f"{one(rule.due_day, rule.due_month)} / {one(rule.latest_day, rule.latest_month or rule.due_month)}"
    starts = getattr(rule, "starts_on", None)  # a rule added later: nothing due before that day
    return text + " " + t("dl_rule_from", date=starts.strftime("%d/%m/%Y")) if starts else text

LABELS = {
    "dl_col_id": ("Mã", "ID"),
    "dl_rule_from": ("(từ {date})", "(from {date})"),
    "dl_help_note": ("ghi chú cho một hạn báo cáo", "a note on a deadline"),
    "dl_help_note_text": ("nội dung ghi chú (\"\" để xóa)", "the note (\"\" removes it)"),
    "dl_note_done": ("Đã ghi chú: {title}", "Note saved: {title}"),
    "dl_note_removed": ("Đã xóa ghi chú: {title}", "Note removed: {title}"),
    "dl_help_id": ("mã hạn như ntm-tui deadlines ghi: R1-2024-03 (quy định 1, tháng 3/2024), R2-2024-Q1, "
                   "R3-2024, W12 (công việc), E40 (minh chứng), D7",
                   "the deadline's ID as ntm-tui deadlines shows it: R1-2024-03 (rule 1, March 2024), "
                   "R2-2024-Q1, R3-2024, W12 (work item), E40 (evidence), D7"),
    "dl_col_due": ("Hạn", "Due"),
    "dl_col_latest": ("Chậm nhất", "Latest"),
    "dl_col_title": ("Nội dung", "What"),
    "dl_col_state": ("Trạng thái", "State"),
    "dl_col_flag": ("Lưu ý", "Note"),
    "dl_state_upcoming": ("Sắp đến hạn", "Upcoming"),
    "dl_state_due": ("Đến hạn", "Due"),
    "dl_state_late": ("Trễ hạn", "Late"),
    "dl_state_submitted": ("Đã nộp", "Submitted"),
    "dl_flag_suggest": ("{flag}: nên nộp ngày {date}", "{flag}: send on {date}"),
    "dl_submitted_on": ("nộp {date} ({who})", "sent {date} ({who})"),
    "dl_late_line": ("TRỄ HẠN: [{id}] {title} (hạn {due}, chậm nhất {latest})",
                  "LATE: [{id}] {title} (due {due}, latest {latest})"),
    "dl_late_none": ("Không có hạn nào bị trễ.", "Nothing is late."),
    "dl_deadlines_none": ("Không có hạn nào trong khoảng này.", "No deadline in this range."),
    "dl_no_such_folder": ("không có thư mục này", "no such folder"),
    "dl_ics_done": ("Đã ghi {count} hạn vào lịch {path}", "Wrote {count} deadlines to the calendar {path}"),
    "dl_submit_done": ("Đã ghi nhận nộp: {title}, ngày {date}", "Recorded as sent: {title}, on {date}"),
    "dl_unsubmit_done": ("Đã hủy ghi nhận nộp: {title} (nay: {state})", "Submission cancelled: {title} (now: {state})"),
    "dl_help_unsubmit": ("hủy ghi nhận đã nộp (ghi nhầm)", "cancel a submission recorded by mistake"),
    "dl_help_deadlines": ("lịch hạn báo cáo, họp",
                       "reporting and meeting deadlines"),
    "dl_help_submit": ("ghi nhận đã nộp báo cáo", "mark a report sent"),
    "dl_help_late": ("chỉ liệt kê hạn trễ; thoát mã 1 nếu có (dùng trong script đăng nhập)",
                  "list only what is late; exit 1 if anything is (for a login script)"),
    "dl_help_ics": ("ghi tệp iCalendar (.ics) cho lịch điện thoại", "write an iCalendar (.ics) file for a phone"),
    "dl_help_overwrite": ("ghi đè tệp .ics đã có", "replace an existing .ics file"),
    "dl_ics_description": ("Hạn nộp: {due}. Chậm nhất: {latest}.", "Due: {due}. Latest: {latest}."),
    "dl_ics_calendar_name": ("Hạn báo cáo NTM xã {commune}", "NTM deadlines, {commune}"),
    # the rules editor
    "dl_help_rules": ("quy định hạn báo cáo: xem, thêm, sửa, tắt/bật", "deadline rules: list, add, edit, off/on"),
    "dl_rules_off_done": ("Đã tắt quy định: {title}", "Rule switched off: {title}"),
    "dl_rules_on_done": ("Đã bật quy định: {title}", "Rule switched on: {title}"),
    "dl_rules_title": ("Quy định hạn báo cáo", "Deadline rules"),
    "dl_rules_find": ("Tìm", "Find"),
    "dl_rules_find_hint": ("Tìm quy định (không cần dấu)…", "Find a rule (accents optional)…"),
    "dl_rules_add": ("Thêm", "Add"),
    "dl_rules_edit": ("Sửa", "Edit"),
    "dl_rules_toggle": ("Bật/tắt", "On/off"),
    "dl_rules_back": ("Quay lại", "Back"),
    "dl_rules_none": ("Chưa có quy định nào.", "No rules yet."),
    "dl_col_rule": ("Quy định", "Rule"),
    "dl_col_frequency": ("Lặp lại", "Repeats"),
    "dl_col_when": ("Hạn / chậm nhất", "Due / latest"),
    "dl_col_active": ("Đang dùng", "Active"),
    "dl_yes": ("có", "yes"),
    "dl_no": ("không", "no"),
    "dl_freq_monthly": ("Hằng tháng", "Monthly"),
    "dl_freq_quarterly": ("Hằng quý", "Quarterly"),
    "dl_freq_yearly": ("Hằng năm", "Yearly"),
    "dl_when_monthly": ("ngày {day}", "day {day}"),
    "dl_when_quarterly": ("ngày {day}, tháng {month} của quý", "day {day}, month {month} of the quarter"),
    "dl_when_yearly": ("{day}/{month}", "{day}/{month}"),
    "dl_kind_monthly_report": ("Báo cáo tháng", "Monthly report"),
    "dl_kind_quarterly_report": ("Báo cáo quý", "Quarterly report"),
    "dl_kind_annual_report": ("Báo cáo năm", "Annual report"),
    "dl_kind_board_meeting": ("Họp BQL", "Board meeting"),
    "dl_kind_custom": ("Khác", "Other"),
    "dl_form_rule_new": ("Thêm quy định hạn", "New deadline rule"),
    "dl_form_rule_edit": ("Sửa quy định hạn", "Edit deadline rule"),
    "dl_field_title": ("Tên", "Title"),
    "dl_field_kind": ("Loại", "Kind"),
    "dl_field_frequency": ("Lặp lại", "Repeats"),
    "dl_field_due_day": ("Ngày hạn (1–31)", "Due day (1–31)"),
    "dl_field_due_month": ("Tháng hạn (năm: 1–12, quý: 1–3)", "Due month (year: 1–12, quarter: 1–3)"),
    "dl_field_latest_day": ("Ngày chậm nhất (để trống nếu không có)", "Latest day (empty if none)"),
    "dl_field_latest_month": ("Tháng chậm nhất", "Latest month"),
    "dl_form_save": ("Lưu", "Save"),
    "dl_form_cancel": ("Hủy", "Cancel"),
    "dl_rule_saved": ("Đã lưu quy định: {title}", "Rule saved: {title}"),
    "dl_rules_delete": ("Xoá", "Delete"),  # issue 16
    "dl_rule_delete_what": ("quy định hạn {title}", "deadline rule {title}"),
}
