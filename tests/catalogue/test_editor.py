"""Editing an indicator's definition: the service, its log, undo, and the form with Pilot."""
import pytest
from textual.widgets import Checkbox, Input, Static

from db.changelog import undo_batch
from db.errors import ConflictError, ValidationError
from db.models import ChangeLog, Criterion, Indicator, IndicatorThreshold
from db.services.catalogue_edit import indicator_definition, mark_verified, rename_criterion, update_indicator
from db.services.communes import get_commune
from db.services.results import set_result
from ntm_tui.app import NtmApp
from ntm_tui.context import Context
from ntm_tui.forms.indicator_definition import IndicatorDefinitionForm
from tests.conftest import workers_done


def _ind(code):
    return Indicator.get(Indicator.code == code)


def test_threshold_edit_changes_evaluation_and_is_logged(demo_db):
    ind = _ind("2.2")  # threshold unknown in the shipped set
    assert ind.threshold is None
    batch = update_indicator(ind.id, threshold="80", expected_version=ind.version)
    assert _ind("2.2").threshold == 80.0
    entries = list(ChangeLog.select().where(ChangeLog.batch == batch))
    assert [(e.field, e.old, e.new) for e in entries] == [("threshold", None, "80")]
    view = set_result(get_commune(), 2023, "2.2", value="85")
    assert view.status == "met"
    undo_batch(batch)
    assert _ind("2.2").threshold is None


def test_per_year_and_group_targets_and_verification(demo_db):
    ind = _ind("10")
    assert indicator_definition(ind.id).by_year == {"2025": {"op": ">=", "value": 62.0,
                                                             "unit": "triệu đồng/người/năm"}}
    batch = update_indicator(ind.id, by_year="2024: >= 55,5; 2025: >= 62 triệu đồng/người/năm",
                             by_group="1: >= 70; 2: >= 65")
    d = indicator_definition(ind.id)
    assert d.by_year["2024"] == {"op": ">=", "value": 55.5, "unit": "triệu đồng/người/năm"}
    assert d.by_group["2"]["value"] == 65.0
    assert IndicatorThreshold.select().where(IndicatorThreshold.indicator == ind).count() == 4
    undo_batch(batch)
    assert IndicatorThreshold.select().where(IndicatorThreshold.indicator == ind).count() == 1

    with pytest.raises(ValidationError, match="nguồn xác minh"):
        update_indicator(ind.id, verified=True)
    batch = mark_verified(ind.id, "1260/QĐ-UBND, Phụ lục")
    d = indicator_definition(ind.id)
    assert d.verified and d.verified_source == "1260/QĐ-UBND, Phụ lục"
    assert {e.field for e in ChangeLog.select().where(ChangeLog.batch == batch)} == {"verified", "verified_source"}


def test_bad_input_changes_nothing(demo_db):
    ind = _ind("12.2")
    logged = ChangeLog.select().count()
    for kwargs, needle in [({"threshold": "abc"}, "abc"), ({"kind": "maybe"}, "maybe"),
                           ({"op": "=>"}, "=>"), ({"content": "  "}, "Nội dung"),
                           ({"by_year": "20x5: >= 3"}, "20x5"), ({"by_group": "1 >= 3"}, "1 >= 3")]:
        with pytest.raises(ValidationError, match=needle):
            update_indicator(ind.id, **kwargs)
    with pytest.raises(ConflictError):
        update_indicator(ind.id, threshold="75", expected_version=ind.version + 5)
    with pytest.raises(ValidationError, match="nhiều phần"):  # parts are declared in a set file
        update_indicator(ind.id, kind="compound")
    assert ChangeLog.select().count() == logged and _ind("12.2").threshold == 25.0


def test_kind_change_to_yes_no_drops_the_number(demo_db):
    ind = _ind("12.2")
    update_indicator(ind.id, kind="Đạt/Không đạt")
    ind = _ind("12.2")
    assert (ind.kind, ind.op, ind.threshold, ind.unit) == ("yesno", "==", None, None)
    crit = Criterion.get(Criterion.code == "12")
    batch = rename_criterion(crit.id, "Lao động có việc làm")
    assert Criterion.get_by_id(crit.id).name == "Lao động có việc làm"
    assert ChangeLog.get(ChangeLog.batch == batch).old == "Lao động"


async def test_form_edits_and_saves_with_ctrl_s(demo_db):
    ind = _ind("2.2")
    app = NtmApp(Context(db_path=demo_db, db_explicit=True))
    results = []
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.push_screen(IndicatorDefinitionForm(indicator_definition(ind.id)), results.append)
        await pilot.pause()
        form = app.screen
        assert isinstance(form, IndicatorDefinitionForm)
        # Everything fits in 80×24: the last field is inside the screen.
        region = form.query_one("#f-verified_source").region
        assert region.bottom <= 24 and region.right <= 80
        await pilot.press("tab", "tab", "tab")  # content → kind → op → threshold
        assert app.focused.id == "f-threshold"
        await pilot.press(*"abc")
        await pilot.press("ctrl+s")
        await workers_done(app)
        await pilot.pause()
        error = str(form.query_one("#e-threshold", Static).render())
        assert "abc" in error and "số" in error
        assert results == [] and _ind("2.2").threshold is None  # nothing written
        form.query_one("#f-threshold", Input).value = ""
        form.query_one("#f-threshold", Input).focus()
        await pilot.press(*"85,5")
        form.query_one("#f-verified", Checkbox).value = True
        await pilot.press("ctrl+s")
        await workers_done(app)
        await pilot.pause()
        assert "nguồn xác minh" in str(form.query_one("#e-verified_source", Static).render())
        form.query_one("#f-verified_source", Input).focus()
        await pilot.press(*"1260/QĐ-UBND")
        await pilot.press("ctrl+s")
        await workers_done(app)
        await pilot.pause()
        assert not isinstance(app.screen, IndicatorDefinitionForm)
    assert len(results) == 1 and results[0]
    ind = _ind("2.2")
    assert (ind.threshold, ind.verified, ind.verified_source) == (85.5, True, "1260/QĐ-UBND")
    fields = {e.field for e in ChangeLog.select().where(ChangeLog.batch == results[0])}
    assert fields == {"threshold", "verified", "verified_source"}


async def test_form_escape_cancels(demo_db):
    ind = _ind("12.2")
    app = NtmApp(Context(db_path=demo_db, db_explicit=True))
    results = []
    logged = ChangeLog.select().count()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.push_screen(IndicatorDefinitionForm(indicator_definition(ind.id)), results.append)
        await pilot.pause()
        await pilot.press(*" sửa")
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, IndicatorDefinitionForm)
    assert results == [None]
    assert ChangeLog.select().count() == logged
