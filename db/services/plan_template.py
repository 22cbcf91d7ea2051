"""The parts of a year's plan the officer writes, and the neutral text a new commune starts from.

The structure and general wording of a commune's Kế hoạch thực hiện Chương trình MTQG xây dựng
nông thôn mới (as in Kế hoạch 249/KH-BQL), with no name of any commune, person or decision
number: the "…" are for the officer to fill. `{year}` is the plan's year."""
from __future__ import annotations

UNKNOWN_CRITERIA_BASIS = ("Căn cứ Quyết định số …/QĐ-UBND ngày … của UBND tỉnh … về việc ban hành Bộ tiêu "
                          "chí xã nông thôn mới của tỉnh;")


def criteria_basis(name: str, national_decision: str, provincial_decision: str) -> str:
    """The plan's first basis: the decision that issued the set in force that year, as the set
    names it ("51/2025/QĐ-TTg ngày 29/12/2025 của Thủ tướng Chính phủ (hiệu lực …), Phụ lục I"
    cites "51/2025/QĐ-TTg ngày 29/12/2025 của Thủ tướng Chính phủ"); blanks when the set names none."""
    provincial, national = _cited(provincial_decision), _cited(national_decision)
    if provincial:
        return f"Căn cứ Quyết định số {provincial} về việc ban hành {name};"
    if national:
        return f"Căn cứ Quyết định số {national} ban hành {name};"
    return UNKNOWN_CRITERIA_BASIS


def _cited(decision: str) -> str:
    """The number, date and issuer, without the notes in brackets or the appendix."""
    return decision.split(" (")[0].split(", Phụ lục")[0].strip().rstrip(";,.")


# key → (where it goes, default title). The order is the document's.
SLOTS: dict[str, tuple[str, str]] = {
    "can_cu": ("bases", ""),
    "muc_dich": ("I.1", "Mục đích"),
    "yeu_cau": ("I.2", "Yêu cầu"),
    "lanh_dao": ("II.1", "Về công tác lãnh đạo, điều hành, quản lý"),
    "tuyen_truyen": ("II.2", "Về công tác tuyên truyền, đào tạo, tập huấn"),
    "nhiem_vu": ("II.3", "Nhiệm vụ thực hiện các tiêu chí xã NTM"),
    "to_chuc_bql": ("III.1", "Ban quản lý xây dựng nông thôn mới của xã"),
    "to_chuc_mttq": ("III.2", "UBMTTQ và đoàn thể cấp xã"),
    "to_chuc_thanh_vien": ("III.3", "Các thành viên BQL xã"),
    "to_chuc_ap": ("III.4", "Các Ban phát triển nông thôn mới ấp"),
    "che_do": ("IV", "Chế độ hội họp, báo cáo"),
    "ket_thuc": ("closing", ""),
}

NEUTRAL: dict[str, str] = {
    "can_cu": (
        "{criteria_basis}\n"
        "Căn cứ Nghị quyết số …-NQ/ĐU ngày … của Ban chấp hành Đảng bộ xã về thực hiện Chương trình mục "
        "tiêu quốc gia xây dựng nông thôn mới năm {year};\n"
        "Ban quản lý xây dựng nông thôn mới xã ban hành kế hoạch thực hiện Chương trình mục tiêu quốc gia "
        "xây dựng nông thôn mới năm {year} với các nội dung chủ yếu sau:"),
    "muc_dich": (
        "Tiếp tục tuyên truyền nâng cao nhận thức của hệ thống chính trị và nhân dân về Chương trình mục "
        "tiêu quốc gia xây dựng nông thôn mới; phát huy vai trò trách nhiệm của cả hệ thống chính trị, tạo "
        "sự thống nhất trong nhận thức và hành động, phát huy sự tham gia trực tiếp của người dân để thực "
        "hiện có hiệu quả Chương trình trên địa bàn xã.\n"
        "Lấy người dân làm chủ thể trong thực hiện, xây dựng theo quy hoạch và theo bộ tiêu chí nông thôn "
        "mới để nông nghiệp, nông dân, nông thôn phát triển toàn diện."),
    "yeu_cau": (
        "Ban quản lý xây dựng nông thôn mới xã duy trì các tiêu chí, chỉ tiêu đã đạt.\n"
        "Các ngành phụ trách rà soát, duy trì, nâng chất các tiêu chí, chỉ tiêu đã đạt, lập hồ sơ minh "
        "chứng đúng quy định."),
    "lanh_dao": (
        "Trong quá trình tổ chức thực hiện, tiếp tục rà soát quy hoạch để đề xuất điều chỉnh, bổ sung cho "
        "phù hợp với tình hình phát triển của xã.\n"
        "Duy trì, nâng chất các tiêu chí, chỉ tiêu đã đạt, đồng thời phấn đấu thực hiện đạt thêm các tiêu "
        "chí, chỉ tiêu theo lộ trình kế hoạch."),
    "tuyen_truyen": (
        "Đẩy mạnh tuyên truyền nhằm nâng cao nhận thức cho cán bộ, đảng viên và nhân dân về mục đích, ý "
        "nghĩa, tầm quan trọng của việc xây dựng nông thôn mới.\n"
        "Tổ chức cho cán bộ, công chức, các ban ngành đoàn thể và nhân dân tham quan, học tập, trao đổi "
        "kinh nghiệm về xây dựng nông thôn mới."),
    "nhiem_vu": (
        "Phân công nhiệm vụ cụ thể cho cán bộ, công chức, các ngành phụ trách từng tiêu chí, chỉ tiêu; các "
        "tiêu chí, chỉ tiêu đã đạt tiếp tục duy trì, củng cố, nâng chất, hoàn thành các hồ sơ minh chứng "
        "đúng quy định."),
    "to_chuc_bql": (
        "Xây dựng kế hoạch tổ chức thực hiện, phân công nhiệm vụ cụ thể cho các thành viên, các ban ngành, "
        "đoàn thể, ấp; tăng cường công tác chỉ đạo, kiểm tra, đánh giá kết quả thực hiện.\n"
        "Giao cán bộ phụ trách nông thôn mới xã tổng hợp báo cáo và kết quả thực hiện chung cho các tiêu "
        "chí; xây dựng và lưu trữ đầy đủ hồ sơ của từng tiêu chí, chỉ tiêu."),
    "to_chuc_mttq": (
        "Xây dựng kế hoạch, chương trình hành động cụ thể cho từng phần việc được phân công.\n"
        "Phát động các phong trào thi đua, tuyên truyền, vận động đoàn viên, hội viên và nhân dân chung sức "
        "xây dựng nông thôn mới."),
    "to_chuc_thanh_vien": (
        "Trên cơ sở nhiệm vụ chuyên môn, các thành viên phụ trách các tiêu chí, chỉ tiêu được phân công chủ "
        "động xây dựng kế hoạch tổ chức thực hiện, chịu trách nhiệm về tiến độ và kết quả thực hiện."),
    "to_chuc_ap": (
        "Xây dựng kế hoạch cụ thể, phù hợp với ấp; tuyên truyền, vận động nhân dân, phát huy vai trò chủ "
        "thể của nhân dân trong xây dựng nông thôn mới."),
    "che_do": (
        "Các thành viên, các ban ngành, đoàn thể và các ấp tăng cường phối hợp, triển khai đồng bộ các nhiệm "
        "vụ và giải pháp thực hiện."),
    "ket_thuc": "",
}
