"""Joint, spine and soft-tissue conditions by the site the ICD-10-CM alphabetic index names, for `documented_findings`.
Without a site the index sends "osteoarthritis" to M19.90 and "capsulitis" to M77.9, so "OA of the right shoulder"
or "L adhesive capsulitis" stayed unspecified for a coder.

- "Osteoarthritis, shoulder" M19.01-, "..., elbow" M19.02-, "..., wrist" M19.03-, "..., hand" M19.04-,
  "..., ankle" and "..., foot" M19.07-, "..., first carpometacarpal joint" M18.1- (bilateral M18.0): primary unless
  the clause calls it secondary, post-traumatic or a named arthritis (those are read elsewhere or by a coder).
  The knee and hip are read in `documented_findings`.
- "Capsulitis, adhesive (shoulder)" and "Frozen shoulder" M75.0-; "Impingement, shoulder" (subacromial) M75.4-;
  "Bursitis, shoulder, subacromial" M75.5-; "Syndrome, patellofemoral" M22.2-; "Syndrome, iliotibial band" M76.3-.
- "Stenosis, spinal" by region, written without "spinal" ("lumbar stenosis"): M48.0-, as the spinal stenosis
  reading resolves it (lumbar with or without neurogenic claudication).

Each is the unspecified-side code: the laterality rule takes the side the sentence states.
"""
import re

from services.coding.domain.musculoskeletal_findings import spinal_stenosis
from services.coding.domain.note_text import sentence, word_pattern as _rx

_SIDE = r"(the |his |her |both |bilateral )?(right |left |r |l )?"
_OA = r"(primary )?(osteoarthritis|oa|djd|degenerative joint disease|degenerative arthritis)"
_NOT_PRIMARY = _rx(r"secondary|post-?traumatic|rheumatoid|psoriatic|gout(y)?|septic|inflammatory|erosive")
_OTHER_JOINT = _rx(r"hip|knee|spine|lumbar|cervical|elbow|wrist|ankle|jaw|tmj")


def _primary_oa(code: str, what: str):
    def resolve(match: re.Match, note: str) -> tuple[str, str] | None:
        if _NOT_PRIMARY.search(sentence(note, match.start(), match.end())):
            return None
        return code, f"primary osteoarthritis of the {what} (not stated otherwise)"
    return resolve


def _oa_of(joint: str) -> re.Pattern:
    """"OA of the right shoulder", "left shoulder OA", "osteoarthritis, R shoulder", "OA both shoulders"."""
    return _rx(rf"(?<!traumatic ){_OA}((,| of| in) {_SIDE}| {_SIDE}){joint}s?|{_SIDE}{joint}s? {_OA}")


def _shoulder_default(code: str, what: str):
    """A shoulder condition whose index entry names the shoulder as its site when no other joint is named."""
    def resolve(match: re.Match, note: str) -> tuple[str, str] | None:
        if _OTHER_JOINT.search(sentence(note, match.start(), match.end())):
            return None
        return code, what
    return resolve


def _fixed(code: str, why: str):
    return lambda match, note: (code, why)


_DECOMPRESSED = _rx(r"decompress(ed|ion)|laminectomy|laminotomy|fused|fusion")


def _stenosis_not_decompressed(match: re.Match, note: str) -> tuple[str, str] | None:
    """A stenosis its sentence says was decompressed is the operation's past, not a current stenosis."""
    if _DECOMPRESSED.search(sentence(note, match.start(), match.end())):
        return None
    return spinal_stenosis(match, note)


# every word the table's patterns need, searched once before them
JOINT_SITE_WORDS = re.compile(r"osteoarthritis|\boa\b|\bdjd\b|degenerative|arthritis|capsulitis|frozen|impingement|"
                              r"bursitis|patellofemoral|\bpfps\b|iliotibial|\bit band|\bitbs\b|stenosis", re.IGNORECASE)
# (words, codes the index may have found on them, resolve)
JOINT_SITE_FINDINGS = (
    (_oa_of(r"(shoulder|glenohumeral joint|glenohumeral)"), ("M19",), _primary_oa("M19.019", "shoulder")),
    (_oa_of(r"elbow"), ("M19",), _primary_oa("M19.029", "elbow")),
    (_oa_of(r"wrist"), ("M19",), _primary_oa("M19.039", "wrist")),
    (_oa_of(r"hand"), ("M19",), _primary_oa("M19.049", "hand")),
    (_oa_of(r"(ankle|foot)"), ("M19",), _primary_oa("M19.079", "ankle and foot")),
    (_rx(rf"{_OA}((,| of| in) {_SIDE}| {_SIDE})(first |1st |thumb |basal thumb )?(cmc|carpometacarpal) joints?|"
         rf"{_SIDE}(thumb|first|1st) (cmc|carpometacarpal)( joint)? (arthritis|{_OA})|{_SIDE}basal (joint )?thumb "
         rf"(arthritis|{_OA})"), ("M18", "M19"), _primary_oa("M18.10", "first carpometacarpal joint")),
    (_rx(rf"frozen {_SIDE}shoulder|adhesive capsulitis( (of|in) {_SIDE}shoulder)?|{_SIDE}shoulder adhesive capsulitis"),
     ("M75", "M77"), _shoulder_default("M75.00", "adhesive capsulitis of the shoulder (frozen shoulder)")),
    (_rx(rf"{_SIDE}(shoulder|subacromial) impingement( syndrome)?|impingement( syndrome)? (of|in) {_SIDE}shoulder"),
     ("M75",), _fixed("M75.40", "impingement syndrome of the shoulder")),
    (_rx(rf"{_SIDE}subacromial bursitis|{_SIDE}shoulder bursitis|bursitis (of|in) {_SIDE}shoulder"), ("M75", "M71"),
     _fixed("M75.50", "bursitis of the shoulder")),
    (_rx(rf"{_SIDE}(patellofemoral (pain )?syndrome|pfps)|patellofemoral (pain )?syndrome (of|in) {_SIDE}knee"),
     ("M22", "R52", "M25"), _fixed("M22.2X9", "patellofemoral disorder of the knee")),
    # "Stenosis, spinal, lumbar region": the region named without the word "spinal" ("L4-5 lumbar stenosis")
    (_rx(r"(lumbar|lumbosacral|thoracic|cervical) stenosis"), ("M48", "M99"), _stenosis_not_decompressed),
    (_rx(rf"{_SIDE}(iliotibial|it) band (friction )?syndrome|{_SIDE}itbs"), ("M76",),
     _fixed("M76.30", "iliotibial band syndrome")),
)
