"""Writing the PDF: never over an existing file unless asked, owner-only permissions, atomic."""
from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from db.errors import StorageError, ValidationError


def _make_dirs(folder: Path) -> None:
    missing = []
    probe = folder
    while not probe.exists():
        missing.append(probe)
        probe = probe.parent
    for path in reversed(missing):
        try:
            path.mkdir(mode=0o700)
        except FileExistsError:
            pass
        except OSError:
            raise StorageError("export_unwritable", path=folder) from None


@contextmanager
def safe_target(output: Path, overwrite: bool) -> Iterator[Path]:
    """Yield a temporary path next to `output` (mode 0600); it replaces `output` on success."""
    output = Path(output).expanduser()
    if output.is_dir():
        raise ValidationError("export_is_dir", path=output)
    if output.exists() and not overwrite:
        raise ValidationError("export_exists", path=output)
    _make_dirs(output.parent)
    try:
        fd, tmp = tempfile.mkstemp(prefix=".ntm-", suffix=".pdf.part", dir=output.parent)
    except OSError:
        raise StorageError("export_unwritable", path=output.parent) from None
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        os.chmod(tmp_path, 0o600)
        os.replace(tmp_path, output)
    except OSError:
        raise StorageError("export_unwritable", path=output.parent) from None
    finally:
        if tmp_path.exists():
            tmp_path.unlink()
