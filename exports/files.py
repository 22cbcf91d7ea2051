"""Writing an exported file (PDF, spreadsheet, criteria set, calendar): never over an existing
file unless asked, never through a symbolic link, owner-only, atomic.

The content goes to a hidden temporary name in the target folder, is synced to disk and only
then renamed over the target: a kill, a power cut or a full disk leaves the old file (or none),
never half a file under the real name."""
from __future__ import annotations

import errno
import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from db.errors import StorageError, ValidationError

FILE_MODE = 0o600


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


def _failure(exc: OSError, output: Path) -> StorageError:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return StorageError("export_disk_full", path=output)
    return StorageError("export_unwritable", path=output.parent)


def _sync(path: Path, flags: int = os.O_RDONLY) -> None:
    fd = os.open(path, flags)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def check_target(output: Path, overwrite: bool) -> Path:
    """Refuse a folder, a symbolic link, or an existing file without `overwrite`."""
    output = Path(output).expanduser()
    if output.is_symlink():  # a link could point anywhere (another user's file, /etc/…)
        raise ValidationError("export_symlink", path=output)
    if output.is_dir():
        raise ValidationError("export_is_dir", path=output)
    if output.exists() and not overwrite:
        raise ValidationError("export_exists", path=output)
    return output


@contextmanager
def safe_target(output: Path, overwrite: bool) -> Iterator[Path]:
    """Yield a temporary path next to `output` (mode 0600); it replaces `output` on success."""
    output = check_target(output, overwrite)
    _make_dirs(output.parent)
    try:
        fd, tmp = tempfile.mkstemp(prefix=".ntm-", suffix=output.suffix + ".part", dir=output.parent)
    except OSError:
        raise StorageError("export_unwritable", path=output.parent) from None
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        os.chmod(tmp_path, FILE_MODE)
        _sync(tmp_path)  # the data is on disk before the name appears
        check_target(output, overwrite)  # a link or file put there meanwhile is not replaced
        if overwrite:
            os.replace(tmp_path, output)  # replaces the name, never writes through a link
        else:
            _link(tmp_path, output)
        try:
            _sync(output.parent)
        except OSError:
            pass
    except FileExistsError:
        raise ValidationError("export_exists", path=output) from None
    except OSError as exc:
        raise _failure(exc, output) from None
    finally:
        if tmp_path.exists():
            tmp_path.unlink()


def _link(tmp: Path, output: Path) -> None:
    """Give `tmp` the name `output` only if that name is still free (first one wins)."""
    try:
        os.link(tmp, output)
    except FileExistsError:
        raise
    except OSError as exc:  # no hard links on this file system (FAT, some network shares)
        if exc.errno not in (errno.EPERM, errno.EXDEV, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK):
            raise
        os.replace(tmp, output)


def write_bytes(output: Path, data: bytes, overwrite: bool) -> Path:
    """`data` as the whole content of `output`, through `safe_target`."""
    with safe_target(output, overwrite) as tmp:
        try:
            tmp.write_bytes(data)
        except OSError as exc:
            raise _failure(exc, Path(output)) from None
    return Path(output).expanduser()
