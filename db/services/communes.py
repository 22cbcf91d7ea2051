"""Communes, the criteria set each uses per year, and settings stored with the data."""
from __future__ import annotations

from datetime import date

from db.changelog import create_logged
from db.dataclass_lite import dataclass
from db.errors import NotFoundError, ValidationError
from db.models import Commune, CommuneCriteriaSet, CriteriaSet, Setting, database
from db.text import MAX_NAME, MAX_SHORT, clean, fold


def require_text(value: str | None, field: str, limit: int = MAX_SHORT) -> str:
    text = clean(value)
    if not text:
        raise ValidationError("text_required", field=field)
    if len(text) > limit:
        raise ValidationError("text_too_long", length=len(text), limit=limit)
    return text


def commune_name(value: str | None) -> str:
    """The name as stored: documents write "UBND XÃ {name}" and "{name}, ngày …", so "Xã Phú
    Lộc" typed as the name printed "UBND XÃ XÃ PHÚ LỘC"."""
    return _without_xa(require_text(value, "commune", limit=MAX_NAME))


def _without_xa(name: str) -> str:
    """"Xã Phú Lộc" → "Phú Lộc"; "Xuân Thới" and "Xã" alone stay whole."""
    head, _, rest = name.strip().partition(" ")
    return rest.strip() if fold(head) == "xa" and rest.strip() else name


def _name_key(name: str) -> str:
    """How a commune is looked up: "xa thu", "Xã Thử" and "Thử" are one name."""
    return fold(_without_xa(name))


def create_commune(name: str, district: str = "", province: str = "",
                   catalogue_code: str | None = None, from_year: int | None = None,
                   code: str = "", group: str | None = None, today: date | None = None) -> Commune:
    """A new commune. Without `catalogue_code` it takes the shipped set in force in `today`'s
    year (2021–2025: An Giang; from 2026: the national 2026–2030 set) and the shipped sets
    after it, each from its first year. The district is optional (two-tier government)."""
    name = commune_name(name)
    from db.services.records import checked_text

    district, province = checked_text(district, "district"), checked_text(province, "province")
    for text in (district, province):
        if len(text) > MAX_NAME:
            raise ValidationError("text_too_long", length=len(text), limit=MAX_NAME)
    code, group = commune_code(code), commune_group(group)
    with database.atomic():
        if catalogue_code:
            cset = CriteriaSet.get_or_none(CriteriaSet.code == catalogue_code)
            if cset is None:
                raise NotFoundError("record_not_found", table="criteria_set", id=catalogue_code)
        else:
            cset = shipped_set_for_year((today or date.today()).year)
        for other in Commune.select():
            if fold(other.name) == fold(name):
                raise ValidationError("commune_exists", name=name)
            if code and other.code == code:
                raise ValidationError("commune_code_exists", code=code, name=other.name)
        first = Commune.select().count() == 0
        commune = create_logged(Commune, label=name, name=name, district=district,
                                province=province, code=code, commune_group=group, active=first)
        CommuneCriteriaSet.create(commune=commune, criteria_set=cset,
                                  from_year=from_year or cset.period_start)
        if not catalogue_code:
            follow_shipped_sets(commune)
        from db.services.deadline_rules import ensure_default_rules  # written here, never by a view

        ensure_default_rules(commune)
    return commune


def commune_of(commune: Commune | int) -> Commune:
    """The commune row for a row or an id: the app hands services plain ids."""
    if isinstance(commune, Commune):
        return commune
    found = Commune.get_or_none(Commune.id == commune)
    if found is None:
        raise NotFoundError("no_commune")
    return found


def list_communes() -> list[Commune]:
    return list(Commune.select().order_by(Commune.name.collate("vi"), Commune.id))


def get_commune(name: str | None = None) -> Commune:
    """The commune named (diacritics and case ignored), else the active one, else the only one."""
    if name:
        exact = list(Commune.select().where(Commune.name == name).limit(2))
        if len(exact) == 1:  # the name as stored: no need to fold every commune's name
            return exact[0]
        wanted = _name_key(name)
        found = [c for c in Commune.select() if _name_key(c.name) == wanted]
        if not found:
            found = [c for c in Commune.select() if wanted in _name_key(c.name)]
        if not found:
            raise NotFoundError("commune_not_found", name=name)
        if len(found) > 1:
            raise ValidationError("commune_ambiguous", name=name)
        return found[0]
    commune = Commune.get_or_none(Commune.active == True)  # noqa: E712
    if commune:
        return commune
    commune = Commune.select().order_by(Commune.id).first()
    if commune is None:
        raise NotFoundError("no_commune")
    return commune


def set_active(commune: Commune) -> None:
    with database.atomic():
        Commune.update(active=False).where(Commune.id != commune.id).execute()
        Commune.update(active=True).where(Commune.id == commune.id).execute()


@dataclass(frozen=True)
class CommuneView:
    id: int
    name: str
    code: str
    province: str
    group: str
    successor: str  # the commune it was merged into ("" when it was not)
    active: bool  # the one the app opens on


def commune_views() -> list[CommuneView]:
    """Every commune of the database, in Vietnamese order (the TUI's list of communes)."""
    from db.text import vi_key

    rows = [CommuneView(c.id, c.name, c.code, c.province, c.commune_group or "",
                        c.successor.name if c.successor_id else "", bool(c.active))
            for c in Commune.select()]
    return sorted(rows, key=lambda v: vi_key(v.name))


def open_commune(commune_id: int, today: date | None = None) -> tuple[int, str, int]:
    """Work on another commune: it becomes the one the app opens on. (id, name, its year)."""
    commune = commune_of(commune_id)
    set_active(commune)
    return commune.id, commune.name, default_year(commune, today)


def criteria_set_for_year(commune: Commune | int, year: int, check: bool = True) -> CriteriaSet:
    """The set in force for that year; a year outside its period is refused."""
    periods = list(CommuneCriteriaSet.select(CommuneCriteriaSet, CriteriaSet)
                   .join(CriteriaSet)
                   .where(CommuneCriteriaSet.commune == commune)
                   .order_by(CommuneCriteriaSet.from_year))
    if not periods:
        raise NotFoundError("record_not_found", table="commune_criteria_set", id=getattr(commune, "id", commune))
    chosen = periods[0]
    for period in periods:
        if period.from_year <= year:
            chosen = period
    cset = chosen.criteria_set
    if check and not cset.period_start <= year <= cset.period_end:
        raise ValidationError("year_out_of_range", year=year, start=cset.period_start,
                              end=cset.period_end)
    return cset


def get_setting(key: str, commune: Commune | None = None, default: str = "") -> str:
    row = Setting.get_or_none((Setting.key == key) &
                              (Setting.commune == (commune.id if commune else None)))
    if row is None and commune is not None:
        row = Setting.get_or_none((Setting.key == key) & (Setting.commune.is_null()))
    return row.value if row else default


def put_setting(key: str, value: str, commune: Commune | None = None) -> None:
    from db.services.records import checked_text

    value = checked_text(value, key, long=True)
    with database.atomic():
        row = Setting.get_or_none((Setting.key == key) &
                                  (Setting.commune == (commune.id if commune else None)))
        if row is None:
            Setting.create(key=key, value=value, commune=commune)
        elif row.value != value:
            row.value = value
            row.save()


def default_year(commune: Commune, today: date | None = None) -> int:
    """The year being worked on: the setting if any, else this year within the set's period."""
    commune = commune_of(commune)
    stored = get_setting("current_year", commune)
    if stored.isdigit():
        return int(stored)
    year = (today or date.today()).year
    if commune.merged_on is not None:  # an old commune of a merger: its last year is its own
        year = min(year, commune.merged_on.year)
    cset = criteria_set_for_year(commune, year, check=False)
    return max(cset.period_start, min(cset.period_end, year))



# --- the commune of 2026: official code, commune group, the shipped sets in turn ---------

COMMUNE_GROUPS = ("1", "2", "3")  # 51/2025/QĐ-TTg: thresholds by commune group


def commune_code(value: str | None) -> str:
    """The official code: exactly 5 digits (Quyết định 19/2025/QĐ-TTg), or "" when not known."""
    text = clean(value)
    if text and not (len(text) == 5 and text.isascii() and text.isdigit()):
        raise ValidationError("commune_code_invalid", value=text)
    return text


def commune_group(value: str | int | None) -> str | None:
    text = clean(None if value is None else str(value))
    if not text:
        return None
    if text not in COMMUNE_GROUPS:
        raise ValidationError("commune_group_invalid", value=text)
    return text


def shipped_set_for_year(year: int) -> CriteriaSet:
    """The shipped set whose period covers `year` (else the nearest), installed if missing."""
    from db.catalogue import ensure_shipped_catalogues  # not loaded by reading commands

    sets = ensure_shipped_catalogues()
    for cset in sets:
        if cset.period_start <= year <= cset.period_end:
            return cset
    return sets[0] if year < sets[0].period_start else sets[-1]


def follow_shipped_sets(commune: Commune) -> int:
    """A commune on a shipped set goes on with the shipped sets after it, each from its first
    year (An Giang 2021–2025, then the national 2026–2030 set), so every year they cover can be
    opened. Another set chosen by the officer (`catalogue use`) ends the chain. Returns how
    many periods were added."""
    from db.catalogues import SHIPPED

    periods = list(CommuneCriteriaSet.select(CommuneCriteriaSet, CriteriaSet).join(CriteriaSet)
                   .where(CommuneCriteriaSet.commune == commune)
                   .order_by(CommuneCriteriaSet.from_year))
    if not periods or periods[-1].criteria_set.code not in SHIPPED:
        return 0
    last = periods[-1].criteria_set
    later = (CriteriaSet.select().where(CriteriaSet.code.in_(SHIPPED)
                                        & (CriteriaSet.period_start > last.period_end))
             .order_by(CriteriaSet.period_start))
    added = 0
    with database.atomic():
        for cset in later:
            CommuneCriteriaSet.create(commune=commune, criteria_set=cset, from_year=cset.period_start)
            added += 1
    return added


def follow_shipped_sets_everywhere() -> int:
    """After a new shipped set was installed: every commune on the set before it goes on with it."""
    return sum(follow_shipped_sets(commune) for commune in Commune.select())
