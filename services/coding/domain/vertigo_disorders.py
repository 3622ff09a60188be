"""The peripheral vertigo disorders, by ear, for `documented_findings`.

The index files them under their own names, each category split by ear: "Vertigo, benign paroxysmal
(positional)" H81.1-, "Meniere's disease" H81.0-, "Neuronitis, vestibular" H81.2-. Notes write them as "BPPV",
"Meniere's" or "vestibular neuritis", which meet no index term, so the word "vertigo" inside the name was read as
the symptom R42. The ear is the side the diagnosis's sentence states; none stated is the unspecified ear.
"""
import re

from services.coding.domain.laterality import stated_side
from services.coding.domain.note_text import sentence, word_pattern as _word

# the characters after each category: by the side the sentence states
_EARS = {"H81.0": {"right": "1", "left": "2", "bilateral": "3", None: "9"},
         "H81.1": {"right": "1", "left": "2", "bilateral": "3", None: "0"},
         "H81.2": {"right": "1", "left": "2", "bilateral": "3", None: "0"}}

_BPPV = _word(r"bppv|benign paroxysmal positional vertigo|benign positional vertigo|benign paroxysmal vertigo")
_MENIERE = _word(r"meniere'?s?( disease| syndrome)?")  # as notes type it, without the accents
_VESTIBULAR_NEURITIS = _word(r"vestibular neuronitis|vestibular neuritis")


def _by_ear(category: str, name: str):
    def resolve(match: re.Match, note: str) -> tuple[str, str]:
        side = stated_side(sentence(note, match.start(), match.end()))
        return category + _EARS[category][side], f"{name}, {side + ' ear' if side else 'ear not stated'}"
    return resolve


VERTIGO_WORDS = re.compile(r"bppv|vertigo|meniere|vestibular", re.IGNORECASE)
# (words, codes the index may have found on them, resolve)
VERTIGO_FINDINGS = (
    (_BPPV, ("R42", "H81"), _by_ear("H81.1", "benign paroxysmal vertigo")),
    (_MENIERE, ("H81",), _by_ear("H81.0", "Meniere's disease")),
    (_VESTIBULAR_NEURITIS, ("H81",), _by_ear("H81.2", "vestibular neuronitis")),
)
