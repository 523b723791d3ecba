"""Writing a file the user asked for (an export, a digest): readable by them alone, and
never half written."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from huddle.core.models import HuddleError


@contextmanager
def private_output(path: str | Path) -> Iterator[TextIO]:
    """A UTF-8 text file at `path` for the user alone (0600), written beside it and put in
    its place only when complete, so a failed write leaves no half file behind. Through a
    symlink, the file it points to is replaced; a path that is not a file (/dev/stdout, a
    pipe) is written to as it is, never replaced by a file."""
    target = Path(path).expanduser()
    if target.exists() and not target.is_file():
        try:
            with target.open("w", encoding="utf-8", newline="") as out:
                yield out
        except OSError as error:
            raise HuddleError(f"can't write {target}: {error.strerror or error}") from None
        return
    real = target.resolve() if target.is_symlink() else target
    try:
        fd, temporary = tempfile.mkstemp(dir=real.parent, prefix=f".{real.name}-")
    except OSError as error:
        raise HuddleError(f"can't write {target}: {error.strerror or error}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            yield out
        os.replace(temporary, real)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise HuddleError(f"can't write {target}: {error.strerror or error}") from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
