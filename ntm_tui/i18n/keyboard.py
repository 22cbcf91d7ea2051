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
    "del_rule": ("quy tắc hạn {title}", "deadline rule {title}"),
}
