"""A joint's or a limb's own sign beside a confirmed diagnosis of the same site and side (guideline I.B.5 and
IV.D: a sign routinely part of a confirmed diagnosis is not coded beside it).

Pain, effusion or stiffness of a joint (M25.4-, M25.5-, M25.6-) and pain in a limb (M79.6-) are what a disorder or
an injury of that joint or limb presents with: the knee's pain with its osteoarthritis, the hip's pain with its
trochanteric bursitis, the shoulder's pain with its contusion. Which diagnosis is "of the same site" is read from
the tabular titles of both codes, none listed by hand: the sign's title names a side and a site ("Pain in left
hip", "Effusion, right knee", "Pain in right lower leg"), and the diagnosis's title names the same side (or
"bilateral") and every word of the site ("Trochanteric bursitis, left hip"). A sign of the other side, of another
joint, or beside a diagnosis the note only supposes is kept; a status (Z) or another sign is no diagnosis.
"""
import re

from services.coding.domain.injury_sequela import sequela_code
from services.coding.domain.suggestions import Suggestion

NAME = "sign-of-same-site-diagnosis"
REASON = "{code} ({evidence}) is a sign of {site}, part of {owner} ({title}) of the same site: not coded"

SITE_SIGNS = ("M25.4", "M25.5", "M25.6", "M79.6")
_SIDED_SITE = re.compile(r"\b(right|left) ([a-z ]+?)(?: and |,|$)")
_SIDES = ("right", "left")


def _site_of(title: str) -> tuple[str, frozenset[str]] | None:
    """The side and the site's words a sign's title names ("Pain in right lower leg" -> right, {lower, leg})."""
    found = _SIDED_SITE.search(title.lower())
    if found is None:
        return None
    return found.group(1), frozenset(found.group(2).split()) - {"joint", "joints", "of"}


def _names_site(title: str, side: str, site: frozenset[str]) -> bool:
    """A diagnosis title naming the sign's side (or both sides) and every word of its site."""
    said = set(re.findall(r"[a-z]+", title.lower()))
    return bool(site) and site <= said and (side in said or "bilateral" in said)


# a diagnosis coded without its site ("Osteonecrosis, unspecified") whose own words go on to name the site and side
# ("osteonecrosis of the R femoral head"); a bone's part whose disorder is its joint's names that joint too
_SITE_AFTER = re.compile(r",? (of|in|at) (the |her |his )?(?P<side>right|left|rt|lt|r|l) (?P<site>[a-z]+( [a-z]+)?)",
                         re.IGNORECASE)
_SPELLED_SIDE = {"r": "right", "rt": "right", "l": "left", "lt": "left"}
_JOINT_OF_BONE = {"femoral head": "hip", "femoral neck": "hip", "humeral head": "shoulder", "radial head": "elbow",
                  "patella": "knee", "talus": "ankle"}


def _title(d: Suggestion, note: str, tabular) -> str:
    """The diagnosis's title, with the site and side its words name where the code leaves the site unspecified."""
    title = tabular.description(d.code)
    if "unspecified" not in title.lower() or _SIDED_SITE.search(title.lower()):
        return title
    named = _SITE_AFTER.match(note, d.end)
    if named is None:
        return title
    side, site = named.group("side").lower(), named.group("site").lower()
    joint = next((joint for bone, joint in _JOINT_OF_BONE.items() if site.startswith(bone)), "")
    return f"{title} ({_SPELLED_SIDE.get(side, side)} {site} {joint})"


def _diagnosis(s: Suggestion) -> bool:
    """A diagnosis the sign can be part of: not an injury's sequela code, whose residual is coded first beside it."""
    return s.context == "affirmed" and s.code[0] not in "RZ" and not s.code.startswith(SITE_SIGNS) \
        and not sequela_code(s.code)


def same_site_signs(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    """Drop a joint's or a limb's sign where a confirmed diagnosis of the same site and side is coded."""
    diagnoses = [s for s in suggestions if _diagnosis(s)]
    if not diagnoses:
        return suggestions, []
    kept, reasons = [], []
    for s in suggestions:
        site = _site_of(tabular.description(s.code)) if s.code.startswith(SITE_SIGNS) else None
        owner = next((d for d in diagnoses if _names_site(_title(d, note, tabular), *site)), None) if site else None
        if owner is None:
            kept.append(s)
            continue
        reasons.append(REASON.format(code=s.code, evidence=s.evidence, site=f"the {site[0]} {' '.join(sorted(site[1]))}",
                                     owner=owner.code, title=_title(owner, note, tabular)))
    return kept, reasons
