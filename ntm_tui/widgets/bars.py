"""Text progress bars: block characters, so they read the same without colour (NO_COLOR)."""
from __future__ import annotations

from rich.text import Text

from ntm_tui.i18n import t


def bar(done: int, total: int, width: int) -> str:
    filled = round(width * done / total) if total else 0
    return "█" * filled + "░" * (width - filled)


def progress_line(code: str, name: str, done: int, total: int, width: int) -> Text:
    """"11 Nghèo đa chiều ……… ████░░░░ 1/2" fitted to `width` columns."""
    count = f"{done}/{total}"
    bar_width = max(4, min(20, width // 4))
    name_width = max(6, width - bar_width - len(count) - 12)
    label = name if len(name) <= name_width else name[:name_width - 1] + "…"
    met = total > 0 and done == total
    text = Text(f"{code:>3} {label:<{name_width}} ")
    text.append(bar(done, total, bar_width), style="green" if met else "yellow")
    text.append(f" {count:>5}")
    if met:
        text.append(" " + t("met_short"), style="bold green")
    return text
