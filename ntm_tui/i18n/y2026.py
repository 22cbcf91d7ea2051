"""Labels for the commune of 2026: official code, commune group, optional district, demo file."""
from __future__ import annotations

LABELS = {
    "init_code_help": ("mã xã chính thức, 5 chữ số (Quyết định 19/2025/QĐ-TTg)",
                       "official commune code, 5 digits (Decision 19/2025/QĐ-TTg)"),
    "init_group_help": ("nhóm xã 1, 2 hoặc 3 (ngưỡng của bộ tiêu chí 2026–2030)",
                        "commune group 1, 2 or 3 (the 2026–2030 set's thresholds)"),
    "init_district_help": ("thị xã / huyện (bỏ trống: chính quyền hai cấp từ 01/7/2025)",
                           "town / district (leave out: two-tier government since 01/7/2025)"),
    "init_set": ("Bộ tiêu chí: {sets}", "Criteria sets: {sets}"),
    "init_set_item": ("{code} từ năm {year}", "{code} from {year}"),
    "init_group": ("Nhóm xã: {group}", "Commune group: {group}"),
    "tf_code": ("Mã xã (5 chữ số)", "Commune code (5 digits)"),
    "tf_group": ("Nhóm xã (1, 2, 3)", "Commune group (1, 2, 3)"),
    "tf_district_optional": ("Thị xã / huyện (không bắt buộc)", "Town / district (optional)"),
    "first_run_groups": (
        "Nhóm 1: xã liền kề đô thị, hoặc nông nghiệp dưới 10% kinh tế, hoặc định hướng đô thị mới; "
        "nhóm 3: xã khu vực II, III vùng dân tộc thiểu số và miền núi; nhóm 2: các xã còn lại.",
        "Group 1: next to a town, or farming under 10% of the economy, or planned as a new town; "
        "group 3: area II–III communes of the ethnic-minority and mountain area; group 2: all others."),
    "basis_unknown": ("chưa có văn bản gốc, ô trống cần nhập", "no source text yet, a slot to fill"),
    "demo_db_help": ("tệp riêng cho dữ liệu mẫu (mặc định: demo.db cạnh cơ sở dữ liệu)",
                     "a file of its own for the sample (default: demo.db beside the database)"),
    "demo_into_help": ("nạp mẫu vào chính cơ sở dữ liệu đang dùng dù đã có xã khác",
                       "load the sample into the database in use even though it holds other communes"),
    "demo_hint": ("Dữ liệu mẫu là năm 2023; xem như ngày hôm đó: ntm-tui --db {db} --today 2023-03-16",
                  "The sample is of 2023; to see it as of that day: ntm-tui --db {db} --today 2023-03-16"),
}
