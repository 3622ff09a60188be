"""Conditions of infancy and childhood by the ICD-10-CM index's own entries, for `documented_findings`.

Pediatric notes name these conditions by words the tabular's titles do not hold ("croup", "Still's murmur", "DDH",
"small PDA", "poor latch", "abnormal newborn screen"), so they met nothing, or the unspecified code of a category
whose words said more. Each row names the index entry it reads:

- "Murmur, benign, functional, innocent" R01.0 (a Still's or vibratory murmur called innocent, benign or
  functional), not the unspecified R01.1.
- "Convulsions, febrile, simple" R56.00 and "..., complex" R56.01 (atypical, complicated), the kind before the
  seizure the index's default entry reads without.
- "Croup, croupous" J05.0 (croup is acute obstructive laryngitis).
- "Patent, ductus arteriosus" Q25.0, written PDA with its size or shunt (PDA is also the posterior descending
  artery: the bare letters are not read).
- "Dysplasia, hip, congenital" Q65.89 (developmental dysplasia of the hip, DDH).
- "Talipes, equinovarus" Q66.0- by the foot the sentence names (a bare "clubfoot" is the index's Q66.89).
- "Findings, abnormal, neonatal screening" P09.-, by the disorder screened for (inborn errors of metabolism P09.1,
  congenital endocrine disease P09.2, hemoglobinopathy P09.3, cystic fibrosis P09.4, critical congenital heart
  disease P09.5, hearing loss P09.6).
- "Jaundice, newborn" (neonatal, physiologic, hyperbilirubinemia of the newborn) P59.9 where no cause is named (a
  preterm birth, breast milk, hemolysis or an incompatibility are the other P59 and P55 codes: a coder's).
- "Difficulty, feeding, newborn, breast" P92.5: a breastfeeding difficulty or poor latch in a note about a
  newborn (days or weeks old).
"""
import re

from services.coding.domain.finding_resolvers import fixed
from services.coding.domain.laterality import stated_side
from services.coding.domain.note_text import sentence, word_pattern as _rx

_JAUNDICE_CAUSE = _rx(r"preterm|premature|prematurity|breast ?milk|breast ?feeding|hemoly\w*|abo|rh|g6pd|"
                     r"incompatib\w*|spherocytosis|sepsis|biliary atresia|cholesta\w*|direct|conjugated")


def _newborn_jaundice(match: re.Match, note: str) -> tuple[str, str] | None:
    if _JAUNDICE_CAUSE.search(sentence(note, match.start(), match.end())):
        return None
    return "P59.9", "neonatal jaundice of no stated cause"


_TALIPES_SIDE = {"right": "Q66.01", "left": "Q66.02", None: "Q66.00"}


def _talipes_equinovarus(match: re.Match, note: str) -> tuple[str, str] | None:
    side = stated_side(sentence(note, match.start(), match.end()))
    if side == "bilateral":
        return None  # both feet are two codes: a coder's
    return _TALIPES_SIDE[side], "congenital talipes equinovarus" + (f", {side} foot" if side else "")


_SCREENED_DISORDERS = (
    (_rx(r"hypothyroidism|thyroid|cah|congenital adrenal hyperplasia|endocrine"), "P09.2",
     "congenital endocrine disease"),
    (_rx(r"pku|phenylketonuria|galactosemia|msud|maple syrup|metabolic|inborn error\w*|mcad\w*|fatty acid "
         r"oxidation|amino acid"), "P09.1", "inborn errors of metabolism"),
    (_rx(r"sickle\w*|hemoglobinopath\w*|thalassemia|hemoglobin"), "P09.3", "congenital hematologic disorders"),
    (_rx(r"cystic fibrosis|cf|irt"), "P09.4", "cystic fibrosis"),
    (_rx(r"cchd|critical congenital heart disease|pulse ox\w*"), "P09.5", "critical congenital heart disease"),
    (_rx(r"hearing"), "P09.6", "neonatal hearing loss"),
)


def _newborn_screen(match: re.Match, note: str) -> tuple[str, str] | None:
    text = sentence(note, match.start(), match.end())
    found = {(code, what) for words, code, what in _SCREENED_DISORDERS if words.search(text)}
    if len(found) != 1:
        return None  # no disorder named, or several: P09.8/P09.9 or two codes are a coder's
    code, what = found.pop()
    return code, f"abnormal findings on neonatal screening for {what}"


# a note about a newborn: its age in days or in its first weeks, or the word itself
_NEWBORN = _rx(r"newborn|neonat\w*|\d+[- ]days?[- ]old|\d+ ?d/o|[1-4][- ](wk|wks|week|weeks)[- ]old")


def _breastfeeding_difficulty(match: re.Match, note: str) -> tuple[str, str] | None:
    if not _NEWBORN.search(note):
        return None  # a mother's or an older infant's feeding is no newborn's difficulty
    return "P92.5", "neonatal difficulty in feeding at breast"


CHILDHOOD_WORDS = re.compile(r"murmur|febrile|croup|jaundice|hyperbilirubinemia|pda|dysplasia|ddh|equinovarus|newborn screen|neonatal screen|"
                             r"latch|breast ?feeding", re.IGNORECASE)
# (words, codes the index may have found on them, resolve)
CHILDHOOD_ENTRIES = (
    (_rx(r"(innocent|benign|functional|still'?s|vibratory) (systolic |heart |cardiac |flow )?murmur|"
         r"murmur,? (innocent|benign|functional)|still'?s murmur"), ("R01",),
     fixed("R01.0", "a benign (innocent, functional) cardiac murmur")),
    (_rx(r"simple febrile (seizures?|convulsions?)"), ("R56",), fixed("R56.00", "simple febrile convulsions")),
    (_rx(r"(complex|complicated|atypical) febrile (seizures?|convulsions?)"), ("R56",),
     fixed("R56.01", "complex febrile convulsions")),
    (_rx(r"(viral |recurrent |spasmodic |mild |moderate |severe )?croup"), ("J05", "J38", "J04"),
     fixed("J05.0", "croup is acute obstructive laryngitis")),
    (_rx(r"(tiny|small|moderate|large|restrictive|hemodynamically significant) PDA|PDA,? (with )?(l->r|l-r|"
         r"left[- ]to[- ]right)"), (), fixed("Q25.0", "patent ductus arteriosus")),
    (_rx(r"developmental dysplasia of (the )?(right |left |both |bilateral )?hips?|ddh|"
         r"congenital (hip dysplasia|dysplasia of (the )?(right |left |both |bilateral )?hips?)"), ("Q65", "M24"),
     fixed("Q65.89", "developmental (congenital) dysplasia of the hip")),
    (_rx(r"(congenital )?talipes equinovarus|ctev"), ("Q66",), _talipes_equinovarus),
    (_rx(r"abnormal (newborn|neonatal) screen(ing)?( test)?( result)?|(newborn|neonatal) screen(ing)?( test)?"
         r"( result)? (was |is )?(abnormal|positive|out of range)"), ("P09", "R94", "R89"), _newborn_screen),
    (_rx(r"(neonatal|newborn|physiologic(al)?) (jaundice|hyperbilirubinemia)|(jaundice|hyperbilirubinemia) of (the )?"
         r"newborn"), ("P59", "R17", "E80"), _newborn_jaundice),
    (_rx(r"(breast ?feeding|nursing) difficult(y|ies)|difficult(y|ies) (with )?(breast ?feeding|nursing)|"
         r"poor latch(ing)?|latch(ing)? difficult(y|ies)"), ("P92", "O92", "R63"), _breastfeeding_difficulty),
)
