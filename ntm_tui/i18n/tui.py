"""Labels of the terminal app."""
LABELS = {
    "key_quit": ("Thoát", "Quit"),
    "year": ("Năm", "Year"),
    "target": ("Mục tiêu", "Target"),
    "criteria": ("tiêu chí", "criteria"),
    "indicators": ("chỉ tiêu", "indicators"),
}
