"""Endocrine, cardiac, pulmonary and laboratory findings as notes word them, where the ICD-10-CM alphabetic index
sends them, for `documented_findings` (which makes them only for a current mention, and lets them replace the less
specific code the term index found on the same words):

- "Prediabetes, prediabetic" R73.03, not the diabetes its word holds; "Impaired fasting glucose" R73.01, which a
  fasting glucose of 100-125 mg/dL is by definition; "Abnormal, thyroid function studies" R94.6 (an abnormal TSH),
  not where the note states a current thyroid disease it belongs to (guideline I.B.5); "Elevated, PSA" R97.20;
  "Elevated, transaminase" R74.01.
- "Disease, Graves'" E05.00, "Goiter, multinodular, toxic" E05.20, "Nodule, thyroid, toxic" E05.10 (1 for 0 with
  a storm the note does not deny), "Thyroiditis, Hashimoto's" E06.3; "Stenosis, aortic (valve)" I35.0 (I35.2 with
  insufficiency), "Insufficiency, aortic" I35.1 and "Insufficiency, mitral" I34.0, nonrheumatic unless the note
  says rheumatic, and I08.0 when both valves are diseased (the index: "with mitral (valve) disease"); "Disease,
  heart, hypertensive" I11.9, which the hypertension combination turns into I11.0/I13.- when heart failure is coded;
  "Nodule, lung, solitary" R91.1 (several nodules R91.8); "Pain, pleuritic" R07.81; vitamin D deficiency or
  insufficiency E55.9
  ("Deficiency, vitamin D"); "Sarcoidosis, lung" D86.0; "Failure, respiratory" J96.0-/J96.1-/J96.2- by the
  acuity and the hypoxia or hypercapnia stated; "Anemia, macrocytic" D53.9.

Coronary atherosclerosis with angina (`coronary_with_angina`, guideline I.C.9.b) is one I25.11- code.

Refinements (`refined_by_sentence`): a code the term index found on a condition's words, made specific by other
words of its sentence as the index's subterms say: "Hypothyroidism, postsurgical / postablative" E89.0 after a
thyroidectomy or radioactive iodine, "Hypoparathyroidism, postprocedural" E89.2 after a thyroidectomy or
parathyroidectomy, "Asplenia, postsurgical" Z90.81 after a splenectomy, hypothyroidism due to Hashimoto's
thyroiditis coded as E06.3 alone;
unspecified thyrotoxicosis E05.90 gives way to the E05 code of the goiter or disease its sentence names.
"""
import re

from services.coding.domain.bmi import stated_bmi
from services.coding.domain.circulatory_findings import CIRCULATORY_FINDINGS
from services.coding.domain.convention_gates import needs
from services.coding.domain.laterality import stated_side
from services.coding.domain.note_text import (
    NEGATION,
    before,
    current,
    sentence,
    sentence_start,
)
from services.coding.domain.finding_resolvers import fixed
from services.coding.domain.note_text import word_pattern as _word
from services.coding.domain.dysphagia_phase import PHASED_DYSPHAGIA, phase_code
from services.coding.domain.suggestions import Suggestion

NAME = "clinical-refinement"


_STORM = _word(r"thyroid storm|thyrotoxic crisis")
_ACUTE_ON_CHRONIC = _word(r"acute on chronic|acute-on-chronic")
_THYROID_DISEASE = _word(r"hypothyroid\w*|hyperthyroid\w*|graves'?( disease)?|hashimoto'?s?|thyroiditis|goiter|"
                         r"thyrotoxicosis|myxedema")
_INSUFFICIENCY = _word(r"insufficiency|regurgitation|incompetence")
_RHEUMATIC = _word(r"rheumatic")


# "never had thyroid storm", "no prior thyroid storm": a storm the patient has not had, which `NEGATION` leaves
_NEVER = re.compile(r"\b(never|no (prior|previous|past) )\b[^.;]*$", re.IGNORECASE)


def _storm(note: str) -> bool:
    """A storm today: one the note neither denies nor says the patient never had."""
    storm = _STORM.search(note)
    return bool(storm) and not NEGATION.search(before(note, storm.start())) \
        and not _NEVER.search(before(note, storm.start())) and current(note, storm.start(), storm.end())


def _graves(match: re.Match, note: str) -> tuple[str, str]:
    if _storm(note):
        return "E05.01", "Graves' disease with thyroid storm"
    return "E05.00", "Graves' disease (thyrotoxicosis with diffuse goiter) without a storm"


def _toxic(category: str, what: str):
    """Thyrotoxicosis with the goiter or nodule named: 0 without a storm, 1 with one the note does not deny."""
    return lambda match, note: (category + ("1" if _storm(note) else "0"), what)


def _thyroid_studies(match: re.Match, note: str) -> tuple[str, str] | None:
    """An abnormal thyroid test is coded only without a current thyroid disease it is part of."""
    if any(current(note, m.start(), m.end()) for m in _THYROID_DISEASE.finditer(note)):
        return None
    return "R94.6", "abnormal results of thyroid function studies"


_MITRAL = _word(r"mitral (valve )?(stenosis|insufficiency|regurgitation|disease|prolapse)")
_AORTIC = _word(r"aortic (valve )?(stenosis|insufficiency|regurgitation|disease|sclerosis)")
BOTH_VALVES = ("I08.0", "disorders of both mitral and aortic valves, which the index presumes rheumatic")


def _with_other_valve(other: re.Pattern, note: str) -> bool:
    """The index sends a mitral disorder "with aortic (valve) disease" (and the reverse) to I08.0."""
    return any(current(note, m.start(), m.end()) for m in other.finditer(note))


def _aortic_stenosis(match: re.Match, note: str) -> tuple[str, str] | None:
    text = sentence(note, match.start(), match.end())
    if _RHEUMATIC.search(text):
        return None  # rheumatic valve disease is I06.-: for a coder
    if _with_other_valve(_MITRAL, note):
        return BOTH_VALVES
    if _INSUFFICIENCY.search(text):
        return "I35.2", "nonrheumatic aortic stenosis with insufficiency"
    return "I35.0", "nonrheumatic aortic stenosis"


def _nonrheumatic(code: str, why: str, other: re.Pattern):
    """Nonrheumatic unless the note says rheumatic; with the other valve's disease, both valves' I08.0."""
    def resolve(match: re.Match, note: str) -> tuple[str, str] | None:
        if _RHEUMATIC.search(sentence(note, match.start(), match.end())):
            return None
        return BOTH_VALVES if _with_other_valve(other, note) else (code, why)
    return resolve


_RESPIRATORY_TYPE = (("1", _word(r"hypox\w*")), ("2", _word(r"hypercap\w*|hypercarbi\w*|co2 retention")))


def _respiratory_failure(match: re.Match, note: str) -> tuple[str, str] | None:
    """J96.0- acute, J96.1- chronic, J96.2- acute on chronic; 1 with hypoxia, 2 with hypercapnia, 0 unstated (both
    stated: for a coder, the tabular has no code for both)."""
    text = sentence(note, match.start(), match.end())
    acuity = "2" if _ACUTE_ON_CHRONIC.search(text) else "1" if _word("chronic").search(text) else \
        "0" if _word("acute").search(text) else None
    types = [digit for digit, words in _RESPIRATORY_TYPE if words.search(text)]
    if acuity is None or len(types) > 1:
        return None
    return f"J96.{acuity}{types[0] if types else '0'}", "respiratory failure by the acuity and type stated"


_NODES = _word(r"hilar (adenopathy|lymphadenopathy)|lymphadenopathy|lymph nodes?|adenopathy")


def _sarcoidosis(match: re.Match, note: str) -> tuple[str, str]:
    """"Sarcoidosis, lung, with lymph nodes" D86.2 (stage II: hilar adenopathy with parenchymal disease)."""
    if _NODES.search(sentence(note, match.start(), match.end())):
        return "D86.2", "sarcoidosis of the lung with sarcoidosis of the lymph nodes"
    return "D86.0", "sarcoidosis of the lung"


_EXACERBATED = _word(r"(acute )?exacerbation|exacerbated|flare")


def _bronchiectasis(match: re.Match, note: str) -> tuple[str, str] | None:
    """"Bronchiectasis, with exacerbation (acute)" J47.1, in the words of its sentence; an infection is a coder's
    (J47.0 with the organism's code)."""
    text = sentence(note, match.start(), match.end())
    flare = _EXACERBATED.search(text)
    if flare is None or NEGATION.search(text[:flare.start()]):
        return None
    return "J47.1", "bronchiectasis with (acute) exacerbation"


def _cystitis(match: re.Match, note: str) -> tuple[str, str]:
    """"Cystitis, acute" N30.00, with hematuria N30.01 (the tabular's two codes under N30.0); a cystitis of no
    kind ("uncomplicated cystitis": no complication, not a kind) N30.90 / N30.91 by the same axis."""
    text = sentence(note, match.start(), match.end())
    blood = re.search(r"\b(hematuria|blood in (the )?urine)\b", text, re.IGNORECASE)
    with_blood = bool(blood) and not re.search(r"\b(no|without|w/o|denies|negative for)\W+(\w+\W+){0,2}$",
                                               text[:blood.start()], re.IGNORECASE)
    kind, code = ("acute ", "N30.0") if match.group(0).lower().startswith("acute") else ("", "N30.9")
    return (f"{code}1", f"{kind}cystitis with hematuria") if with_blood else (f"{code}0", f"{kind}cystitis without hematuria")


_SIDE_DIGIT = {"right": "1", "left": "2", "bilateral": "3", None: "0"}


def _sided(category: str, why: str):
    """A code whose last character is the side: 1 right, 2 left, 3 bilateral, 0 unstated."""
    return lambda match, note: (category + _SIDE_DIGIT[stated_side(sentence(note, match.start(), match.end()))], why)


_LOBE = re.compile(r"\b(right|left) (upper|middle|lower) lobe\b", re.IGNORECASE)
_LOBE_NAMED = r"((right|left) (upper|middle|lower) lobe|rul|rml|rll|lul|lll)"  # as written, or as shorthand writes it


def _lung_cancer_lobe(match: re.Match, note: str) -> tuple[str, str] | None:
    """"Neoplasm, lung, upper / middle / lower lobe" C34.1-/C34.2/C34.3- by the lobe and side its sentence names;
    a carcinoma not placed in a lobe is left to the index."""
    lobe = _LOBE.search(sentence(note, match.start(), match.end()))
    if lobe is None:
        return None
    side, part = lobe.group(1).lower(), lobe.group(2).lower()
    if part == "middle":
        return ("C34.2", "malignant neoplasm of the middle lobe") if side == "right" else None
    return f"C34.{'1' if part == 'upper' else '3'}{'1' if side == 'right' else '2'}", f"lung cancer of the {part} lobe"


def _paronychia(match: re.Match, note: str) -> tuple[str, str] | None:
    """"Paronychia, toe L03.03-, finger L03.01-" (cellulitis of the digit) by side; the digit unstated: a coder's."""
    text = sentence(note, match.start(), match.end())
    digit = "3" if re.search(r"\b(toe|toenail|hallux)\b", text, re.IGNORECASE) else \
        "1" if re.search(r"\b(finger|fingernail|thumb)\b", text, re.IGNORECASE) else None
    if digit is None:
        return None
    side = stated_side(text)
    if side == "bilateral":
        return None  # both sides: two codes, a coder's
    return f"L03.0{digit}{ {'right': '1', 'left': '2', None: '9'}[side]}", "paronychia is cellulitis of the digit"


def _nodule(match: re.Match, note: str) -> tuple[str, str]:
    if re.search(r"\bnodules\b", match.group(0), re.IGNORECASE):
        return "R91.8", "several pulmonary nodules: other nonspecific abnormal finding of lung field"
    return "R91.1", "a solitary pulmonary nodule"


OBESITY_BMI = 30.0


def _obese_beside_bmi(match: re.Match, note: str) -> tuple[str, str] | None:
    """"BMI 36.4, obese": the adjective is the weight diagnosis where its sentence states a BMI in the obese range;
    alone ("obese abdomen") it describes the exam."""
    bmi = stated_bmi(sentence(note, match.start(), match.end()))
    return ("E66.9", f"obese with a BMI of {bmi:g}: obesity") if bmi is not None and bmi >= OBESITY_BMI else None


# (words, codes the term index may have found on them, resolve(match, note) -> (code, why) or None)
_WITH_HEART_FAILURE = re.compile(r"\b(with|w/) ", re.IGNORECASE)


def _hypertensive_heart_disease(match: re.Match, note: str) -> tuple[str, str]:
    """I11.0 where its own words join the heart failure ("... with CHF"), the failure's type its partner; else I11.9."""
    if _WITH_HEART_FAILURE.search(match.group(0)):
        return "I11.0", "hypertensive heart disease with heart failure"
    return "I11.9", "hypertensive heart disease"


CLINICAL_FINDINGS = (
    *CIRCULATORY_FINDINGS,
    (PHASED_DYSPHAGIA, ("R13",), lambda match, note: phase_code(match)),
    # the index's "Obesity, morbid" and "Obesity, severe" (E66.01), which the tabular writes "Morbid (severe)
    # obesity due to excess calories"; a class stated instead is the class's code
    (_word(r"morbid(ly)? obes(e|ity)|severe obesity"), ("E66",), fixed("E66.01", "morbid (severe) obesity")),
    (_word(r"obese"), ("E66",), _obese_beside_bmi),
    # the index's "Gain, weight (abnormal) (excessive)" and "Neurogenic, bladder": words the tabular writes otherwise
    # ("Abnormal weight gain", "Neuromuscular dysfunction of bladder, unspecified")
    (_word(r"(weight|wt) gain"), ("R63",), fixed("R63.5", "abnormal weight gain")),
    (_word(r"neurogenic bladder"), ("N31", "N32"), fixed("N31.9", "neuromuscular dysfunction of bladder")),
    # the index's "Anemia, macrocytic" (D53.9, a nutritional anemia), which "anemia" alone meets as D64.9
    (_word(r"macrocytic anemia|anemia,? macrocytic"), ("D64", "D53"), fixed("D53.9", "macrocytic anemia")),
    (_word(r"pre-?diabet(es|ic)|borderline diabetes"), ("E11", "E13", "E08", "R73"),
     fixed("R73.03", "prediabetes")),
    (_word(r"impaired fasting glucose|ifg|elevated fasting (blood )?(glucose|sugar)|fasting (blood )?(glucose|sugar)"
           r"( (of|is|was))?\s*[:=]?\s*(1[01]\d|12[0-5])(?!\.?\d)"), ("R73",),
     fixed("R73.01", "impaired fasting glucose (fasting glucose 100-125)")),
    (_word(r"(abnormal|elevated|high|low) (tsh|thyroid function( tests?| studies)?|tfts?)|"
           r"tsh (is |was )?(elevated|high|abnormal)"), ("R94", "R79", "E07"), _thyroid_studies),
    (_word(r"(elevated|high|rising|abnormal) psa|psa (is |was )?(elevated|high|rising)"), ("R97",),
     fixed("R97.20", "elevated prostate specific antigen")),
    (_word(r"(elevated|high|abnormal) (transaminases?|alt|ast|alt/ast|ast/alt)|transaminitis"), ("R74",),
     fixed("R74.01", "elevation of liver transaminase levels")),
    (_word(r"graves'?( disease)?"), ("E05",), _graves),
    (_word(r"toxic (multinodular goiter|mng)"), ("E04", "E05"), _toxic("E05.2", "toxic multinodular goiter")),
    (_word(r"toxic (thyroid )?(adenoma|nodule)|toxic uninodular goiter"), ("E04", "E05", "D34"),
     _toxic("E05.1", "toxic single thyroid nodule")),
    (_word(r"hashimoto'?s?( thyroiditis| disease)?|chronic lymphocytic thyroiditis|autoimmune thyroiditis"),
     ("E06", "E03"), fixed("E06.3", "autoimmune (Hashimoto's) thyroiditis")),
    (_word(r"aortic (valve )?stenosis"), ("I35", "I06"), _aortic_stenosis),
    (_word(r"aortic (valve )?(insufficiency|regurgitation)"), ("I35", "I06"),
     _nonrheumatic("I35.1", "nonrheumatic aortic insufficiency", _MITRAL)),
    (_word(r"mitral (valve )?(insufficiency|regurgitation)"), ("I34", "I05"),
     _nonrheumatic("I34.0", "nonrheumatic mitral insufficiency", _AORTIC)),
    # "Prolapse, mitral (valve)" I34.1, "rheumatic" I05.8 (for a coder); with aortic disease both valves' I08.0
    (_word(r"mitral (valve )?prolapse|prolapse of (the )?mitral valve"), ("I34", "I05"),
     _nonrheumatic("I34.1", "nonrheumatic mitral valve prolapse", _AORTIC)),
    (_word(r"(hypertensive|htn|hypertension) heart disease( (with|w/) (congestive )?(heart failure|chf|hf))?"),
     ("I10", "I11", "I51", "I50"), _hypertensive_heart_disease),
    # a lobe named by its abbreviation: "9 mm solid RUL nodule", "nodule in the LLL"
    (_word(r"(pulmonary|lung) nodules?|nodules? (in |of )?(the )?" + _LOBE_NAMED + "|" + _LOBE_NAMED +
           r" ((solid|subsolid|part[- ]solid|ground[- ]glass|calcified|spiculated) )?nodules?"),
     ("R91", "J98"), _nodule),
    (_word(r"vitamin d( level)?[\s\d.,:=-]{0,12}(deficiency|insufficiency|deficient|insufficient)|"
           r"(low|insufficient|deficient) vitamin d"), ("E55",), fixed("E55.9", "vitamin D deficiency")),
    (_word(r"pleuritic ((left|right|l|r) )?(chest )?pain|pleurodynia"), ("R07", "R09.1"),
     fixed("R07.81", "pleurodynia")),
    (_word(r"(pulmonary|lung) sarcoid(osis)?|sarcoid(osis)? of (the )?lungs?"), ("D86",), _sarcoidosis),
    (_word(r"primary adrenal insufficiency|addison'?s( disease)?"), ("E27",),
     fixed("E27.1", "primary adrenocortical insufficiency (Addison's disease)")),
    (_word(r"male hypogonadism|hypogonadism in (a )?male|testicular hypofunction"), ("E29", "E23", "E28"),
     fixed("E29.1", "male hypogonadism is testicular hypofunction")),
    (_word(r"bronchiectasis"), ("J47",), _bronchiectasis),
    # the kinds the index codes apart (interstitial, radiation, ...) are left to the index
    (_word(r"(acute |uncomplicated |simple )?(?<!interstitial )(?<!chronic )(?<!radiation )(?<!irradiation )"
           r"(?<!hemorrhagic )(?<!eosinophilic )(?<!trigonal )(?<!follicular )cystitis(?! cystica)"), ("N30",), _cystitis),
    (_word(r"hyponatremia"), ("E87",), fixed("E87.1", "hyponatremia")),
    (_word(r"(lung (cancer|ca|carcinoma)|nsclc|sclc|(adeno|squamous cell |small cell )?carcinoma|adenocarcinoma)"),
     ("C34", "C80", "C79"), _lung_cancer_lobe),
    (_word(r"(cerumen|ear ?wax) impaction|impacted (cerumen|ear ?wax)"), ("H61",), _sided("H61.2", "impacted cerumen")),
    (_word(r"ingrown (toe)?nail|ingrowing (toe)?nail|onychocryptosis"), ("L60",), fixed("L60.0", "ingrowing nail")),
    (_word(r"paronychia( of (the )?(\w+ ){0,2}(toe|finger))?"), ("L03",), _paronychia),
    (_word(r"hypernatremia"), ("E87",), fixed("E87.0", "hypernatremia")),
    (_word(r"hypokalemia"), ("E87",), fixed("E87.6", "hypokalemia")),
    (_word(r"hyperkalemia"), ("E87",), fixed("E87.5", "hyperkalemia")),
    (_word(r"(pituitary )?(micro|macro)?adenoma of (the )?pituitary|pituitary (micro|macro)?adenoma"), ("D35", "D44"),
     fixed("D35.2", "benign neoplasm (adenoma) of the pituitary gland")),
    (_word(r"(vitamin )?b12 deficiency|cobalamin deficiency"), ("E53", "D51"),
     fixed("E53.8", "vitamin B12 deficiency (without anemia)")),
    (_word(r"((acute on chronic|acute|chronic) )?((hypox\w*|hypercap\w*|hypercarbic) )?(resp|respiratory) failure"
           r"( with (hypoxia|hypercapnia))?"), ("J96", "R06"), _respiratory_failure),
)

# (code the index found, words of its sentence that specify it, the specific code, why)
REFINEMENTS = (
    ("E03.9", _word(r"thyroidectomy|radioactive iodine|radio-?iodine|rai|i-?131|thyroid ablation|post-?surgical|"
                    r"post-?ablative"),
     "E89.0",
     "hypothyroidism after thyroid surgery or ablation is postprocedural"),
    ("E03.9", _word(r"hashimoto'?s?|autoimmune thyroiditis|chronic lymphocytic thyroiditis"), "E06.3",
     "hypothyroidism due to autoimmune thyroiditis is coded as the thyroiditis"),
    # the parathyroids lost or hurt at a neck operation
    ("E20.9", _word(r"post-?(surgical|operative|procedural|thyroidectomy|parathyroidectomy)|thyroidectomy|"
                    r"parathyroidectomy"),
     "E89.2", "hypoparathyroidism after thyroid or parathyroid surgery is postprocedural"),
    # "Asplenia, postsurgical": a spleen taken out is an acquired absence, not the congenital asplenia
    ("Q89.01", _word(r"splenectomy|post-?(surgical|splenectomy)"), "Z90.81",
     "asplenia after a splenectomy is the spleen's acquired absence"),
)
# an unspecified code that gives way to a specified one of its category stated in the same sentence
# ("hyperthyroidism due to toxic multinodular goiter" is E05.20 alone)
GIVES_WAY = {"E05.90": "E05", "I70.90": "I70.2", "I73.9": "I70.2"}


def refined_by_sentence(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    out, reasons = [], []
    for s in suggestions:
        refined = next(((code, why) for found, words, code, why in REFINEMENTS if s.code == found
                        and s.context == "affirmed" and words.search(sentence(note, s.start, s.end))), None)
        if refined and tabular.is_billable(refined[0]):
            code, why = refined
            reason = f"{s.evidence}: {code} rather than {s.code}, {why}"
            s = s.model_copy(update={"code": code, "description": tabular.description(code), "convention": NAME,
                                     "reason": reason})
            reasons.append(reason)
        out.append(s)
    specified = [s for s in out if s.code.startswith(tuple(GIVES_WAY.values())) and s.code not in GIVES_WAY]
    dropped = [s for s in out if s.code in GIVES_WAY and any(
        o.code.startswith(GIVES_WAY[s.code]) and sentence_start(note, o.start) == sentence_start(note, s.start)
        for o in specified)]
    reasons += [f"{s.evidence}: {s.code} gives way to the specified code of its sentence" for s in dropped]
    return [s for s in out if s not in dropped], reasons


# "Arteriosclerosis, coronary (artery)" and "Disease, cardiovascular, atherosclerotic" lead to I25.1- as "CAD"
# does, where the index's "atherosclerosis" alone would give I70.90; ASCVD named as a risk ("10-yr ASCVD 8%",
# "ASCVD risk score") is a calculation, not the disease
CORONARY_DISEASE_NAMES = _word(
    r"coronary artery disease|coronary disease|cad|ashd|atherosclerotic heart disease|"
    r"coronary (artery )?(atherosclerosis|arteriosclerosis)|(athero|arterio)sclerosis of (the )?(native )?coronary "
    r"(arter(y|ies)|vessels?)|atherosclerotic coronary artery disease|"
    r"(?<!yr )(?<!year )ascvd(?!\W{0,3}(risk|score|calc\w*|\d|of|<|>|=))")
_REVASCULARIZED = re.compile(r"\b(s/p|status post)\s+((a|an|drug[- ]eluting|bare[- ]metal|coronary)\s+)*"
                             r"(pci|ptca|stents?|stenting|des|bms|cabg|angioplasty|revasculari[sz]ation|bypass)\b",
                             re.IGNORECASE)


def coronary_current(note: str, start: int, end: int) -> bool:
    """Coronary disease outlives its revascularization: "CAD s/p PCI" is current (the stent or graft is its status
    code beside it), while "s/p" before a condition still places that condition in the past."""
    return current(_REVASCULARIZED.sub(lambda m: " " * len(m.group(0)), note), start, end)


_GRAFT = _word(r"cabg|bypass graft\w*")
_NATIVE = _word(r"native (coronary )?(arter(y|ies)|vessels?)")
# angina code prefix -> the 6th character of I25.11- (native coronary artery with that angina)
ANGINA_WITH_CAD = (("I20.0", "0"), ("I20.1", "1"), ("I20.2", "2"), ("I20.8", "8"), ("I20.9", "9"))


@needs(codes=("I20",))
def coronary_with_angina(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    """Coronary atherosclerosis with angina is one code, I25.11- by the angina's type (guideline I.C.9.b: the "with"
    presumption links them; no separate I20 code). With a bypass graft in the note the vessel is a coder's call,
    unless the note names the native vessels ("CAD of native vessels with stable angina; s/p CABG")."""
    # the type the note gives anywhere: a bare "angina" elsewhere is the same angina ("stable angina ... his angina")
    angina = min((s for s in suggestions if s.code.startswith("I20") and s.context == "affirmed"),
                 key=lambda s: s.code.startswith("I20.9"), default=None)
    cad = next((m for m in CORONARY_DISEASE_NAMES.finditer(note) if coronary_current(note, m.start(), m.end())),
               None) if angina else None
    if cad is None or (_GRAFT.search(note) and not _NATIVE.search(note)):
        return suggestions, []
    code = "I25.11" + next(digit for prefix, digit in ANGINA_WITH_CAD if angina.code.startswith(prefix))
    if not tabular.is_billable(code):
        return suggestions, []
    reason = f"{cad.group(0)} with {angina.evidence}: {code}, atherosclerotic heart disease with angina (one code)"
    start, end = min(cad.start(), angina.start), max(cad.end(), angina.end)
    made = Suggestion(code=code, description=tabular.description(code), confidence=angina.confidence, start=start,
                      end=end, evidence=note[start:end], context="affirmed", convention="with-presumption",
                      reason=reason)
    kept = [s for s in suggestions if s is not angina and not s.code.startswith("I25.1")]
    return [made, *kept], [reason]


# the heart conditions guideline I.C.9.a.1 presumes hypertensive (with I50.-, which `hypertension_combination` reads)
HYPERTENSIVE_HEART = ("I51.4", "I51.5", "I51.7", "I51.89", "I51.9")
_ANOTHER_CAUSE = _word(r"due to|secondary to|caused by|from")  # "LVH due to aortic stenosis": not the hypertension's


@needs(codes=("I10",))
def hypertensive_heart_disease(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    """Hypertension with a heart condition the guideline presumes it caused (LVH, cardiomegaly: I51.4-I51.7,
    I51.89, I51.9) is hypertensive heart disease, I11.9, one code for both, unless the note gives the heart condition
    another cause; heart failure and kidney disease are
    `hypertension_combination`'s, which runs first."""
    htn = [s for s in suggestions if s.code == "I10" and s.context == "affirmed"]
    heart = [s for s in suggestions if s.code.startswith(HYPERTENSIVE_HEART) and s.context == "affirmed"
             and not _ANOTHER_CAUSE.search(sentence(note, s.start, s.end))]
    if not htn or not heart or not tabular.is_billable("I11.9"):
        return suggestions, []
    first = min(htn + heart, key=lambda s: s.start)
    reason = (f"{' and '.join(sorted({s.evidence for s in htn + heart}))}: I11.9, hypertension with heart disease is "
              f"presumed linked (replaces I10 and {', '.join(sorted({s.code for s in heart}))})")
    made = first.model_copy(update={"code": "I11.9", "description": tabular.description("I11.9"),
                                    "confidence": min(s.confidence for s in htn + heart),
                                    "convention": "hypertension-combination", "reason": reason})
    return [made, *(s for s in suggestions if s not in htn and s not in heart)], [reason]
