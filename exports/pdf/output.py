"""Writing the PDF: the exports' one safe-write helper (`exports.files`)."""
from exports.files import safe_target  # noqa: F401
