"""What the header and the signature say: from the year's Plan row, else the commune's defaults."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

from db.dataclass_lite import dataclass
from db.models import Commune, Plan
from db.rules import format_date
from db.text import fold

# The clerk writes the number in by hand when the document is registered ("Số:      /BC-BQL").
BLANK_NUMBER = "\u00a0" * 8


@dataclass(frozen=True)
class DocInfo:
    issuing_body: str
    issuing_unit: str
    number: str  # "249/KH-BQL"; a report leaves the number blank for the clerk: "/BC-BQL"
    place: str
    doc_date: date
    doc_type: str  # KẾ HOẠCH, BÁO CÁO
    subject: str
    signing_authority: str
    signer_title: str
    signer_position: str
    signer_name: str
    recipients: tuple[str, ...]
    plan_number: str = ""  # the plan a report refers to
    plan_date: date | None = None


def date_line(place: str, day: date) -> str:
    """"Tân Thạnh, ngày 24 tháng 02 năm 2023": day < 10 and months 1–2 take a leading zero."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"{place}, ngày {day.day:02d} tháng {month} năm {day.year}"


def _suffix(number: str) -> str:
    """"249/KH-BQL" → "BQL": the issuing unit's part of the number."""
    tail = number.split("/", 1)[1] if "/" in number else ""
    return tail.split("-", 1)[1] if "-" in tail else "BQL"


def recipients_list(text: str) -> tuple[str, ...]:
    """One recipient per line, each ending ";" and the list ending "Lưu: VT."."""
    lines = [line.strip().lstrip("-").strip().rstrip(";.").strip() for line in text.splitlines()]
    lines = [line for line in lines if line and not line.lower().startswith("lưu")]
    return tuple(f"{line};" for line in lines) + ("Lưu: VT.",)


def plan_info(commune: Commune, year: int, today: date, plan: Plan | None = ...) -> DocInfo:
    """The plan's own header; absent fields take the commune's defaults. `plan`: the year's
    Plan row when the caller has it (None: there is none), else it is read here."""
    if plan is ...:
        plan = Plan.get_or_none((Plan.commune == commune) & (Plan.year == year))
    name = commune.name
    info = DocInfo(
        issuing_body=f"UBND XÃ {name.upper()}", issuing_unit="BQL XÂY DỰNG NTM",
        number=f"{BLANK_NUMBER}/KH-BQL", place=name, doc_date=today, doc_type="KẾ HOẠCH",
        subject=f"Về việc thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới năm {year}",
        signing_authority="TM. BQL NTM XÃ", signer_title="TRƯỞNG BAN", signer_position="",
        signer_name="", recipients=recipients_list("TT Đảng ủy, HĐND xã\nThành viên BQL xã"))
    if plan is None:
        return info
    given = {
        "issuing_body": plan.issuing_body, "issuing_unit": plan.issuing_unit, "number": plan.number,
        "place": plan.place, "doc_date": plan.doc_date, "subject": plan.subject,
        "signing_authority": plan.signing_authority, "signer_title": plan.signer_title,
        "signer_position": plan.signer_position, "signer_name": plan.signer_name,
        "recipients": recipients_list(plan.recipients) if plan.recipients.strip() else None,
    }
    info = replace(info, **{k: v for k, v in given.items() if v})
    if plan.issuing_body:  # the officer's own header: a body with no unit under it stands alone
        info = replace(info, issuing_unit=plan.issuing_unit)
    return replace(info, plan_number=info.number if plan.number else "", plan_date=plan.doc_date)


def report_info(commune: Commune, year: int, today: date, subject: str,
                plan: Plan | None = ...) -> DocInfo:
    """A report: the plan's issuer and signer, its own number (…/BC-BQL) and the export date.
    It goes to the level above first: the town before 01/7/2025, the province since."""
    base = plan_info(commune, year, today, plan)
    return replace(base, doc_type="BÁO CÁO", number=f"{BLANK_NUMBER}/BC-{_suffix(base.number)}",
                   doc_date=today, subject=subject,
                   recipients=recipients_list("\n".join(report_to(commune) + list(base.recipients))))


def report_to(commune: Commune) -> list[str]:
    """Who receives the commune's reports. With a district (before 01/7/2025) its people's
    committee; in two-tier government the province: Sở Nông nghiệp và Môi trường and the
    provincial NTM coordination office. Never "UBND" with an empty name."""
    district = (commune.district or "").strip()
    if district:
        return [f"UBND {district} (Văn phòng Điều phối NTM)"]
    province = province_name(commune.province)
    return [f"Sở Nông nghiệp và Môi trường {province}".rstrip(),
            f"Văn phòng Điều phối nông thôn mới {province or 'tỉnh'}"]


# The centrally-run cities (thành phố trực thuộc trung ương) since 2025; the others are provinces.
CITIES = ("ha noi", "hue", "hai phong", "da nang", "ho chi minh", "can tho")


def province_name(name: str | None) -> str:
    """"An Giang" → "tỉnh An Giang", "Cần Thơ" → "thành phố Cần Thơ"; a name that already says
    what it is ("tỉnh …", "thành phố …", "TP. …") is kept."""
    name = " ".join((name or "").split())
    if not name:
        return ""
    if fold(name).split()[0] in ("tinh", "thanh", "tp", "tp."):
        return name
    return f"thành phố {name}" if fold(name) in CITIES else f"tỉnh {name}"


def plan_reference(info: DocInfo) -> str:
    """"Kế hoạch số 249/KH-BQL ngày 24/02/2023" when the plan has a number."""
    if not info.plan_number:
        return ""
    when = f" ngày {format_date(info.plan_date)}" if info.plan_date else ""
    return f"Kế hoạch số {info.plan_number}{when}"
