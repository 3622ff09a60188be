"""One condition named twice, once with its type and once without ("JME ... refer for epilepsy surgery eval",
"MDD, single episode, mild ... first episode of depression"): the code the note specifies stands and the
unspecified code of the same category is dropped (guideline I.B.2: the highest specificity the documentation
supports; the unspecified code is for a note that gives nothing more).

The categories below, where the unspecified code is an unspecified *type* of the same disease; a second
condition in one category (F41.0 panic disorder and F41.1 GAD) is two codes and both stay. Beyond the table, the
tabular's own words: a code the tabular calls unspecified ("Post-traumatic stress disorder, unspecified",
"..., unspecified site") gives way to a specified code the note also documents whose description holds every
other word of it, in the same subcategory (F43.1-, M11.2-: "PTSD after MVC ... Dx: PTSD, chronic" is F43.12
alone) or category ("hx COPD ... AECOPD" is J44.1 alone, "emphysema ... centrilobular emphysema" J43.2), or in
another category when the specified code names no second condition ("insomnia ... primary insomnia" is F51.01;
"CKD" beside "diabetes with chronic kidney disease" stays, as the stage the combination asks for).
"""
import re

from services.coding.domain.suggestions import Suggestion

NAME = "same-condition"
# unspecified code prefix -> the prefixes of the specified codes of the same condition
UNSPECIFIED = {
    "G40.9": ("G40.0", "G40.1", "G40.2", "G40.3", "G40.4", "G40.5", "G40.8", "G40.A", "G40.B"),
    "G43.9": ("G43.0", "G43.1", "G43.7", "G43.8"),
    "G35.D": ("G35.A", "G35.B", "G35.C"),
    "F90.9": ("F90.0", "F90.1", "F90.2", "F90.8"),
    "F31.9": ("F31.0", "F31.1", "F31.2", "F31.3", "F31.4", "F31.5", "F31.6", "F31.7", "F31.8"),
    "F32.9": ("F32.0", "F32.1", "F32.2", "F32.3", "F32.4", "F32.5", "F33"),
    "F32.A": ("F32.0", "F32.1", "F32.2", "F32.3", "F32.4", "F32.5", "F32.9", "F33"),
    "F33.9": ("F33.0", "F33.1", "F33.2", "F33.3", "F33.4"),
    # "referred for anxiety ... Dx: anxiety disorder due to hyperthyroidism": the anxiety is the one the
    # condition causes
    "F41.9": ("F06.4",),
    "F42.9": ("F42.2", "F42.8"),  # "OCD ... mixed obsessional thoughts and acts" (not hoarding or excoriation)
    "F40.10": ("F40.11",),
    "F50.9": ("F50.0", "F50.2", "F50.8"),
    "M10.9": ("M10.0", "M10.1", "M10.2", "M10.3", "M10.4"),  # "gout flare L 1st MTP ... allopurinol (for gout)"  # "binge eating disorder ... refer to an eating disorder program"
    "R07.9": ("R07.1", "R07.2", "R07.81", "R07.82", "R07.89"),  # chest pain, then its kind ("chest wall pain")
    "R01.1": ("R01.0",),  # "murmur heard at the WCC ... Dx: Still's murmur, innocent": the murmur is the innocent one
    "R05.9": ("R05.1", "R05.2", "R05.3", "R05.4", "R05.8"),  # "chronic cough ... reflux-related cough likely"
    # "COPD f/u ... COPD with emphysema": the emphysema is the COPD's type (the index's "Disease, lung, obstructive,
    # with emphysema" J43.9), a bare COPD elsewhere in the note is the same disease
    "J44.9": ("J43",),
    # "Asthma visit ... moderate persistent asthma with acute exacerbation": the asthma is the one of the severity
    # stated (not J45.99-, exercise-induced bronchospasm and cough variant asthma, conditions of their own); an
    # exacerbation only beside the same exacerbation, as a copied-forward one is another visit's
    "J45.909": ("J45.2", "J45.3", "J45.4", "J45.5"),
    "J45.901": ("J45.21", "J45.31", "J45.41", "J45.51"),
    "J45.902": ("J45.22", "J45.32", "J45.42", "J45.52"),
    # "OA" beside "primary osteoarthritis R knee": the unspecified site is the joint named elsewhere
    "M19.90": ("M15", "M16", "M17", "M18", "M19.0", "M19.1", "M19.2"),
    # "knee OA ... primary OA R knee": the joint's unspecified arthrosis is the type and side named elsewhere
    "M16.9": ("M16.0", "M16.1", "M16.2", "M16.3", "M16.4", "M16.5", "M16.6", "M16.7"),
    "M17.9": ("M17.0", "M17.1", "M17.2", "M17.3", "M17.4", "M17.5"),
    "M18.9": ("M18.0", "M18.1", "M18.2", "M18.3", "M18.4", "M18.5"),
    # "ILD ... IPF": the interstitial disease is the one whose type the note names
    "J84.9": ("J84.0", "J84.1", "J84.2", "J84.8"),
    # "hypothyroid ... Hashimoto's", "... due to amiodarone", "... after thyroidectomy": the hypothyroidism is the
    # one of the cause stated (the index's "Hypothyroidism, autoimmune E06.3", "due to drug E03.2",
    # "postprocedural E89.0")
    "E03.9": ("E03.0", "E03.1", "E03.2", "E03.3", "E03.4", "E03.8", "E06.3", "E89.0"),
    # "Diabetes visit ... type 2 diabetes with a foot ulcer": diabetes "without complications" is the same diabetes
    # as the complication the note codes it with, and cannot stand beside it (the tabular's E1x.9)
    "E10.9": ("E10.0", "E10.1", "E10.2", "E10.3", "E10.4", "E10.5", "E10.6", "E10.8"),
    "E11.9": ("E11.0", "E11.1", "E11.2", "E11.3", "E11.4", "E11.5", "E11.6", "E11.8"),
    "E13.9": ("E13.0", "E13.1", "E13.2", "E13.3", "E13.4", "E13.5", "E13.6", "E13.8"),
}


_TABLED = tuple(UNSPECIFIED)  # one test for the codes the table names none of: most codes, on most notes
_UNSPECIFIED = re.compile(r"\bunspecified\b", re.IGNORECASE)
_CATEGORY = 3  # "J44": the category
# words by which a description names a second condition or a cause: such a code is a combination, not a kind
_COMBINATION_WORDS = frozenset({"with", "without", "in", "due", "and", "secondary", "following", "complicating",
                                "associated"})


_WORDS = re.compile(r"[a-z]+")
_UNSPECIFIED_WORDS = frozenset({"unspecified", "site", "side"})


def _words(description: str) -> set[str]:
    return set(_WORDS.findall(description.lower()))


def _same_condition_specified(unspecified: Suggestion, affirmed: list[Suggestion]) -> str | None:
    """An affirmed code, not itself unspecified, whose description holds every word of the unspecified one but
    "unspecified" (and its "site"/"side"): "Pain in unspecified knee" gives way to "Pain in right knee", not to
    "Pain in right hip". Across categories only a code that names no second condition (see the module)."""
    code = unspecified.code
    own = _words(unspecified.description) - _UNSPECIFIED_WORDS
    return next((s.code for s in affirmed if s.code != code and not _UNSPECIFIED.search(s.description)
                 and own <= (theirs := _words(s.description)) and _kin(code, s.code, theirs)), None)


def _kin(code: str, other: str, other_words: set[str]) -> bool:
    return other[:_CATEGORY] == code[:_CATEGORY] or not other_words & _COMBINATION_WORDS


def same_condition(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    affirmed = [s.code for s in suggestions if s.context == "affirmed"]
    current = [s for s in suggestions if s.context == "affirmed"]
    dropped, reasons = [], []
    for s in suggestions:
        specified = next((v for k, v in UNSPECIFIED.items() if s.code.startswith(k)), ()) \
            if s.code.startswith(_TABLED) else ()
        owner = next((c for c in affirmed if c.startswith(specified)), None) if specified else None
        if owner is None and _UNSPECIFIED.search(s.description):
            owner = _same_condition_specified(s, current)
        if owner and s.context == "affirmed":
            dropped.append(s)
            reasons.append(f"{s.evidence}: {s.code} is {owner} named without its type; {owner} stands")
    return [s for s in suggestions if s not in dropped], reasons
