import unicodedata

from db.text import fold, matches, nfc


def test_fold_ignores_diacritics_case_and_d_stroke():
    assert fold("Nghèo đa chiều") == "ngheo da chieu"
    assert fold("GIAO THÔNG") == "giao thong"
    assert fold("Đường") == "duong"


def test_matches_every_word():
    assert matches("nghe da chieu", "Nghèo đa chiều")
    assert matches("giao thong", "Giao thông")
    assert not matches("dien", "Giao thông")


def test_nfc_composes_decomposed_input():
    decomposed = unicodedata.normalize("NFD", "Tân Thạnh")
    assert decomposed != "Tân Thạnh"
    assert nfc(decomposed) == "Tân Thạnh"


def test_a_refusal_names_a_field_in_words_not_by_its_stored_name():
    from db.errors import ValidationError

    assert ValidationError("text_required", field="title").message() == "Không được để trống: Tên"
    assert ValidationError("text_required", field="funding_note").message("en") == "Must not be empty: Funding"
    assert ValidationError("text_required", field="Tên hồ sơ").message() == "Không được để trống: Tên hồ sơ"
