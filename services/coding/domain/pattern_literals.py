"""The words a regular expression cannot match without, read from its parsed form.

The suggester runs over a hundred finding patterns on every note, and most notes hold the words of a few.
A pattern with a required word absent from the note cannot match it, and looking for a word costs a fraction
of a regex scan: patterns are skipped on that test alone, with the same result as running them.
"""
import re
from functools import lru_cache
from re import _constants as sre  # the parser's opcodes
from re import _parser

Required = tuple[frozenset[str], ...]  # every match holds one string of each set (lower case)


def required_literals(pattern: re.Pattern) -> Required:
    """Sets of strings, every match of the pattern holding one string of each set (compared after str.lower);
    empty where nothing is required that a substring test can see (a class, a repetition that may be empty)."""
    return tuple(sorted(set(_sequence(_parser.parse(pattern.pattern, pattern.flags))),
                        key=lambda strings: (-min(map(len, strings)), sorted(strings))))


def may_match(required: Required, note: str) -> bool:
    """False only where the note lacks a string every match needs: a rule skips its scans on that test alone.
    A note beyond ASCII always may (re.IGNORECASE folds it otherwise than str.lower)."""
    return any_may_match((required,), lowered_note(note))


def any_may_match(patterns_required: tuple[Required, ...], lowered: str | None) -> bool:
    """Whether the note may match one of the patterns whose required strings are given, the note lowered by
    `lowered_note` (None: beyond ASCII, so it always may)."""
    if lowered is None:
        return bool(patterns_required)
    # plain loops: the convention gates run this on every note, where a generator or a call per pattern costs more
    for required in patterns_required:
        for strings in required:
            if len(strings) >= SCANNED_FROM:
                if _scanner(strings).search(lowered) is None:
                    break
                continue
            for string in strings:
                if string in lowered:
                    break
            else:
                break  # a set none of whose strings the note holds: this pattern cannot match
        else:
            return True
    return False


# a set of this many strings is looked for in one scan of the note rather than one substring test each (a drug
# list's 199 names: 8.7 -> 3.6 us on a two-sentence note); below about a hundred the tests are as fast or faster
SCANNED_FROM = 100


@lru_cache(maxsize=1024)
def _scanner(strings: frozenset[str]) -> re.Pattern:
    """A pattern matching any of the strings, as a trie: one pass over the note finds whether it holds one."""
    return re.compile(_trie(sorted(strings)))


@lru_cache(maxsize=4)
def lowered_note(note: str) -> str | None:
    """The note in lower case, None beyond ASCII: lowered once per note for the many rules that test it."""
    return note.lower() if note.isascii() else None


class Prefilter:
    """The patterns that may match a note, found from the required words the note holds. The words are found in
    one scan of the note with a pattern built as a trie of them (longest first at each position; the shorter
    words that are its prefixes come with it).

    On a note the patterns are worked on by their place in the prefilter, never hashed: a compiled pattern's hash
    reads its whole program each time (29 us for a table's gate of 4,900 characters), a place's is an int's."""

    def __init__(self, patterns, *, single_letters: bool = False, scan: "WordScan | None" = None):
        """`single_letters`: test the sets that hold a one-character string too ("?" among a doubt's words), as
        `any_may_match` does; left out by default, as a single letter is in almost every note. `scan`: the scan
        this prefilter's words join (`NOTE_WORDS` for a prefilter of the whole note); its own by default."""
        given = list(patterns)
        held = list(dict.fromkeys(given))  # equal patterns once, in the order given
        shortest = 1 if single_letters else 2
        required = [[strings for strings in required_literals(pattern) if min(map(len, strings)) >= shortest]
                    for pattern in held]
        place = {pattern: i for i, pattern in enumerate(held)}
        # every given pattern's place by its id: the prefilter keeps them all, so no id is reused while it lives
        self._given, place_by_id = given, {id(pattern): place[pattern] for pattern in given}
        singles = tuple(frozenset((pattern,)) for pattern in held)
        self._everything = PossiblePatterns(singles, frozenset(range(len(held))), place_by_id)
        self._nothing = PossiblePatterns(singles, frozenset(), place_by_id)  # most notes, for most prefilters
        self._always = frozenset(i for i, sets in enumerate(required) if not sets)
        # a pattern may match once its first set is met and these, its other sets, are too
        self._others = {i: frozenset((i, n) for n in range(1, len(sets))) for i, sets in enumerate(required) if sets}
        satisfies: dict[str, set[tuple[int, int]]] = {}
        for i, sets in enumerate(required):
            for n, strings in enumerate(sets):
                for string in strings:
                    satisfies.setdefault(string, set()).add((i, n))
        self._satisfies = satisfies
        self._scan = WordScan() if scan is None else scan
        self._scan.join(satisfies)
        self._meets, self._read_version = {}, -1  # read from the scan's words on the first note

    def possible(self, note: str) -> "PossiblePatterns":
        """Every pattern that can match the note (some that cannot may be among them). A note with characters
        beyond ASCII gets all: re.IGNORECASE folds them otherwise than str.lower ("\\u017f" matches "s")."""
        places = self.possible_places(note)
        if places is self._everything._places:
            return self._everything
        return self._everything.among(places) if places else self._nothing

    def possible_places(self, note: str) -> "frozenset[int] | set[int]":
        """The places (in the order given, equal patterns once) of the patterns that can match the note, as
        `possible` finds them, without the set of the patterns themselves."""
        lowered = lowered_note(note)
        if lowered is None:
            return self._everything._places
        scan = self._scan
        found = scan.found(note, lowered)
        if self._read_version != scan.version:
            self._meets, self._read_version = self._meets_among(scan.words), scan.version
        meets = self._meets
        satisfied = set().union(*map(meets.__getitem__, meets.keys() & found))
        others = self._others
        places = {i for i, n in satisfied if n == 0 and others[i] <= satisfied}
        places.update(self._always)
        return places

    def place_of(self, pattern: re.Pattern) -> int:
        """A given pattern's place, as `possible_places` answers it."""
        return self._everything._place_by_id[id(pattern)]

    def indexes_by_place(self, patterns: list[re.Pattern]) -> dict[int, tuple[int, ...]]:
        """A table's patterns (each given to this prefilter as it is) by place: the indexes of those at each place,
        which `possible_indexes` reads for a note."""
        by_place: dict[int, list[int]] = {}
        for index, pattern in enumerate(patterns):
            by_place.setdefault(self.place_of(pattern), []).append(index)
        return {place: tuple(indexes) for place, indexes in by_place.items()}

    def _meets_among(self, words: frozenset[str]) -> dict[str, frozenset[tuple[int, int]]]:
        """The sets each word of the scan meets: those of this prefilter's words that are its prefixes (the scan
        finds the longest of its words at a position; the shorter ones starting there are its prefixes)."""
        own, meets = self._satisfies, {}
        for word in words:
            met = [own[word[:end]] for end in range(1, len(word) + 1) if word[:end] in own]
            if met:
                meets[word] = frozenset().union(*met)
        return meets


def possible_indexes(places, by_place: dict[int, tuple[int, ...]]) -> list[int]:
    """The indexes, in the table's order, of the table's items whose pattern is at one of `places` (a prefilter's
    answer for a note): the few a note may hold, found without testing each item's pattern for membership."""
    return sorted(index for place in places for index in by_place.get(place, ()))


class WordScan:
    """The words of the prefilters that join it, looked for in one scan of a note: the prefilters of the whole
    note (the convention gates', the findings', the history entries', the scope cues'...) read their places from
    that one scan rather than each from its own (a note of 1,000 characters read once, not six times). The last
    note's words are kept for the prefilters that follow on the same note object: an equal text that arrives again
    (another encounter with the same note) is scanned afresh, so a stream of repeated notes costs what it would."""

    def __init__(self):
        self.words: frozenset[str] = frozenset()
        self.version = 0  # a prefilter rereads its words' meets when others join
        self._pattern: re.Pattern | None = None
        self._last: tuple[str | None, frozenset[str]] = (None, frozenset())

    def join(self, words) -> None:
        if not self.words.issuperset(words):
            self.words = self.words.union(words)
            self.version += 1
            self._pattern, self._last = None, (None, frozenset())

    def found(self, note: str, lowered: str) -> frozenset[str]:
        """The longest of the words at each position of the lowered note."""
        last_note, last_found = self._last  # one read: a note that is not the last one is scanned afresh
        if note is last_note:  # the object itself is held, so its id cannot pass to another string
            return last_found
        if self._pattern is None:
            self._pattern = _scanner_of_starts(self.words)
        found = frozenset(self._pattern.findall(lowered))
        self._last = (note, found)
        return found


# the scan of the whole note shared by its prefilters
NOTE_WORDS = WordScan()


class PossiblePatterns(frozenset):
    """The patterns a prefilter leaves possible for a note: a frozenset built from the prefilter's one-pattern sets
    (whose hashes they keep), tested for membership by the pattern's place. A pattern the prefilter was not given
    is looked up as in any set, by its hash."""

    def __new__(cls, singles: tuple[frozenset, ...], places: frozenset[int] | set[int], place_by_id: dict[int, int]):
        chosen = frozenset.__new__(cls, frozenset().union(*map(singles.__getitem__, places)))
        chosen._singles, chosen._places, chosen._place_by_id = singles, places, place_by_id
        return chosen

    def among(self, places: set[int]) -> "PossiblePatterns":
        return PossiblePatterns(self._singles, places, self._place_by_id)

    def __contains__(self, pattern) -> bool:
        place = self._place_by_id.get(id(pattern))
        if place is None:
            return frozenset.__contains__(self, pattern)
        return place in self._places


def _scanner_of_starts(words: frozenset[str]) -> re.Pattern:
    """A pattern whose `findall` answers the longest of the words at each position of a note. It matches one
    character, one a word can start with, and looks back from after it for the words from there: the regex engine
    skips through the characters outside the class on its own, where a look-ahead tried at every position ran a
    whole match attempt at each (49 -> 36 us on a development note, for the note's 3,325 words)."""
    if not words:
        return re.compile("(?!)")  # nothing to find
    starts = "".join(sorted({re.escape(word[0]) for word in words}))
    return re.compile(f"[{starts}](?<=(?=({_trie(sorted(words))})).)", re.DOTALL)


def _trie(words: list[str]) -> str:
    """An alternation of the words that matches the longest of them starting at a position, branching on one
    character at a time (the regex engine tries an alternation's branches in turn)."""
    trie: dict = {}
    for word in words:
        node = trie
        for character in word:
            node = node.setdefault(character, {})
        node[""] = {}

    def alternation(node: dict) -> str:
        branches = [re.escape(character) + alternation(child) for character, child in sorted(node.items())
                    if character]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return alternation(trie)


def _sequence(items) -> list[frozenset[str]]:
    """The required sets of a sequence: its runs of literal characters and its required sub-items."""
    found, run = [], []
    for op, av in [*items, (None, None)]:
        if op is sre.LITERAL and av < 128:  # beyond ASCII, a pattern's letter may match an ASCII one ("\u212a")
            run.append(chr(av).lower())
            continue
        if run:
            found.append(frozenset({"".join(run)}))
            run = []
        if op not in (sre.AT, sre.ASSERT, sre.ASSERT_NOT, None):  # a look-around or boundary requires no characters
            found.extend(_item(op, av))
    return found


def _item(op, av) -> list[frozenset[str]]:
    if op is sre.SUBPATTERN:
        return _sequence(av[-1])
    if op is sre.BRANCH:  # one of the branches: each must give a set, and the union is required
        branches = [_sequence(branch) for branch in av[1]]
        if not all(branches):
            return []
        union = frozenset().union(*(max(b, key=lambda strings: min(map(len, strings))) for b in branches))
        return [union, *_shared(branches, union)]
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and av[0] >= 1:
        return _sequence(av[2])
    return []


def _shared(branches: list[list[frozenset[str]]], union: frozenset[str]) -> list[frozenset[str]]:
    """The sets of the first branch that every other branch requires too (one of its sets holds no other string):
    "(hand pain|pain in the hand)" requires "hand" beside the union of the branches' strongest sets ("pain"), which
    a note with "chest pain" meets. Sets of one character are left out: they are in every note."""
    return [strings for strings in branches[0] if strings != union and min(map(len, strings)) > 1
            and all(any(theirs <= strings for theirs in branch) for branch in branches[1:])]
