import pytest

from db import rules
from db.changelog import history
from db.errors import ConflictError, ValidationError
from db.models import Result
from db.services.communes import create_commune, get_commune
from db.services.results import set_result, toggle_met
from db.services.status import year_status


def test_demo_baseline_and_targets(demo_db):
    commune = get_commune()
    s2022 = year_status(commune, 2022)
    assert s2022.counts.text() == "9/19 tiêu chí, 40/57 chỉ tiêu"
    s2023 = year_status(commune, 2023)
    assert (s2023.counts.criteria_met, s2023.counts.indicators_met) == (9, 40)
    assert (s2023.start_counts.criteria_met, s2023.start_counts.indicators_met) == (9, 40)
    assert (s2023.target_counts.criteria_met, s2023.target_counts.indicators_met) == (15, 49)
    targeted = sorted((i.code for i in s2023.indicators() if i.targeted), key=rules.code_key)
    assert targeted == ["1.1", "1.2", "2.1", "2.4", "11", "12.1", "12.2", "13.3", "18.1"]
    assert all(not i.met for i in s2023.indicators() if i.targeted)


def test_value_is_evaluated_and_logged(demo_db):
    commune = get_commune()
    assert set_result(commune, 2023, "12.1", value="nam: 72,5; nữ: 72,5").status == rules.MET
    assert set_result(commune, 2023, "12.1", parts={"nu": "65"}).status == rules.NOT_MET
    entries = [e for e in history(commune.id) if e.label == "12.1 / 2023" and e.field == "status"]
    assert [(e.old, e.new) for e in reversed(entries)] == [("not_met", "met"), ("met", "not_met")]
    assert all(e.user == "tester" for e in entries)
    # 2022 keeps its own result: a year starts from the previous one, it does not rewrite it
    assert year_status(commune, 2022).counts.indicators_met == 40


def test_new_year_starts_from_previous_results(demo_db):
    commune = get_commune()
    set_result(commune, 2024, "11", value="3,5")
    assert Result.select().where((Result.year == 2024)).count() == 57
    status = year_status(commune, 2024)
    # 11 is met now; 18.5 became a three-part indicator in 2024 (211/QĐ-TTg): entered again
    assert status.counts.indicators_met == 40
    again = {i.code: (i.status, i.value) for i in status.indicators() if i.code in ("15.4", "18.5")}
    assert again == {"15.4": (rules.UNASSESSED, None), "18.5": (rules.UNASSESSED, None)}
    assert status.start_counts.indicators_met == 40


def test_stale_edit_is_refused(demo_db):
    commune = get_commune()
    first = set_result(commune, 2023, "12.1", value="nam: 72; nữ: 70")
    set_result(commune, 2023, "12.1", note="khác", expected_version=first.version)
    with pytest.raises(ConflictError):
        set_result(commune, 2023, "12.1", value="nam: 10", expected_version=first.version)
    assert year_status(commune, 2023).counts.indicators_met == 41


def test_toggle_and_unknown_threshold(demo_db):
    commune = get_commune()
    assert toggle_met(commune, 2023, "2.4").status == rules.MET
    assert toggle_met(commune, 2023, "2.4").status == rules.NOT_MET
    # 2.2's threshold is unknown: a value is stored, the result stays as the officer set it
    result = set_result(commune, 2023, "2.2", value="50")
    assert result.status == rules.MET and result.value == "50"


def test_numerator_and_denominator_make_the_percentage(demo_db):
    result = set_result(get_commune(), 2023, "12.2", numerator="1450", denominator="2000",
                        data_date="31/12/2023")
    assert result.value == "72,5" and result.status == rules.MET
    with pytest.raises(ValidationError):
        set_result(get_commune(), 2023, "12.2", numerator="1", denominator="0")


def test_commune_lookup_ignores_diacritics(empty_db):
    create_commune("Tân Thạnh", "Tân Châu", "An Giang")
    assert get_commune("tan thanh").name == "Tân Thạnh"
    with pytest.raises(ValidationError):
        create_commune("TÂN THẠNH", "Tân Châu", "An Giang")


def test_undo_reverts_a_whole_action(demo_db):
    from db.changelog import last_batch, undo_batch
    from db.models import WorkItem
    from db.services.records import delete_record

    commune = get_commune()
    set_result(commune, 2023, "12.1", value="nam: 72,5; nữ: 80", note="đã kiểm tra")
    undo_batch(last_batch(commune.id))
    status = {i.code: i for i in year_status(commune, 2023).indicators()}
    assert status["12.1"].status == rules.NOT_MET and status["12.1"].note == ""
    work = WorkItem.select().first()
    delete_record(WorkItem, work.id, label=work.title)
    assert WorkItem.get_or_none(WorkItem.id == work.id) is None
    undo_batch(last_batch(commune.id))
    restored = WorkItem.get_by_id(work.id)
    assert (restored.title, restored.due_date, restored.plan_id) == (work.title, work.due_date, work.plan_id)


def test_a_toggled_result_put_into_a_shown_year_equals_reading_it_again(demo_db):
    from db.services.status import with_result

    commune = get_commune()
    set_result(commune, 2023, "1.1", note="rà soát")  # the year's first edit writes all its rows
    shown, untouched = year_status(commune, 2023), year_status(commune, 2023)
    for code in ("2.4", "3.1", "5"):  # its criterion stays not met, becomes not met, becomes met
        shown = with_result(shown, toggle_met(commune, 2023, code))
        assert shown == year_status(commune, 2023), code
    assert untouched != shown and untouched.criteria[1].indicators[3].status == rules.NOT_MET
    # 2024 has no rows yet: its first edit writes them all, the same results with versions of
    # their own; the picture is right but for those versions, which a new reading brings.
    before = year_status(commune, 2024)
    assert before.carried()
    shown = with_result(before, toggle_met(commune, 2024, "2.4"))
    after = year_status(commune, 2024)
    assert not after.carried() and shown.carried() and shown.counts == after.counts
    assert [(i.code, i.status, i.value) for i in shown.indicators()] == \
        [(i.code, i.status, i.value) for i in after.indicators()]
    assert with_result(year_status(commune, 2023), toggle_met(commune, 2024, "2.4")) is None


def test_changes_after_tells_this_batch_from_any_other(demo_db):
    from db.changelog import changes_after, latest_change_id

    commune = get_commune()
    seen = latest_change_id()
    set_result(commune, 2023, "12.1", parts={"nam": "71"}, batch="mine")
    assert changes_after(seen, "mine") == (latest_change_id(), False)
    set_result(commune, 2023, "11", value="3,5")  # another session, or another action
    assert changes_after(seen, "mine") == (latest_change_id(), True)
