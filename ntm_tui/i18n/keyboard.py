"""Labels of the keyboard workflow (issue 16): deleting, clearing, searching."""
LABELS = {
    "key_delete": ("Xoá", "Delete"),
    "key_clear_assignment": ("Bỏ phân công", "Clear assignment"),
    "del_title": ("Xoá?", "Delete?"),
    "del_question": ("Xoá «{what}»? Ctrl+Z khôi phục lại được.",
                     "Delete «{what}»? Ctrl+Z brings it back."),
    "del_done": ("Đã xoá «{what}» (Ctrl+Z: khôi phục).", "Deleted «{what}» (Ctrl+Z: undo)."),
    "btn_delete": ("Xoá (Enter)", "Delete (Enter)"),
    "del_member": ("thành viên {name}", "member {name}"),
    "del_unit": ("đơn vị {name}", "unit {name}"),
    "del_assignment": ("phân công {code}: {name}", "assignment {code}: {name}"),
    "del_evidence": ("hồ sơ {title} (chỉ tiêu {code}, năm {year})",
                     "evidence {title} (indicator {code}, {year})"),
    "del_plan_task": ("nhiệm vụ: {text}", "task: {text}"),
    "del_plan_solution": ("giải pháp: {text}", "solution: {text}"),
    "del_plan_work": ("công trình: {text}", "work: {text}"),
}
LABELS.update({
    "help_search": ("tìm mọi thứ: tiêu chí, kế hoạch, công trình, thành viên, hồ sơ, hạn…",
                    "find anything: criteria, plan, works, members, evidence, deadlines…"),
    "help_search_text": ("từ cần tìm (không cần dấu, thứ tự bất kỳ, viết tắt được)",
                         "words to find (accents optional, any order, abbreviations allowed)"),
    "find_none": ("Không tìm thấy «{text}».", "Nothing found for «{text}»."),
    "search_col_kind": ("Loại", "Kind"),
    "search_col_code": ("Mã", "Code"),
    "search_col_title": ("Nội dung", "What"),
    "search_col_context": ("Thuộc", "Where"),
    "hit_criterion": ("Tiêu chí", "Criterion"),
    "hit_indicator": ("Chỉ tiêu", "Indicator"),
    "hit_plan_text": ("Kế hoạch", "Plan"),
    "hit_task": ("Nhiệm vụ", "Task"),
    "hit_solution": ("Giải pháp", "Solution"),
    "hit_work": ("Công trình", "Work"),
    "hit_member": ("Thành viên", "Member"),
    "hit_unit": ("Đơn vị", "Unit"),
    "hit_evidence": ("Minh chứng", "Evidence"),
    "hit_deadline": ("Hạn", "Deadline"),
    "search_title": ("Tìm kiếm — năm {year}", "Search — {year}"),
    "find_placeholder": ("Gõ từ cần tìm: hoa tan, kim ngan, Hội LHPN…",
                           "Type words to find: hoa tan, kim ngan, Hội LHPN…"),
    "search_count": ("{count} kết quả · Enter: mở · Esc: đóng", "{count} found · Enter: open · Esc: close"),
    "key_find": ("Tìm mọi thứ", "Find anything"),
})
LABELS.update({
    "palette_placeholder": ("Tìm lệnh… (không cần dấu)", "Search for commands…"),
    "palette_none": ("Không tìm thấy", "No matches found"),
})
LABELS.update({
    "rep_exists_box": ("Tệp đã tồn tại: {path}. Đánh dấu ô «{box}» rồi xuất lại để ghi đè.",
                       "The file exists: {path}. Tick «{box}» and export again to replace it."),
})
LABELS.update({
    "help_delete_commune": ("xoá một xã chưa có dữ liệu (nhập nhầm)",
                            "delete a commune that holds no data (entered by mistake)"),
    "commune_deleted": ("Đã xoá xã {name}.", "Deleted the commune {name}."),
})
