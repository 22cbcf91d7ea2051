"""Labels of the year's plan: targets, the plan's text and document, in the app and on the command line."""
LABELS = {
    "targets_none": ("Năm {year} chưa có chỉ tiêu nào được chọn làm mục tiêu.",
                     "No indicator is targeted for {year} yet."),
    "targets_adds": ("Hoàn thành thêm {n_crit} tiêu chí: {crit}; {n_ind} chỉ tiêu: {ind}",
                     "Reaching {n_crit} more criteria: {crit}; {n_ind} more indicators: {ind}"),
    "targets_start": ("Đầu năm: {counts}", "Start of year: {counts}"),
    "targets_goal": ("Mục tiêu năm {year}: {counts}", "Target for {year}: {counts}"),
    "targets_col_code": ("Chỉ tiêu", "Indicator"),
    "targets_col_content": ("Nội dung", "Content"),
    "target_on": ("{code}: mục tiêu năm {year}", "{code}: a {year} target"),
    "target_off": ("{code}: bỏ khỏi mục tiêu năm {year}", "{code}: no longer a {year} target"),
    "key_target": ("Mục tiêu", "Target"),
    "detail_targeted": ("Mục tiêu năm {year}", "Target for {year}"),
    "detail_not_targeted": ("Không là mục tiêu năm {year} (phím g)", "Not a {year} target (key g)"),
}
