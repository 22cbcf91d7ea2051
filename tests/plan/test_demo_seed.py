"""The demo carries the seed: the words of Kế hoạch 249/KH-BQL's body are in the demo plan's
PDF, in order (a copy of the seed is in tests/plan/data)."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

from db.connection import close_database
from ntm_tui.__main__ import main
from tests.exports.pdfread import text_of

SEED = Path(__file__).parent / "data" / "ke-hoach-249-KH-BQL-tan-thanh-2023.md"


def words(text: str) -> list[str]:
    return [w.lower() for w in re.findall(r"\w+", text)]


def seed_body() -> str:
    text = SEED.read_text(encoding="utf-8")
    start = text.index("Căn cứ Căn cứ")
    end = text.index("Nơi nhận:")
    return text[start:end].replace("Căn cứ Căn cứ", "Căn cứ")


def in_order(seed: list[str], pdf: list[str]) -> float:
    """The share of the seed's words found in the PDF's in the same order (the longest common
    word sequence, as difflib finds it)."""
    from difflib import SequenceMatcher

    matcher = SequenceMatcher(None, seed, pdf, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks()) / len(seed)


def test_demo_plan_holds_the_seed_words(demo_template, tmp_path, capsys):
    db = tmp_path / "demo.db"
    shutil.copy(demo_template, db)
    pdf = tmp_path / "plan.pdf"
    close_database()
    assert main(["--db", str(db), "export", "plan", "-o", str(pdf)]) == 0
    share = in_order(words(seed_body()), words(text_of(pdf)))
    print(f"seed words in the demo plan, in order: {share:.1%}")
    assert share >= 0.95
