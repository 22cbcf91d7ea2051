"""A screen's first showing without Textual styling every widget of it a second time."""
from __future__ import annotations


class StyledOnce:
    """Textual applies each widget's styles as it is mounted, and again to the whole screen
    each time the screen resumes (for app-wide changes such as a theme, which this app never
    makes). A screen shown for the first time was styled as it was made, just before: doing it
    again cost 10–25 ms of a form's opening, and more on a section's first visit. Later
    resumes refresh the styles as usual. A class of its own: Textual calls the resume handler
    of each class in the screen's ancestry."""

    _styles_fresh = True

    def _on_screen_resume(self, event) -> None:
        if self._styles_fresh and self.is_current:
            self._styles_fresh = False
            event.refresh_styles = False
