"""Common outpatient diagnoses under the names clinicians give them, where the tabular's title uses other words:
each row is the ICD-10-CM alphabetic index's own main term or subterm for that name, for `documented_findings`
(which makes a finding only for a current mention and drops a symptom stated with a definitive diagnosis).

"Cold, common" J00 (the tabular: "Acute nasopharyngitis [common cold]"); "Dyslipidemia" E78.5; "Dysfunction,
erectile" N52.9 (a cause in the sentence names another code); "Tinnitus" H93.1- by the side its sentence names (part
of a Meniere disease the note names); "Myalgia" M79.10 (and muscle aches, unless a drug was stopped for them);
"Autism" F84.0; "Acromegaly" E22.0; "Thyrotoxicosis" E05.90, with storm E05.91, unless its sentence affirms a cause
the index codes apart (a goiter, a nodule, Graves disease); "Human immunodeficiency virus (HIV) disease (infection)"
B20, asymptomatic status Z21; "Hepatitis, C" B19.20, chronic B18.2, acute B17.10, and "Hepatitis, B" B19.10, chronic B18.1, acute B16.9,
a carrier (before or after the name) the chronic code, whose inclusion term "Carrier of viral hepatitis B" (C) the
FY2026 tabular holds since the carrier codes Z22.5- were deleted (a test, a screen, a vaccine, an immunity or a cure
is no current diagnosis); "Elevated, sedimentation rate" R70.0; "Trigger finger" M65.3- by digit and side; "De Quervain's
tenosynovitis" M65.4 (not the thyroiditis of that name); "Ganglion" M67.4- at the wrist, hand, knee, ankle or foot,
by side; "Nausea, with vomiting" R11.2; "Fever, with chills" R50.9 (not "Chills" R68.83, a chill without fever);
"Pyelonephritis" not said acute or chronic N12; vertebrogenic low back pain
M54.51; "Gastritis" of no stated kind K29.70; "Diverticula" K57.90, of the colon K57.30, diverticulitis K57.92 and
K57.32 (bleeding, an abscess or a perforation are other codes); "Fatty, liver" and "Steatosis, liver" K76.0
(alcoholic is K70.0); "Disease, peripheral vascular" (PAD, PVD) I73.9 where no atherosclerosis, claudication or
diabetes is named beside it; "Hypogonadism, male" E29.1; "Insufficiency, adrenal" E27.40 of no stated kind;
"Hyperprolactinemia" E22.1 (not drug-induced or a prolactinoma); "Block, atrioventricular, first degree" I44.0; ulnar neuropathy G56.2- by side;
toenail fungus B35.1, ringworm of the body B35.4, canker sores K12.0; heavy periods N92.0, painful periods N94.6,
menopausal hot flashes N95.1; "Abnormal, gait" R26.9, "Difficulty, walking" R26.2; mid or thoracic back pain M54.6;
spondylosis by region or level without myelopathy or radiculopathy M47.81-, with either M47.2- or M47.1-; back spasm M62.830 (part of a back strain the
note names); lateral and medial epicondylitis M77.1-/M77.0- and Achilles tendinitis M76.6-, by side; the lay names
of laboratory findings: low sodium E87.1, low potassium E87.6, low platelets D69.6, a high white count D72.829, low
B12 E53.8; "Problem, marital" and "Conflict, spouse" Z63.0. A problem list's "- no" after the name denies it.
"""
import re

from services.coding.domain.diet_words import NOT_A_DIET, in_diet_advice
from services.coding.domain.finding_resolvers import Resolve, fixed
from services.coding.domain.laterality import stated_side
from services.coding.domain.note_text import negated_before, sentence, sentence_start
from services.coding.domain.note_text import word_pattern as _word


def _unless(code: str, why: str, other_kind: re.Pattern) -> Resolve:
    """The row's code, unless its sentence names a kind the index codes apart: a coder's choice then."""
    def resolve(match: re.Match, note: str) -> tuple[str, str] | None:
        if other_kind.search(sentence(note, match.start(), match.end())):
            return None
        return code, why
    return resolve


_SIDE_CHARACTER = {"right": "1", "left": "2", None: "9"}


_TINNITUS_OF_A_DISEASE = _word(r"m[eé]ni[eè]re'?s?|acoustic neuroma|vestibular schwannoma|otosclerosis")


def _tinnitus(match: re.Match, note: str) -> tuple[str, str] | None:
    """By side; the tinnitus of a Meniere disease or an acoustic neuroma named in the note is part of it."""
    if _TINNITUS_OF_A_DISEASE.search(note):
        return None
    side = stated_side(sentence(note, match.start(), match.end()))
    return {"right": "H93.11", "left": "H93.12", "bilateral": "H93.13", None: "H93.19"}[side], "tinnitus" + (
        f" ({side})" if side else "")


_DOUBT_BEFORE = re.compile(r"(possible|probable|likely|suspected|\bvs\.?|versus|r/o|rule out|\?)\W*(\w+\W+){0,2}$",
                           re.IGNORECASE)
_THYROTOXICOSIS_CAUSE = _word(r"goiter|goitre|nodules?|nodular|adenoma|factitia|ectopic|graves'?|basedow")
_STORM = _word(r"(?<!without )(thyroid|thyrotoxic) (storm|crisis)")


def _thyrotoxicosis(match: re.Match, note: str) -> tuple[str, str] | None:
    """E05.90 without a named source; a cause the sentence affirms is its own E05 code ("possible Graves disease"
    is no cause: the thyrotoxicosis is what is known)."""
    said, start = sentence(note, match.start(), match.end()), sentence_start(note, match.start())
    for cause in _THYROTOXICOSIS_CAUSE.finditer(said):
        if not _DOUBT_BEFORE.search(note[max(0, start + cause.start() - 40):start + cause.start()]):
            return None
    if _STORM.search(said):
        return "E05.91", "thyrotoxicosis with thyroid storm"
    return "E05.90", "thyrotoxicosis with no source named, without storm"


_HIV_STATUS_ONLY = _word(r"asymptomatic")


def _hiv(match: re.Match, note: str) -> tuple[str, str]:
    """B20 for the disease or infection; the asymptomatic status (guideline I.C.1.a.2.d) is Z21."""
    if _HIV_STATUS_ONLY.search(sentence(note, match.start(), match.end())):
        return "Z21", "asymptomatic HIV infection status"
    return "B20", "HIV disease"


# a test, a dose or a screen named right after the hepatitis ("hepatitis B and C serologies", "Hep B #1 given")
_HEPATITIS_TEST = re.compile(r"[\s-]*((and|&|/)\s*[abc]\s+)?(virus\s+)?(#\s*\d|doses?\b|series|given|shots?\b|"
                             r"immuniz\w*|screen\w*|antibod\w*|ab\b|test\w*|rna|dna|viral load|serolog\w*|"
                             r"genotyp\w*|quant\w*|pcr|vaccin\w*|exposure|risk|(surface |core |e )?antigen|s?ag\b|"
                             r"surface|core)", re.IGNORECASE)
_SCREENING = _word(r"screen\w*")
# "treated 2025, SVR achieved (cured)": a past infection, the history code's (Z86.19)
_CURED = _word(r"cured|svr|sustained vir(ologic|al) response|eradicated|cleared")
_CHRONIC = re.compile(r"\bchronic\W+(viral\W+)?$", re.IGNORECASE)
_ACUTE = re.compile(r"\bacute\W+(viral\W+)?$", re.IGNORECASE)


_CARRIER = re.compile(r"\W*(virus\W+)?(carrier|carrier state)\b", re.IGNORECASE)
_CARRIER_BEFORE = re.compile(r"\b(inactive |chronic |asymptomatic )?carrier( state)? (of|for) (viral )?$",
                             re.IGNORECASE)
# "immune-tolerant" and "immune-active" are phases of the chronic infection, not immunity to it
_IMMUNE = re.compile(r"\W*(virus\W+)?(immune|immunity|vaccinated|non-?immune)\b(?!\s*-\s*(tolerant|active))",
                     re.IGNORECASE)


def _viral_hepatitis(chronic: str, acute: str, unstated: str, letter: str) -> Resolve:
    """Chronic, acute, or neither stated: the index's "Hepatitis, viral, type B/C" and their subterms. A test,
    a screen, a vaccine, an immunity or a cure is no current diagnosis; a carrier is coded as the chronic
    hepatitis, whose inclusion term it is."""
    def resolve(match: re.Match, note: str) -> tuple[str, str] | None:
        said = sentence(note, match.start(), match.end())
        if (_HEPATITIS_TEST.match(note, match.end()) or _IMMUNE.match(note, match.end())
                or _SCREENING.search(said) or _CURED.search(said)):
            return None
        before = note[max(0, match.start() - 20):match.start()]
        if _CARRIER.match(note, match.end()) or _CARRIER_BEFORE.search(before):
            return chronic, f"carrier of viral hepatitis {letter} (an inclusion term of the chronic hepatitis)"
        if _CHRONIC.search(before) or re.match(r"\W*(virus\W+)?(infection\W+)?,?\W*chronic\b", note[match.end():],
                                               re.IGNORECASE):
            return chronic, f"chronic viral hepatitis {letter}"
        if _ACUTE.search(before):
            return acute, f"acute hepatitis {letter}"
        return unstated, f"viral hepatitis {letter}, not stated acute or chronic"
    return resolve


_hepatitis_c = _viral_hepatitis("B18.2", "B17.10", "B19.20", "C")
_hepatitis_b = _viral_hepatitis("B18.1", "B16.9", "B19.10", "B")


_DIGITS = (("1", r"thumbs?"), ("2", r"index"), ("3", r"middle|long"), ("4", r"ring"), ("5", r"little|small|fifth|5th"))


def _trigger_finger(match: re.Match, note: str) -> tuple[str, str] | None:
    """M65.3, then the digit (1 thumb .. 5 little finger, 0 unstated), then the side; two digits or both hands
    are more than one code, for a coder."""
    said = sentence(note, match.start(), match.end())
    named = {digit for digit, words in _DIGITS if _word(words).search(said)}
    side = stated_side(said)
    if len(named) > 1 or side == "bilateral":
        return None
    if not named:
        return "M65.30", "trigger finger, finger unstated"
    digit = named.pop()
    return f"M65.3{digit}{_SIDE_CHARACTER[side]}", "trigger finger of the digit named" + (f" ({side})" if side else "")


_GANGLION_SITES = (("3", r"wrists?"), ("4", r"hands?|fingers?|palm|palmar"), ("6", r"knees?|popliteal"),
                   ("7", r"ankles?|foot|feet|toes?"))
_NOT_A_CYST = re.compile(r"(root|stellate|gasserian|sphenopalatine|ciliary|geniculate|basal|dorsal root)\W+$",
                         re.IGNORECASE)


def _ganglion(match: re.Match, note: str) -> tuple[str, str] | None:
    """M67.4, the site (3 wrist, 4 hand, 6 knee, 7 ankle and foot), the side; a nerve ganglion is no cyst."""
    if _NOT_A_CYST.search(note[max(0, match.start() - 15):match.start()]) or \
            re.match(r"\W*(block|cells?|neuron)", note[match.end():], re.IGNORECASE):
        return None
    said = sentence(note, match.start(), match.end())
    sites = {site for site, words in _GANGLION_SITES if _word(words).search(said)}
    side = stated_side(said)
    if len(sites) != 1 or side == "bilateral":
        return None
    return f"M67.4{sites.pop()}{_SIDE_CHARACTER[side]}", "ganglion at the site named" + (f" ({side})" if side else "")


_ED_CAUSE = _word(r"due to|diabet\w*|vasculogenic|psychogenic|post-?prostatectomy|after prostatectomy|induced")
_NAUSEA_KIND = _word(r"pregnan\w*|hyperemesis|gravid\w*|chemotherapy|postoperative|post-?op|bilious|projectile|"
                     r"coffee|blood\w*|cyclical")
_PYELONEPHRITIS_KIND = _word(r"acute|chronic|obstruct\w*|calcul\w*|reflux|xanthogranulomatous|emphysematous|"
                             r"tuberculous|recurrent")
_ANEMIA = _word(r"anemia|anaemia")
_THYROID = _word(r"thyroid\w*")
_STOPPED_FOR = _word(r"stopped|discontinued|intolerance|intolerant|held")
# "Pyelonephritis - no": a problem list's answer after the condition
_ANSWERED_NO = re.compile(r"\s*[-:]\s*(no|negative)\b", re.IGNORECASE)


def _not_advised(resolve: Resolve) -> Resolve:
    def checked(match: re.Match, note: str) -> tuple[str, str] | None:
        return None if in_diet_advice(note, match.start()) else resolve(match, note)
    return checked


def _said_yes(resolve: Resolve) -> Resolve:
    def checked(match: re.Match, note: str) -> tuple[str, str] | None:
        return None if _ANSWERED_NO.match(note, match.end()) else resolve(match, note)
    return checked


def _by_side(category: str, why: str, bilateral: bool = False, unstated: str = "0") -> Resolve:
    """The category, then the side its sentence names (1 right, 2 left, 3 bilateral where the tabular has it);
    both sides without a bilateral code are two codes, for a coder."""
    def resolve(match: re.Match, note: str) -> tuple[str, str] | None:
        side = stated_side(sentence(note, match.start(), match.end()))
        if side == "bilateral" and not bilateral:
            return None
        digit = {"right": "1", "left": "2", "bilateral": "3", None: unstated}[side]
        return f"{category}{digit}", why + (f" ({side})" if side else "")
    return resolve


_SPINE_REGIONS = (("2", r"cervical|neck"), ("4", r"thoracic"), ("7", r"lumbosacral"), ("6", r"lumbar|low back"),
                  # a level names its region: the lumbosacral junction first, then its vertebra's letter
                  ("7", r"l5-s1"), ("2", r"c\d"), ("4", r"t\d\d?"), ("6", r"l\d"))
_REGION_NAMES = {"2": "cervical", "4": "thoracic", "6": "lumbar", "7": "lumbosacral"}
_WITH_NERVE_ROOT = _word(r"myelopathy|radiculopathy|radicular|radiculitis|sciatica")
# the index's "without myelopathy or radiculopathy", as an assessment denies the root's lesion beside the spondylosis
_NERVE_ROOT_DENIED = _word(r"(without|w/o|no) (myelopathy or radiculopathy|radiculopathy or myelopathy|"
                           r"radiculopathy|myelopathy)")
_NERVE_ROOT_STATED = re.compile(r"\s*,?\s*(?:with|w/) (radiculopathy|myelopathy)\b", re.IGNORECASE)
_SPONDYLOSIS_WITH = {"radiculopathy": "M47.2", "myelopathy": "M47.1"}


def _spondylosis(match: re.Match, note: str) -> tuple[str, str] | None:
    """M47.81-, "Spondylosis without myelopathy or radiculopathy", by the region or level the words name; with a
    radiculopathy or a myelopathy written right after it, M47.2- or M47.1- of that region. Any other word of a nerve
    root in its sentence leaves it to a coder."""
    digit = next((digit for digit, region in _SPINE_REGIONS if _word(region).search(match.group(0))), None)
    if digit is None:
        return None
    stated = _NERVE_ROOT_STATED.match(note, match.end())
    if stated:
        kind = stated.group(1).lower()
        code = f"{_SPONDYLOSIS_WITH[kind]}{digit}"
        return (code, f"{_REGION_NAMES[digit]} spondylosis with {kind}") if code != "M47.17" else None
    if _WITH_NERVE_ROOT.search(_NERVE_ROOT_DENIED.sub("", sentence(note, match.start(), match.end()))):
        return None
    return f"M47.81{digit}", f"{_REGION_NAMES[digit]} spondylosis without myelopathy or radiculopathy"


_COLON = _word(r"colon\w*|colonic|sigmoid|large (intestine|bowel)|descending|ascending|cecal")


def _diverticular(without: str, with_colon: str, what: str) -> Resolve:
    """The index's "Diverticula" (intestine, part unspecified) K57.9-, of the colon K57.3-; bleeding, an abscess or
    a perforation name other codes."""
    def resolve(match: re.Match, note: str) -> tuple[str, str] | None:
        said = sentence(note, match.start(), match.end())
        if _DIVERTICULAR_KIND.search(said):
            return None
        return (with_colon, f"{what} of the colon") if _COLON.search(said) else (without, what)
    return resolve


_NOT_SAID_WITHOUT = r"(?<!without )(?<!\bno )"
_DIVERTICULAR_KIND = _word(_NOT_SAID_WITHOUT + r"(bleed\w*|hemorrhag\w*|abscess\w*|perforat\w*)|"
                           r"small (intestine|bowel)|duodenal|jejunal|ileal|esophageal|bladder")
_GASTRITIS_KIND = _word(r"acute|chronic|atrophic|alcoholic|" + _NOT_SAID_WITHOUT + r"(bleed\w*|hemorrhag\w*)|erosive|"
                        r"eosinophilic|superficial|"
                        r"hypertrophic|granulomatous|duodenitis|gastroduodenitis|reflux|autoimmune|viral")
_ALCOHOL = _word(r"alcohol\w*|etoh")
_PAD_KIND = _word(r"atheroscler\w*|claudication|diabet\w*|rest pain|ulcer\w*|gangrene|stenosis|occlusion|"
                  r"aneurysm|embol\w*|vasospas\w*|raynaud\w*")
_ADRENAL_KIND = _word(r"primary|addison\w*|crisis|drug|steroid[- ]induced|iatrogenic|glucocorticoid[- ]induced|"
                      r"congenital|secondary|tertiary|postprocedural")
_PROLACTIN_KIND = _word(r"induced|drug|medication|antipsychotic|risperidone|prolactinoma|adenoma|macroadenoma")
_MENOPAUSE = _word(r"menopaus\w*|perimenopaus\w*|postmenopaus\w*|climacteric")
# the parents' marriage is no problem of the patient's own with a spouse
_PARENTS = _word(r"parents?'?|mother'?s?|father'?s?|childhood")
_BODY_SITE = _word(r"scalp|foot|feet|groin|nails?|beard|hand|face")


# a back strain's or sprain's spasm is part of the injury the note names
_BACK_INJURY = _word(r"strain(ed)?|sprain(ed)?")


def _nausea_with_vomiting(match: re.Match, note: str) -> tuple[str, str] | None:
    """R11.2, unless its sentence names a kind the index codes apart; a kind it denies ("no blood") is none."""
    start = sentence_start(note, match.start())
    text = sentence(note, match.start(), match.end())
    if any(not negated_before(note, start + kind.start()) for kind in _NAUSEA_KIND.finditer(text)):
        return None
    return "R11.2", "nausea with vomiting"


def _unless_the_note(code: str, why: str, explained_by: re.Pattern) -> Resolve:
    return lambda match, note: None if explained_by.search(note) else (code, why)


def _only_with(code: str, why: str, needed: re.Pattern) -> Resolve:
    def resolve(match: re.Match, note: str) -> tuple[str, str] | None:
        return (code, why) if needed.search(sentence(note, match.start(), match.end())) else None
    return resolve


# (words, codes the term index may have found on them, resolve(match, note) -> (code, why) or None)
_ROWS = (
    (_word(r"common cold|head cold"), ("J00", "J06", "R09"), fixed("J00", "the common cold")),
    (_word(r"dyslipid(a)?emia"), ("E78",), fixed("E78.5", "dyslipidemia (hyperlipidemia, unspecified)")),
    (_word(r"erectile dysfunction"), ("N52", "F52"),
     _unless("N52.9", "erectile dysfunction of no stated cause", _ED_CAUSE)),
    (_word(r"tinnitus"), ("H93",), _tinnitus),
    (_word(r"myalgias?|muscle (aches?|pains?)|aching muscles"), ("M79", "R52"),
     _unless("M79.10", "myalgia, site unspecified", _STOPPED_FOR)),
    (_word(r"autism"), ("F84",), fixed("F84.0", "autism (autistic disorder)")),
    (_word(r"acromegaly"), ("E22",), fixed("E22.0", "acromegaly")),
    (_word(r"thyrotoxicosis"), ("E05",), _thyrotoxicosis),
    (_word(r"hiv (disease|infection)|hiv/aids|human immunodeficiency virus (disease|infection)|(?<=asymptomatic )hiv")
     , ("B20", "Z21", "B97", "Z20"), _hiv),
    (re.compile(r"\bAIDS\b"), ("B20",), fixed("B20", "AIDS is HIV disease")),
    (_word(r"hepatitis c|hep c|hcv"), ("B15", "B16", "B17", "B18", "B19", "K73", "K75"), _hepatitis_c),
    (_word(r"hepatitis b|hep b|hbv"), ("B15", "B16", "B17", "B18", "B19", "K73", "K75", "Z22"), _hepatitis_b),
    (_word(r"(elevated|high|raised|increased) (esr|sed(imentation)? rate)|(esr|sed(imentation)? rate) "
           r"(is |was )?(elevated|high|raised)"), ("R70",),
     fixed("R70.0", "elevated (erythrocyte) sedimentation rate")),
    (_word(r"trigger (thumb|finger|digit)s?|(thumb|index|middle|long|ring|little|small) (finger )?trigger"),
     ("M65",), _trigger_finger),
    (_word(r"de ?quervain'?s?( tenosynovitis| syndrome| disease| tendinitis| tendonitis| tenosynovitis)?"),
     ("M65", "M77", "M67"), _unless("M65.4", "De Quervain's tenosynovitis (radial styloid tenosynovitis)", _THYROID)),
    (_word(r"ganglion( cyst)?|ganglion cysts"), ("M67",), _ganglion),
    (_word(r"nausea (and|with|&|/) ?vomiting|nausea/vomiting|vomiting (and|with|&) nausea"), ("R11",),
     _nausea_with_vomiting),
    # the index's "Fever, with chills" R50.9: its "Chills" R68.83 is a chill without fever
    (_word(r"fevers? (and|with|&|/) ?chills|chills (and|with|&) fevers?"), ("R50", "R68"),
     fixed("R50.9", "fever with chills")),
    (_word(r"pyelonephritis"), ("N16", "N12", "N10", "N11"),
     _unless("N12", "pyelonephritis, not specified as acute or chronic", _PYELONEPHRITIS_KIND)),
    (_word(r"vertebrogenic (low )?back pain|vertebrogenic lbp"), ("M54",),
     fixed("M54.51", "vertebrogenic low back pain")),
    (_word(r"low (serum )?sodium" + NOT_A_DIET), ("E87",), _not_advised(fixed("E87.1", "low sodium is hyponatremia"))),
    (_word(r"low (serum )?potassium" + NOT_A_DIET), ("E87",),
     _not_advised(fixed("E87.6", "low potassium is hypokalemia"))),
    (_word(r"low platelets?( count)?|low platelet count"), ("D69",), fixed("D69.6", "low platelets: thrombocytopenia")),
    (_word(r"(elevated|high|raised) (wbc|white (blood )?(cell )?count)"), ("D72",),
     fixed("D72.829", "a high white count is leukocytosis")),
    (_word(r"low (vitamin |serum )?b-?12( level)?"), ("E53", "D51"),
     _unless("E53.8", "low B12 is vitamin B12 deficiency", _ANEMIA)),
    (_word(r"gastritis"), ("K29",),
     _unless("K29.70", "gastritis of no stated kind, without bleeding", _GASTRITIS_KIND)),
    (_word(r"diverticulosis"), ("K57",),
     _diverticular("K57.90", "K57.30", "diverticulosis without perforation, abscess or bleeding")),
    (_word(r"diverticulitis"), ("K57",),
     _diverticular("K57.92", "K57.32", "diverticulitis without perforation, abscess or bleeding")),
    (_word(r"fatty liver( disease)?|hepatic steatosis|steatosis of (the )?liver"), ("K76", "K70", "K75"),
     _unless("K76.0", "fatty liver, not alcoholic", _ALCOHOL)),
    (_word(r"peripheral (arterial|artery|vascular) disease") , ("I73", "I70", "I77"),
     _unless("I73.9", "peripheral vascular disease, unspecified", _PAD_KIND)),
    (re.compile(r"\bP(AD|VD)\b"), ("I73", "I70", "I77"),
     _unless("I73.9", "peripheral vascular disease, unspecified", _PAD_KIND)),
    (_word(r"male hypogonadism|hypogonadism,? male|testosterone deficiency"), ("E29", "E23", "E28"),
     fixed("E29.1", "male hypogonadism is testicular hypofunction")),
    (_word(r"adrenal insufficiency"), ("E27",),
     _unless("E27.40", "adrenal insufficiency of no stated kind", _ADRENAL_KIND)),
    (_word(r"hyperprolactin(a)?emia"), ("E22",), _unless("E22.1", "hyperprolactinemia", _PROLACTIN_KIND)),
    (_word(r"(first|1st)[- ]degree (av|atrioventricular|heart) block"), ("I44",),
     fixed("I44.0", "first degree atrioventricular block")),
    (_word(r"ulnar (neuropathy|nerve entrapment)"), ("G56", "G58", "G62"),
     _by_side("G56.2", "lesion of the ulnar nerve", bilateral=True)),
    (_word(r"toenail fungus|fungal toenails?|fungal nails?"), ("B35", "B49"),
     fixed("B35.1", "toenail fungus is tinea unguium (onychomycosis)")),
    (_word(r"ringworm"), ("B35",), _unless("B35.4", "ringworm of the body is tinea corporis", _BODY_SITE)),
    (_word(r"canker sores?|aphthous (ulcers?|stomatitis)"), ("K12",), fixed("K12.0", "recurrent oral aphthae")),
    (_word(r"heavy (menstrual )?(periods|bleeding|menses)"), ("N92",),
     fixed("N92.0", "heavy periods: excessive menstruation with a regular cycle")),
    (_word(r"painful (periods|menses|menstruation)"), ("N94",), fixed("N94.6", "painful periods are dysmenorrhea")),
    (_word(r"hot (flashes|flushes)"), ("N95", "R23", "R68"),
     _only_with("N95.1", "menopausal hot flashes (menopausal and female climacteric states)", _MENOPAUSE)),
    (_word(r"abnormal gait|gait abnormality|abnormality of gait"), ("R26",), fixed("R26.9", "abnormality of gait")),
    (_word(r"difficulty (in )?walking|trouble walking"), ("R26",), fixed("R26.2", "difficulty in walking")),
    (_word(r"(cervical|thoracic|lumbosacral|lumbar|l5-s1|[ctl]\d\d?-[ctls]?\d\d?) spondylosis|spondylosis (of|in) "
           r"the (cervical|thoracic|lumbosacral|lumbar) spine"), ("M47",), _spondylosis),
    (_word(r"(back|paraspinal|paravertebral) (muscle )?spasms?|spasms? of (the )?(low |lower |upper |mid )?back"),
     ("M62",), _unless_the_note("M62.830", "muscle spasm of back", _BACK_INJURY)),
    (_word(r"marital (conflict|discord|problems?|difficult(y|ies)|stress|strain)|(relationship|marital) (distress|"
           r"problems?|conflict|difficult(y|ies)|discord) with (her |his |their )?(spouse|husband|wife|partner)|"
           r"conflict with (her |his |their )?(spouse|husband|wife)"), ("Z63",),
     _unless("Z63.0", "problems in relationship with spouse or partner", _PARENTS)),
    (_word(r"(thoracic|mid|middle) back pain|(thoracic|mid|middle)[- ]back pain|pain (in|of) (the )?(thoracic "
           r"(spine|back)|mid[- ]?back)|pain between (the|her|his|my) shoulder blades"), ("M54",),
     fixed("M54.6", "pain in the thoracic spine")),
    (_word(r"lateral epicondylitis|tennis elbow"), ("M77",), _by_side("M77.1", "lateral epicondylitis")),
    (_word(r"medial epicondylitis|golfer'?s elbow"), ("M77",), _by_side("M77.0", "medial epicondylitis")),
    (_word(r"achilles (tendinitis|tendonitis|tendinopathy|tendinosis)"), ("M76", "M77", "M66"),
     _by_side("M76.6", "Achilles tendinitis")),
)
COMMON_NAME_FINDINGS = tuple((words, family, _said_yes(resolve)) for words, family, resolve in _ROWS)
