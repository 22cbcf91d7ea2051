"""Words of the PDF reports, Vietnamese (default) and English. The official parts of the
format (national title, motto, document type) stay Vietnamese in both."""
from __future__ import annotations

LABELS: dict[str, tuple[str, str]] = {
    "number": ("Số:", "No.:"),
    "recipients": ("Nơi nhận:", "Recipients:"),
    "criterion": ("Tiêu chí", "Criterion"),
    "indicator": ("Chỉ tiêu", "Indicator"),
    "task": ("Nhiệm vụ", "Task"),
    "solution": ("Giải pháp thực hiện", "Solution"),
    "works": ("Công trình thực hiện", "Works"),
    "no_tasks": ("Chưa ghi nhiệm vụ, giải pháp.", "No task or solution recorded yet."),
    "hamlet_of": ("ấp {hamlet}", "hamlet {hamlet}"),
    "funding": ("kinh phí: {note}", "funding: {note}"),
    "due_on": ("hạn {date}", "due {date}"),
    "unassigned": ("Chưa phân công", "Not assigned"),
    "counts_and": ("{cm}/{ct} tiêu chí và {im}/{it} chỉ tiêu", "{cm}/{ct} criteria and {im}/{it} indicators"),
    "purpose": ("Mục đích", "Purpose"),
    "requirements": ("Yêu cầu", "Requirements"),
    "plan_part_I": ("I. MỤC ĐÍCH, YÊU CẦU", "I. PURPOSE AND REQUIREMENTS"),
    "plan_part_II": ("II. NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU", "II. MAIN TASKS AND SOLUTIONS"),
    "plan_part_III": ("III. TỔ CHỨC THỰC HIỆN", "III. IMPLEMENTATION"),
    "plan_part_IV": ("IV. CHẾ ĐỘ HỘI HỢP, BÁO CÁO", "IV. MEETINGS AND REPORTING"),
    "plan_baseline": ("- Tính đến cuối năm {prev}, xã {commune} đã hoàn thành {counts}.",
                      "- By the end of {prev}, {commune} commune had reached {counts}."),
    "plan_target": ("- Phấn đấu đến cuối năm {year} hoàn thành thêm {n_crit} tiêu chí: {crit} và "
                    "{n_ind} chỉ tiêu: {ind} để nâng lên {counts}.",
                    "- By the end of {year}, reach {n_crit} more criteria: {crit} and {n_ind} more "
                    "indicators: {ind}, raising the total to {counts}."),
    "plan_target_indicators": ("- Phấn đấu đến cuối năm {year} hoàn thành thêm {n_ind} chỉ tiêu: {ind} để "
                               "nâng lên {counts}.",
                               "- By the end of {year}, reach {n_ind} more indicators: {ind}, raising the "
                               "total to {counts}."),
    "plan_target_none": ("- Kế hoạch năm {year} chưa đề ra tiêu chí, chỉ tiêu nào phấn đấu đạt thêm; "
                         "tiếp tục duy trì {counts}.",
                         "- The {year} plan sets no further criterion or indicator to reach; "
                         "{counts} are to be maintained."),
    "plan_criteria_tasks": ("Nhiệm vụ thực hiện các tiêu chí xã NTM", "Tasks per criterion"),
    "plan_criteria_intro": (
        "Phân công nhiệm vụ cụ thể cho cán bộ, công chức, các ngành phụ trách từng tiêu chí, chỉ "
        "tiêu; các tiêu chí, chỉ tiêu đã đạt tiếp tục duy trì, củng cố, nâng chất, hoàn thành các "
        "hồ sơ minh chứng đúng quy định.",
        "Each criterion and indicator is assigned to an officer or a unit; those already met are "
        "maintained and their evidence completed."),
    "plan_assignments": ("Phân công phụ trách các tiêu chí", "Who leads each criterion"),
    "plan_assignments_basis": ("Theo Quyết định số {decisions}:", "As decided in {decisions}:"),
    "plan_schedule": ("- Lịch báo cáo, hội họp năm {year}:", "- Reporting and meeting schedule for {year}:"),
    "rule_monthly": ("{title}: ngày {day} hàng tháng, chậm nhất ngày {latest};",
                     "{title}: the {day}th of each month, at the latest the {latest}th;"),
    "rule_quarterly": ("{title}: ngày {day} tháng thứ {month} của quý, chậm nhất ngày {latest};",
                       "{title}: day {day} of month {month} of the quarter, at the latest day {latest};"),
    "rule_yearly": ("{title}: ngày {day} tháng {month}, chậm nhất ngày {latest};",
                    "{title}: {day}/{month}, at the latest day {latest};"),
    "meeting_monthly": ("{title}: ít nhất 01 lần/tháng;", "{title}: at least once a month;"),
    "meeting_quarterly": ("{title}: ít nhất 01 lần/quý;", "{title}: at least once a quarter;"),
    "meeting_yearly": ("{title}: ít nhất 01 lần/năm;", "{title}: at least once a year;"),
    "plan_closing": ("Trên đây là kế hoạch {subject}./.", "This is the plan {subject}./."),
    "cell_cut": ("(xem ghi chú {n})", "(see note {n})"),
    "notes": ("Ghi chú:", "Notes:"),
    "col_no": ("TT", "No."),
    "col_code": ("Mã", "Code"),
    "col_criterion_no": ("TC", "Crit."),
    "col_criterion": ("Tiêu chí", "Criterion"),
    "col_content": ("Nội dung", "Content"),
    "col_lead": ("Thành viên phụ trách", "Lead"),
    "col_position": ("Chức vụ", "Position"),
    "col_supports": ("Đơn vị phối hợp", "Supporting units"),
    "col_target": ("Chỉ tiêu yêu cầu", "Target"),
    "col_value": ("Giá trị", "Value"),
    "col_result": ("Kết quả", "Result"),
    "status_met": ("Đạt", "Met"),
    "status_not_met": ("Chưa đạt", "Not met"),
    "status_na": ("Không áp dụng", "N/A"),
    "status_unassessed": ("Chưa đánh giá", "Not assessed"),
    "report_subject": ("Kết quả thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới {period}",
                       "Progress of the national new rural area programme, {period}"),
    "report_intro_plan": ("Thực hiện {plan} về việc thực hiện Chương trình mục tiêu quốc gia xây dựng "
                          "nông thôn mới, Ban quản lý xây dựng nông thôn mới xã {commune} báo cáo kết "
                          "quả thực hiện {period} như sau:",
                          "Under {plan}, the new rural area board of {commune} commune reports its "
                          "progress for {period} as follows:"),
    "report_intro": ("Ban quản lý xây dựng nông thôn mới xã {commune} báo cáo kết quả thực hiện Chương "
                     "trình mục tiêu quốc gia xây dựng nông thôn mới {period} như sau:",
                     "The new rural area board of {commune} commune reports its progress for "
                     "{period} as follows:"),
    "report_part_I": ("I. KẾT QUẢ THỰC HIỆN", "I. RESULTS"),
    "report_part_II": ("II. NHIỆM VỤ TRỌNG TÂM THỜI GIAN TỚI", "II. NEXT STEPS"),
    "report_overview": ("Kết quả chung", "Overview"),
    "report_counts": ("Đến nay, xã đạt {counts}.", "To date the commune meets {counts}."),
    "at_start": ("Đầu năm (cuối năm {prev})", "Start of year (end of {prev})"),
    "at_now": ("Hiện nay", "Now"),
    "at_target": ("Mục tiêu năm {year}", "Target for {year}"),
    "col_milestone": ("Thời điểm", "When"),
    "col_criteria_met": ("Tiêu chí đạt", "Criteria met"),
    "col_indicators_met": ("Chỉ tiêu đạt", "Indicators met"),
    "report_indicators": ("Kết quả từng chỉ tiêu", "Result of each indicator"),
    "col_lead_short": ("Phụ trách", "Lead"),
    "report_changes": ("Thay đổi trong kỳ", "Changes in the period"),
    "report_no_changes": ("Không có thay đổi nào được ghi nhận trong kỳ.", "No change was recorded in the period."),
    "action_create": ("thêm mới", "added"),
    "action_delete": ("xóa", "deleted"),
    "field_status": ("kết quả", "result"),
    "field_value": ("giá trị", "value"),
    "field_note": ("ghi chú", "note"),
    "field_lead": ("người phụ trách", "lead"),
    "field_done": ("hoàn thành", "done"),
    "field_text": ("nội dung", "text"),
    "field_title": ("tên", "title"),
    "field_due_date": ("hạn", "due date"),
    "field_submitted_on": ("ngày nộp", "submitted on"),
    "table_result": ("Kết quả chỉ tiêu", "Indicator result"),
    "table_plan_item": ("Nhiệm vụ, giải pháp", "Task or solution"),
    "table_work_item": ("Công trình", "Work"),
    "table_evidence_item": ("Hồ sơ minh chứng", "Evidence"),
    "table_assignment": ("Phân công", "Assignment"),
    "table_deadline": ("Hạn báo cáo", "Deadline"),
    "table_plan_target": ("Mục tiêu kế hoạch", "Plan target"),
    "table_indicator": ("Chỉ tiêu", "Indicator"),
    "col_date": ("Ngày", "Date"),
    "col_record": ("Nội dung", "Record"),
    "col_change": ("Thay đổi", "Change"),
    "col_user": ("Người thực hiện", "By"),
    "report_works": ("Tiến độ các công trình", "Progress of works"),
    "report_no_works": ("Kế hoạch năm không có công trình.", "The year's plan has no works."),
    "work_planned": ("Chưa triển khai", "Planned"),
    "work_in_progress": ("Đang thực hiện", "In progress"),
    "work_done": ("Hoàn thành", "Done"),
    "work_cancelled": ("Không thực hiện", "Cancelled"),
    "overdue": ("quá hạn", "overdue"),
    "col_indicator": ("Chỉ tiêu", "Indicator"),
    "col_work": ("Công trình", "Work"),
    "col_hamlet": ("Ấp", "Hamlet"),
    "col_funding": ("Nguồn kinh phí", "Funding"),
    "col_due": ("Hạn", "Due"),
    "col_latest": ("Chậm nhất", "At the latest"),
    "col_state": ("Tình trạng", "State"),
    "report_evidence": ("Hồ sơ minh chứng", "Evidence dossier"),
    "col_ind_with_evidence": ("Chỉ tiêu có hồ sơ", "Indicators with evidence"),
    "col_items_ready": ("Hồ sơ đã có / tổng số", "Items ready / total"),
    "col_ind_without": ("Chỉ tiêu chưa có hồ sơ", "Indicators without evidence"),
    "report_deadlines": ("Thực hiện chế độ báo cáo, hội họp", "Reports and meetings"),
    "report_no_deadlines": ("Không có hạn báo cáo, hội họp nào trong kỳ.", "No deadline in the period."),
    "report_deadline_summary": ("Trong kỳ có {total} hạn báo cáo, hội họp: {on_time} đã thực hiện đúng "
                                "hạn, {late} trễ hạn, {open} chưa đến hạn hoặc đang chờ.",
                                "{total} deadlines in the period: {on_time} met on time, {late} late, "
                                "{open} not yet due or pending."),
    "dl_submitted": ("Đã thực hiện ngày {date}", "Done on {date}"),
    "dl_submitted_late": ("Thực hiện trễ hạn, ngày {date}", "Done late, on {date}"),
    "dl_upcoming": ("Chưa đến hạn", "Not yet due"),
    "dl_due": ("Đến hạn, chưa thực hiện", "Due, not done"),
    "dl_late": ("Trễ hạn, chưa thực hiện", "Late, not done"),
    "report_all_targets_met": ("Các chỉ tiêu đăng ký trong năm đều đã đạt; tiếp tục duy trì, nâng chất.",
                               "Every indicator targeted this year is met; keep them up."),
    "report_closing": ("Trên đây là báo cáo kết quả thực hiện Chương trình mục tiêu quốc gia xây dựng "
                       "nông thôn mới {period}./.",
                       "This is the progress report of the new rural area programme for {period}./."),
    "evidence_subject": ("Danh mục hồ sơ minh chứng các tiêu chí, chỉ tiêu xã nông thôn mới năm {year}",
                         "Evidence dossier of the new rural area criteria and indicators, {year}"),
    "evidence_summary": ("Hồ sơ minh chứng năm: {total} hồ sơ, đã có {ready}, còn thiếu {missing}; "
                         "{empty}/{indicators} chỉ tiêu chưa có hồ sơ nào.",
                         "Evidence for the year: {total} items, {ready} ready, {missing} missing; "
                         "{empty}/{indicators} indicators have no item yet."),
    "evidence_empty_list": ("Các chỉ tiêu chưa có hồ sơ: {codes}.", "Indicators without evidence: {codes}."),
    "evidence_table": ("Danh mục hồ sơ theo tiêu chí, chỉ tiêu", "Evidence by criterion and indicator"),
    "evidence_none": ("Chưa có hồ sơ", "No evidence"),
    "evidence_missing": ("Còn thiếu", "Missing"),
    "evidence_missing_count": ("Thiếu {missing}/{total}", "{missing}/{total} missing"),
    "evidence_complete": ("Đủ hồ sơ", "Complete"),
    "evidence_collected": ("Đã thu thập", "Collected"),
    "evidence_checked": ("Đã kiểm tra", "Checked"),
    "evidence_closing": ("Đề nghị các thành viên phụ trách bổ sung các hồ sơ còn thiếu, hoàn chỉnh hồ sơ "
                         "minh chứng năm {year} đúng quy định./.",
                         "Members in charge are asked to complete the missing evidence for {year}./."),
    "col_evidence": ("Hồ sơ minh chứng", "Evidence"),
    "col_document": ("Số, ngày, cơ quan ban hành", "Number, date, issuer"),
    "col_location": ("Nơi lưu", "Kept at"),
    "col_responsible": ("Người phụ trách", "Responsible"),
    "assignments_subject": ("Phân công thành viên Ban quản lý phụ trách các tiêu chí, chỉ tiêu xã nông "
                            "thôn mới năm {year}",
                            "Board members in charge of the new rural area criteria and indicators, {year}"),
    "assignments_intro_decision": ("Thực hiện Quyết định số {decisions}, Ban quản lý xây dựng nông thôn "
                                   "mới xã {commune} phân công thành viên phụ trách các tiêu chí, chỉ "
                                   "tiêu như sau:",
                                   "Under {decisions}, the new rural area board of {commune} commune "
                                   "assigns its members as follows:"),
    "assignments_intro": ("Ban quản lý xây dựng nông thôn mới xã {commune} phân công thành viên phụ "
                          "trách các tiêu chí, chỉ tiêu như sau:",
                          "The new rural area board of {commune} commune assigns its members as follows:"),
    "assignments_table": ("Bảng phân công", "Assignments"),
    "assignments_closing": ("Thành viên được phân công chịu trách nhiệm về tiến độ, kết quả thực hiện và "
                            "hồ sơ minh chứng của tiêu chí, chỉ tiêu mình phụ trách./.",
                            "Each member answers for the progress, results and evidence of the "
                            "criteria and indicators they lead./."),
}


def label(key: str, lang: str = "vi", default: str | None = None, **params: object) -> str:
    """The label in `lang`; an unknown key gives `default` (or the key itself)."""
    fallback = key if default is None else default
    vi, en = LABELS.get(key, (fallback, fallback))
    text = en if lang == "en" else vi
    return text.format(**params) if params else text
