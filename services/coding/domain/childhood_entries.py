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
- "Failure, to thrive, child" R62.51 written FTT, in a note about a child (the adult's is R62.7, a newborn's P92.6).
- "Disease, hand, foot and mouth" B08.4 written HFMD.
- "Delay, development" R62.50 (the index's entry: F88 is its "global" subterm, F80.9 its "speech") and "Delay,
  milestone" R62.0, in a note about a child.
- "Clubfoot (congenital)" Q66.89 where the sentence names no equinovarus and no acquired deformity.
- "Subluxation, congenital, hip" Q65.3- by the side named (both hips Q65.4), written congenital or in an infant's
  note (a hip subluxation at another age is an injury or a joint's: a coder's).
- "Preterm, newborn" P07.3- by the completed weeks the note gives at birth ("born at 33 weeks", "34-week preemie",
  "prematurity, 31 wks"), 28 to 36, in an infant's note (P07.30 where the weeks go unread; under 28 weeks is the
  extreme immaturity P07.2-, a coder's).
- "Metatarsus adductus (congenital)" Q66.22- by the foot named beside it, written congenital or in a child's note
  (both feet are two codes: a coder's).
- The newborn's own entries, in an infant's note: "Hemorrhage, intraventricular, newborn, grade 1" P52.0 (grade 1
  or I), "Hypoglycemia, neonatal (transitory)" P70.4 where no diabetic mother is named (an infant
  of one is P70.0/P70.1, a coder's), "Syndrome, respiratory distress, newborn" P22.0 (RDS, hyaline membrane
  disease; the adult's ARDS is J80).
- ASD by its context: autism F84.0 where the sentence or the note speaks of autism care (ABA, an IEP, the DSM's
  level, M-CHAT, ADOS) and not of a heart; the atrial septal defect Q21.1- (secundum Q21.11) where the sentence
  speaks of a heart (echo, shunt, closure, septal); neither or both, the letters are not read.
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


# a note whose patient is a newborn: its age in days or first weeks with its sex or kind ("6 d old F", "3 wk old
# infant"), not a mother's "her 2 wk old son"
NEWBORN_PATIENT = _rx(r"(\d{1,2}[- ]?(d|days?)|[1-4][- ]?(wk|wks|week|weeks))[- ]old,? (m|f|male|female|boy|girl|"
                      r"infant|baby|newborn|neonate)|\d{1,2} ?d/o (m|f|male|female|boy|girl|infant)")
# a note about a newborn: its age in days or in its first weeks, or the word itself
_NEWBORN = _rx(r"newborn|neonat\w*|\d+[- ]days?[- ]old|\d+ ?d/o|[1-4][- ](wk|wks|week|weeks)[- ]old")


def _breastfeeding_difficulty(match: re.Match, note: str) -> tuple[str, str] | None:
    if not _NEWBORN.search(note):
        return None  # a mother's or an older infant's feeding is no newborn's difficulty
    return "P92.5", "neonatal difficulty in feeding at breast"


# a note about a child: an age in days, weeks or months "old", months with a sex ("14 mo F"), years under 18
_CHILD = _rx(r"\d{1,2}[- ]?(d|days?|wks?|weeks?|mos?|months?)[- ]old|\d{1,2} ?m/o|\d{1,2} ?mo [mf]|"
             r"([1-9]|1[0-7])[- ]?(yo|y/o|years?[- ]old)|peds|pediatric|infant|toddler")
_INFANT = _rx(r"\d{1,2}[- ]?(d|days?|wks?|weeks?|mos?|months?)[- ]old|\d{1,2} ?m/o|\d{1,2} ?mo [mf]|infant|newborn|"
              r"dol ?\d{1,2}|day of life \d{1,2}")


def _in(age: re.Pattern, code: str, why: str):
    """The entry read only in a note whose patient is of the age the index's entry names."""
    return lambda match, note: (code, why) if age.search(note) else None


_CLUBFOOT_OTHER = _rx(r"equinovarus|ctev|acquired|paralytic|neuromuscular")


def _clubfoot(match: re.Match, note: str) -> tuple[str, str] | None:
    if _CLUBFOOT_OTHER.search(sentence(note, match.start(), match.end())):
        return None  # the talipes entry's, or an acquired clubfoot M21.54-
    return "Q66.89", "congenital clubfoot, its kind not stated"


_HIP_SUBLUXATION_SIDE = {"right": "Q65.31", "left": "Q65.32", "bilateral": "Q65.4", None: "Q65.30"}
_CONGENITAL = _rx("congenital")


def _hip_subluxation(match: re.Match, note: str) -> tuple[str, str] | None:
    if not (_CONGENITAL.search(sentence(note, match.start(), match.end())) or _INFANT.search(note)):
        return None
    side = stated_side(match.group(0))
    return _HIP_SUBLUXATION_SIDE[side], "congenital partial dislocation (subluxation) of the hip"


_PRETERM_WEEKS = {weeks: f"P07.3{weeks - 27}" for weeks in range(28, 37)}


def _preterm(match: re.Match, note: str) -> tuple[str, str] | None:
    weeks = int(next(group for group in match.groups() if group and group.isdigit()))
    if weeks not in _PRETERM_WEEKS or not _INFANT.search(note):
        return None
    return _PRETERM_WEEKS[weeks], f"preterm newborn, gestational age {weeks} completed weeks"


_METATARSUS_ADDUCTUS_SIDE = {"right": "Q66.221", "left": "Q66.222", None: "Q66.229"}


def _metatarsus_adductus(match: re.Match, note: str) -> tuple[str, str] | None:
    if not (_CONGENITAL.search(match.group(0)) or _CHILD.search(note)):
        return None  # an adult's adducted forefoot may be acquired: a coder's
    side = stated_side(match.group(0))
    if side == "bilateral":
        return None  # both feet are two codes: a coder's
    return _METATARSUS_ADDUCTUS_SIDE[side], "congenital metatarsus adductus" + (f", {side} foot" if side else "")


_DIABETIC_MOTHER = _rx(r"idm|igdm|infant of an? (gestational )?diabetic mother|maternal (gestational )?diabetes")


def _neonatal_hypoglycemia(match: re.Match, note: str) -> tuple[str, str] | None:
    if not _INFANT.search(note) or _DIABETIC_MOTHER.search(sentence(note, match.start(), match.end())):
        return None
    return "P70.4", "other neonatal hypoglycemia"


_AUTISM_CARE = _rx(r"autis\w*|aba|iep|level [123]|m-?chat|ados|stimming|meltdowns?|nonverbal|asperger\w*")
_HEART = _rx(r"echo\w*|tte|shunt|l->r|left[- ]to[- ]right|closure|closed|device|septal|secundum|primum|"
             r"sinus venosus|murmur|rv|cardiolog\w*|repair\w*")
_SECUNDUM = _rx("secundum")


def _asd(match: re.Match, note: str) -> tuple[str, str] | None:
    text = sentence(note, match.start(), match.end())
    autism_here = _AUTISM_CARE.search(text)
    if _HEART.search(text) and not autism_here:
        if _SECUNDUM.search(text):
            return "Q21.11", "secundum atrial septal defect"
        return "Q21.10", "atrial septal defect"
    if (autism_here or _AUTISM_CARE.search(note)) and not _HEART.search(note):
        return "F84.0", "autism spectrum disorder"
    return None  # the letters undecided


CHILDHOOD_WORDS = re.compile(r"murmur|febrile|croup|jaundice|hyperbilirubinemia|pda|dysplasia|ddh|equinovarus|"
                             r"newborn screen|neonatal screen|latch|breast ?feeding|ftt|hfmd|developmental delay|"
                             r"milestone|clubf|subluxation|asd|preterm|premat|preemie|born at|metatarsus|\bivh|"
                             r"intraventricular|neonatal hypogly|transitional hypogly|\brds\b|respiratory distress|"
                             r"hyaline",
                             re.IGNORECASE)
_WEEKS = r"(\d\d)(?: ?\d/7)?[- ]?(?:completed )?(?:weeks?|wks?)"
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
    (_rx(r"FTT"), ("R62",), _in(_CHILD, "R62.51", "failure to thrive in a child")),
    (_rx(r"HFMD"), ("B08",), fixed("B08.4", "hand, foot and mouth disease")),
    (_rx(r"(?<!global )(?<!speech )(?<!language )developmental delays?"), ("R62", "F88", "F89"),
     _in(_CHILD, "R62.50", "developmental delay, the index's unspecified lack of expected development")),
    (_rx(r"delayed (developmental )?milestones?|delay(ed)? in (developmental )?milestones|milestones? delay(ed)?"),
     ("R62",), _in(_CHILD, "R62.0", "delayed milestone in childhood")),
    (_rx(r"(right |left |r |l |bilateral |both )?club ?f(oo|ee)t"), ("Q66", "M21"), _clubfoot),
    (_rx(r"(congenital )?subluxation (of )?(the )?(right |left |r |l |bilateral |both )?hips?|"
         r"(right |left |r |l |bilateral )?hip subluxation"), ("S73", "Q65", "M24"), _hip_subluxation),
    (_rx(r"ASD"), ("Q21", "F84"), _asd),
    (_rx(rf"(?:born|delivered) at {_WEEKS}( gestation| GA)?|(?:preterm|premature) (?:newborn|infant|baby|neonate),? "
         rf"(?:born )?(?:at )?(?:GA )?{_WEEKS}|{_WEEKS}(?: gestation)? (?:preterm|premature|preemie)|(?:prematurity|"
         rf"preterm),? (?:at )?(?:GA )?{_WEEKS}( gestation)?"), ("P07",), _preterm),
    (_rx(r"(grade (1|i) (ivh|intraventricular hem\w*)|(ivh|intraventricular hem\w*),? grade (1|i))"
         r"( of (the )?newborn)?"), ("P52", "I61", "R58"),
     _in(_INFANT, "P52.0", "intraventricular (nontraumatic) hemorrhage, grade 1, of newborn")),
    (_rx(r"(neonatal|transitional|newborn) hypoglyc\w*|hypoglyc\w* of (the )?newborn"), ("P70", "E16"),
     _neonatal_hypoglycemia),
    (_rx(r"(?<!acute )(?<!adult )(rds|respiratory distress syndrome|hyaline membrane disease)( of (the )?newborn)?"),
     ("P22", "J80"), _in(_INFANT, "P22.0", "respiratory distress syndrome of newborn")),
    (_rx(r"((right|left|r|l|bilateral|both) )?(congenital )?metatarsus (adductus|varus)"
         r"(,? (of )?(the )?(right|left|r|l|bilateral|both)( foot| feet)?)?"), ("Q66", "M21"), _metatarsus_adductus),
)
