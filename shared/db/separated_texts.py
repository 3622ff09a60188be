"""A batch's JSON texts bound as one text, which the statement splits back into a text array (`string_to_array`).

Bound as a list, every text is looked at in Python by asyncpg before it is encoded (two `collections.abc`
checks apiece, and three for the list); one text joined in C costs none, and Postgres splits it in C. The texts
are joined by a record separator (U+001E) and a NULL is written as a unit separator (U+001F) alone: JSON holds
neither raw (a control character in a JSON string is escaped, and none is JSON whitespace), so each text comes
back exactly as given, and a text holding one is refused here, as the column's JSON input would refuse it.
"""
from collections.abc import Sequence

SEPARATOR, NULL = "\x1e", "\x1f"


def split_sql(parameter: str) -> str:
    """The text array a `separated` parameter stands for."""
    return f"string_to_array(CAST(:{parameter} AS text), chr({ord(SEPARATOR)}), chr({ord(NULL)}))"


def separated(texts: Sequence[str | None]) -> str:
    """The texts (None as NULL) as one text for `split_sql`. An empty text alone would split to no element (and
    is no JSON): it is refused with the two marks."""
    nulls = texts.count(None)
    if nulls:
        texts = [NULL if text is None else text for text in texts]
    joined = SEPARATOR.join(texts)
    if not joined or joined.count(SEPARATOR) != len(texts) - 1 or joined.count(NULL) != nulls:
        raise ValueError("a JSON text is empty or holds a raw U+001E or U+001F, which JSON escapes")
    return joined


def unseparated(joined: str) -> list[str | None]:
    """The texts `separated` joined, as the statement's `string_to_array` gives them back."""
    return [None if text == NULL else text for text in joined.split(SEPARATOR)]
