"""Labels of the terminal app."""
LABELS = {
    "key_quit": ("Thoát", "Quit"),
    "year": ("Năm", "Year"),
    "target": ("Mục tiêu", "Target"),
    "criteria": ("tiêu chí", "criteria"),
    "indicators": ("chỉ tiêu", "indicators"),
    "coming_soon": ("Đang xây dựng.", "Coming soon."),
    "section_dashboard": ("Tổng quan", "Overview"),
    "section_criteria": ("Tiêu chí", "Criteria"),
    "section_assignments": ("Phân công", "Assignments"),
    "section_evidence": ("Minh chứng", "Evidence"),
    "section_calendar": ("Lịch", "Calendar"),
    "section_reports": ("Báo cáo", "Reports"),
    "section_settings": ("Cài đặt", "Settings"),
}
