"""The kernel's table of POSIX locks (Linux /proc/locks): which locks a process holds on files."""
from __future__ import annotations

import os
from pathlib import Path

PROC_LOCKS = Path("/proc/locks")


def available() -> bool:
    return PROC_LOCKS.exists()


def posix_locks(pid: int, *paths: Path) -> dict[str, int]:
    """How many POSIX locks `pid` holds on each of `paths` (by name; files that do not exist are
    left out). SQLite's locks on Unix are POSIX advisory locks (fcntl)."""
    inodes = {}
    for path in paths:
        try:
            inodes[os.stat(path).st_ino] = Path(path).name
        except FileNotFoundError:
            continue
    counts = {name: 0 for name in inodes.values()}
    for line in PROC_LOCKS.read_text().splitlines():
        fields = line.replace("->", "").split()  # "N: [->] POSIX ADVISORY READ PID MAJ:MIN:INODE START END"
        if len(fields) < 6 or fields[1] != "POSIX" or fields[4] != str(pid):
            continue
        # Matched on the inode alone: on overlay file systems stat's device is not the kernel's.
        inode = int(fields[5].rsplit(":", 1)[1])
        if inode in inodes:
            counts[inodes[inode]] += 1
    return counts


def database_files(db: Path) -> tuple[Path, Path]:
    return Path(db), Path(f"{db}-shm")
