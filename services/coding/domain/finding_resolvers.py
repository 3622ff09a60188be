"""What a finding's words resolve to: a code and why, read from the match and the note (None: not this one)."""
import re
from typing import Callable

Resolve = Callable[[re.Match, str], tuple[str, str] | None]


def fixed(code: str, why: str) -> Resolve:
    """Words that always mean the one code."""
    return lambda match, note: (code, why)
