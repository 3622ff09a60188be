"""Signs, symptoms and diseases the ICD-10-CM alphabetic index holds under the words notes use, where the
tabular writes other words, for `documented_findings` (which makes them only for a current mention).

On unseen notes the largest class of missed codes is a condition whose words meet no index term because the
tabular never uses them: the alphabetic index's main terms and subterms do. Each row is such an entry:
"Tingling sensation (skin)" and "Paresthesia" R20.2; "Cramp(s), leg" R25.2; "Burning, on urination" (dysuria)
R30.0; "Tightness, chest" R07.89; "Unsteadiness on feet" and "Gait, unsteady" R26.81; "Falls, repeated" R29.6
(a single fall is an injury's cause, not this code); "Microalbuminuria" R80.9; occult blood in stool, a positive
FIT, FOBT or guaiac, R19.5 (the tabular's inclusion term); "Cholelithiasis" and "Gallstone" K80.20 (a stone
without cholecystitis or obstruction: the kinds the index codes apart are left to a coder); "Syndrome, cubital
tunnel" G56.2- (the laterality rule takes the side); "Dermatitis, due to, plants" L23.7 for poison ivy, oak or
sumac, in place of the unspecified contact dermatitis found on the same words; "Hypertrophy, ventricular" (LVH)
and "Enlargement, atrium" I51.7 (cardiomegaly); "Arthritis, psoriatic" L40.50; "Stenosis, coronary" (an "RCA stenosis") I25.10. Microalbuminuria beside diabetic or
hypertensive chronic kidney disease is part of it (`integral_symptoms`). A symptom the note states beside a confirmed diagnosis still goes to a coder (`symptom-beside-diagnosis`).
A bacterium named without sepsis or pneumonia in its sentence is its "as the cause of diseases classified
elsewhere" code (B95-B96: "culture grew Pseudomonas aeruginosa" B96.5), not the sepsis code the index finds on it.
"Hyperuricemia" E79.0 (without gout: gout in the sentence is coded as gout); allergic rhinitis by the allergen the
note names ("Rhinitis, allergic, due to": pollen J30.1, animal hair and dander J30.81, another allergen J30.89);
iron deficiency anemia secondary to blood loss, menorrhagia or a GI bleed D50.0; familial hypercholesterolemia by its
stated zygosity (E78.011 heterozygous, E78.010 homozygous); "Angina, stable" and "Angina, of effort" I20.89 with
words between ("stable exertional angina").
"""
import re

from services.coding.domain.note_text import sentence
from services.coding.domain.finding_resolvers import fixed
from services.coding.domain.note_text import word_pattern as _word


_GALLBLADDER_KIND = _word(r"cholecystitis|obstruct\w*|choledocholithiasis|cholangitis|pancreatitis")


def _gallstones(match: re.Match, note: str) -> tuple[str, str] | None:
    """K80.20 is a stone of the gallbladder without cholecystitis and without obstruction: a sentence that names
    either (or a duct stone) names another K80 code."""
    if _GALLBLADDER_KIND.search(sentence(note, match.start(), match.end())):
        return None
    return "K80.20", "calculus of gallbladder without cholecystitis or obstruction"


# a bacterium named as the cause of an infection coded elsewhere (a culture that "grew Pseudomonas" in an
# exacerbation of bronchiectasis, E. coli in a UTI) is its B95-B96 code; sepsis and pneumonia name the organism in
# their own combination codes (A41.-, J15.-), which the words of the sentence then tell
# ("septic arthritis" is a pyogenic arthritis whose tabular entry asks for the organism's code beside it)
_ORGANISM_IN_COMBINATION = _word(r"seps\w*|septic(?! (arthritis|joint))\w*|bacter[ae]mia|pneumonia|meningitis")
# streptococcal pharyngitis and tonsillitis name the organism in their own codes (J02.0, J03.0)
_STREP_THROAT = _word(r"pharyngitis|tonsillitis|strep throat")
# a carrier or a colonization is not an infection (guideline I.C.1.e): the carrier's Z22.3- is read instead
_CARRIED = _word(r"carrier|carriage|coloni[sz](ation|ed)")
# "use additional code B96.81" is the tabular's note at the ulcers, gastritis and duodenitis; H. pylori said alone
# is its own infection (A04.8), and a test for it documents no organism
_PEPTIC = _word(r"ulcers?|gastritis|duodenitis|pud")


def _organism(code: str, why: str, kept_out: re.Pattern | None = None, needed: re.Pattern | None = None):
    def resolve(match: re.Match, note: str) -> tuple[str, str] | None:
        said = sentence(note, match.start(), match.end())
        if _ORGANISM_IN_COMBINATION.search(said) or _CARRIED.search(said) or \
                (kept_out and kept_out.search(said)) or \
                (needed and not needed.search(said)):
            return None
        return code, why
    return resolve


_ORGANISMS = (
    (r"pseudomonas( aeruginosa)?", "B96.5", "Pseudomonas as the cause of a disease classified elsewhere"),
    (r"e\. ?coli|escherichia coli", "B96.20", "E. coli as the cause of a disease classified elsewhere"),
    (r"klebsiella( pneumoniae)?", "B96.1", "Klebsiella pneumoniae as the cause of a disease classified elsewhere"),
    (r"mrsa|methicillin[- ]resistant staph(ylococcus)? aureus", "B95.62",
     "MRSA as the cause of a disease classified elsewhere"),
    (r"proteus( mirabilis)?", "B96.4", "Proteus as the cause of a disease classified elsewhere"),
    (r"mssa|methicillin[- ](susceptible|sensitive) staph(ylococcus)? aureus", "B95.61",
     "MSSA as the cause of a disease classified elsewhere"),
    (r"enterococc(us|al)( faecalis| faecium)?", "B95.2", "Enterococcus as the cause of a disease classified elsewhere"),
)
# the organisms read only beside (or without) words of their own sentence: (words, code, why, kept out, needed)
_ORGANISMS_IN_CONTEXT = (
    (r"group a strep(tococc(us|al))?|strep(tococcus)? pyogenes", "B95.0",
     "Streptococcus, group A, as the cause of a disease classified elsewhere", _STREP_THROAT, None),
    (r"h\. ?pylori|helicobacter pylori", "B96.81", "Helicobacter pylori as the cause of a disease classified elsewhere",
     None, _PEPTIC),
)

# "Pneumonia, in (due to) <organism>" and "Pneumonia, <organism>": the organism named as the pneumonia's cause forms
# one combination code (J12-J15) in place of the unspecified organism's J18.9 and of the organism's own B95-B97
_PNEUMONIA_ORGANISMS = (
    (r"streptococcus pneumoniae|strep\.? pneumoniae|s\. ?pneumoniae|pneumococc(us|al)", "J13",
     "pneumonia due to Streptococcus pneumoniae"),
    (r"h(a)?emophilus influenzae|h\. ?influenzae|h\. ?flu", "J14", "pneumonia due to Hemophilus influenzae"),
    (r"klebsiella( pneumoniae)?", "J15.0", "pneumonia due to Klebsiella pneumoniae"),
    (r"pseudomonas( aeruginosa)?", "J15.1", "pneumonia due to Pseudomonas"),
    (r"mrsa|methicillin[- ]resistant staph(ylococcus)? aureus", "J15.212",
     "pneumonia due to methicillin resistant Staphylococcus aureus"),
    (r"mssa|methicillin[- ]susceptible staph(ylococcus)? aureus", "J15.211",
     "pneumonia due to methicillin susceptible Staphylococcus aureus"),
    (r"e\. ?coli|escherichia coli", "J15.5", "pneumonia due to Escherichia coli"),
    (r"mycoplasma( pneumoniae)?", "J15.7", "pneumonia due to Mycoplasma pneumoniae"),
    (r"rsv|respiratory syncytial virus", "J12.1", "respiratory syncytial virus pneumonia"),
    (r"covid(-19)?|sars-cov-2|coronavirus disease 2019", "J12.82", "pneumonia due to coronavirus disease 2019"),
)
# a lobe or side between the pneumonia and its cause: "pneumonia of the left lower lobe due to ...", "PNA, RLL, d/t",
# "pneumonia, right lower lobe, secondary to ..."
_PNEUMONIA_SITE = r"(,? ((of|in|involving) )?(the )?(\w+ ){0,3}(lobes?|lungs?)|,? \(?[lr][lmu]l\)?)?"
_CAUSED_BY = r",? (due to|d/t|2/2|caused by|from|secondary to) "
_PNEUMONIA_FAMILIES = ("J09", "J10", "J11", "J12", "J13", "J14", "J15", "J18", "A40", "A41", "A49", "B95", "B96", "B97")

_ORGANISM_WORDS = [(re.compile(rf"\b({words})\b", re.IGNORECASE), code, why) for words, code, why in _PNEUMONIA_ORGANISMS]
_ANY_ORGANISM = "|".join(words for words, _, _ in _PNEUMONIA_ORGANISMS)
PNEUMONIA_ORGANISM_WORDS = _ORGANISM_WORDS  # read also where a test names the organism apart
# one pattern for every organism, run only on a note that names a pneumonia (its one required word); the organism
# is then read from what it matched, and a pneumonia without one is left as the index found it
_PNEUMONIA_BY_ORGANISM = _word(rf"(({_ANY_ORGANISM}) )?(pneumonia|pna)({_PNEUMONIA_SITE}{_CAUSED_BY}({_ANY_ORGANISM}))?")


def _pneumonia_by_organism(match: re.Match, note: str) -> tuple[str, str] | None:
    return next(((code, why) for words, code, why in _ORGANISM_WORDS if words.search(match.group(0))), None)


_GOUT = _word(r"gout\w*|toph\w*")
_DENIED_RIGHT_BEFORE = re.compile(r"\b(without|w/o|no|not|denies)\W+(\w+\W+){0,2}$", re.IGNORECASE)


def _hyperuricemia(match: re.Match, note: str) -> tuple[str, str] | None:
    """E79.0 is hyperuricemia without inflammatory arthritis or tophi: a gout its sentence names (not "without
    gout") is coded as the gout."""
    said = sentence(note, match.start(), match.end())
    if any(not _DENIED_RIGHT_BEFORE.search(said[:m.start()]) for m in _GOUT.finditer(said)):
        return None
    return "E79.0", "hyperuricemia without signs of inflammatory arthritis and tophaceous disease"


_MIXED_LIPIDS = _word(r"(mixed|combined) (hyperlipid(a)?emia|dyslipid(a)?emia)|hypercholesterol(a)?emia")


def _hypertriglyceridemia(match: re.Match, note: str) -> tuple[str, str] | None:
    """E78.1 is raised triglycerides alone: beside a raised cholesterol in its sentence the lipids are mixed (E78.2),
    for the words that say so."""
    if _MIXED_LIPIDS.search(sentence(note, match.start(), match.end())):
        return None
    return "E78.1", "hypertriglyceridemia is pure hyperglyceridemia"


_ALLERGIC_RHINITIS_DUE_TO = r"allergic rhinitis (due to|d/t|2/2|from|to|secondary to|triggered by) (the |her |his )?"
_ALLERGENS = ((r"(cats?|dogs?|animals?|pets?|horses?)( (dander|hair))?|(animal|pet) dander", "J30.81",
               "allergic rhinitis due to animal (cat) (dog) hair and dander"),
              (r"(tree |grass |weed )?pollens?|ragweed|grass(es)?|trees", "J30.1", "allergic rhinitis due to pollen"),
              (r"dust[- ]?mites?|house dust|molds?|cockroach(es)?", "J30.89", "other allergic rhinitis (another allergen)"))

# "Polyneuropathy, in (due to)" a disease the index pairs with G63 in brackets, its manifestation coded after it
# ("code first underlying disease"): the disease's own code is read from its own words; "Anemia, in (due to)
# (with) chronic kidney disease" D63.1, written "anemia of CKD" as often as "in"
_DUE_TO = r"(due to|d/t|2/2|from|secondary to|caused by|in|of|related to)"
_G63_DISEASES = r"(vitamin b12|b12|cobalamin) deficiency|hypothyroidism|amyloidosis|sarcoidosis"
_CKD_WORDS = r"chronic kidney disease|ckd|chronic renal (disease|failure|insufficiency)"

_LEG = r"(legs?|calf|calves|thighs?|feet|foot|hamstrings?)"
_REPEATED = r"(recurrent|repeated|repeat|frequent|multiple|several|two|three|four|[2-9]|\d{2})"

# (words, codes the term index may have found on them, resolve(match, note) -> (code, why) or None)
INDEX_WORD_FINDINGS = (
    *((_word(_ALLERGIC_RHINITIS_DUE_TO + f"({words})"), ("J30",), fixed(code, why)) for words, code, why in _ALLERGENS),
    # "Hypercholesterolemia, familial": heterozygous E78.011, homozygous E78.010, the zygosity unstated E78.019
    *((_word(rf"({zygosity} |{short},? )familial hypercholesterol(a)?emia|familial hypercholesterol(a)?emia,? "
             rf"\(?({zygosity}|{short})\b"), ("E78",),
       fixed(code, f"{zygosity} familial hypercholesterolemia"))
      for zygosity, short, code in (("heterozygous", "hefh", "E78.011"), ("homozygous", "hofh", "E78.010"))),
    (_word(r"hyperuric(a)?emia|elevated uric acid"), ("E79",), _hyperuricemia),
    # "Hypertriglyceridemia" is the tabular's pure hyperglyceridemia E78.1, unless the sentence calls the lipids mixed
    (_word(r"hypertriglycerid(a)?emia"), ("E78",), _hypertriglyceridemia),
    # "Anemia, iron deficiency, secondary to blood loss (chronic)": menorrhagia and a GI bleed are blood loss
    # (the cause only looked at: its own words are its own code, N92.0 for the menorrhagia)
    (_word(r"(iron deficiency anemia|ida)(?= (secondary to|due to|d/t|2/2|from) (chronic )?(blood loss|menorrhagia|"
           r"heavy (menses|menstrual bleeding|periods)|gi (blood loss|bleed(ing)?)|bleeding)\b)"), ("D50",),
     fixed("D50.0", "iron deficiency anemia secondary to (chronic) blood loss")),
    (_PNEUMONIA_BY_ORGANISM, _PNEUMONIA_FAMILIES, _pneumonia_by_organism),
    *((_word(words), ("A41", "A49", "B95", "B96"), _organism(code, why)) for words, code, why in _ORGANISMS),
    *((_word(words), ("A04", "A41", "A49", "B95", "B96"), _organism(code, why, kept_out, needed))
      for words, code, why, kept_out, needed in _ORGANISMS_IN_CONTEXT),
    (_word(rf"((sensory|motor|sensorimotor|peripheral|axonal) )?(poly)?neuropathy(?=,? {_DUE_TO} ({_G63_DISEASES}))"),
     ("A69", "G60", "G62", "G63", "G64"), fixed("G63", "polyneuropathy in a disease classified elsewhere (coded first)")),
    (_word(rf"anemia(?=,? {_DUE_TO} ({_CKD_WORDS}))"), ("D63", "D64"),
     fixed("D63.1", "anemia in chronic kidney disease")),
    (_word(r"tingling|pins and needles|paresth?esias?"), ("R20",),
     fixed("R20.2", "tingling (paresthesia of skin)")),
    (_word(rf"((nocturnal |night(time)? )?{_LEG}|nocturnal|night(time)?|muscle) cramps?|"
           rf"cramp(s|ing)? (in|of) (the |her |his |both |my )?{_LEG}"), ("R25",),
     fixed("R25.2", "cramp of a limb or muscle")),
    (_word(r"burning (on|with|w/|when|during) (urination|urinating|voiding|micturition)|painful urination"),
     ("R30",), fixed("R30.0", "burning on urination is dysuria")),
    (_word(r"chest tightness|tightness (in|of) (the |her |his |my )?chest"), ("R07",),
     fixed("R07.89", "chest tightness (other chest pain)")),
    (_word(r"unsteady gait|gait (is )?unsteady|unsteadiness( on (her |his |their )?feet)?|"
           r"unsteady on (her |his |their )?feet"), ("R26",), fixed("R26.81", "unsteadiness on feet")),
    # the index's external cause "Fall, falling" (W19) on the same word is the injury's cause, not the problem
    (_word(rf"{_REPEATED} falls|falls (x|times) ?[2-9]\b"), ("R29", "W19"), fixed("R29.6", "repeated falls")),
    (_word(r"micro-?albuminuria"), ("R80",), fixed("R80.9", "microalbuminuria (proteinuria)")),
    (_word(r"positive (fit|fobt|fecal occult blood( test)?|stool guaiac|guaiac|hemoccult|ifobt)|"
           r"(fit|fobt|ifobt|hemoccult|guaiac)( test)? (was |is |came back )?positive|"
           r"(heme|guaiac)[- ]positive stools?|occult blood in (the )?(stool|feces)"), ("R19",),
     fixed("R19.5", "occult blood in stool")),
    (_word(r"cholelithiasis|gall ?stones?"), ("K80",), _gallstones),
    # "Stenosis, coronary - see Disease, heart, ischemic, atherosclerotic": a coronary vessel's stenosis is I25.10
    (_word(r"(lad|rca|lcx|left main|circumflex|om\d?) (artery )?(stenosis|lesion|occlusion)|"
           r"(stenosis|occlusion) (of|in) (the )?(lad|rca|lcx|left main|circumflex)"), ("I25",),
     fixed("I25.10", "coronary stenosis is atherosclerotic heart disease of a native coronary artery")),
    # "Angina, stable" and "Angina, of effort" (exertional): I20.89 other forms, whatever words stand between
    # ("stable exertional angina", "angina, stable, with exertion"), which CAD beside it makes I25.118
    # (a bare "stable angina" is the tabular's own inclusion term, met by the index)
    (_word(r"(stable|exertional|effort),? (and )?(stable|exertional|chronic) angina|(exertional|effort) angina|"
           r"angina( pectoris)?,? (of effort|on exertion|with exertion|stable|exertional)"), ("I20",),
     fixed("I20.89", "stable or exertional angina is another form of angina pectoris")),
    (_word(r"psoriatic arthritis|psoriatic arthropathy|arthropathic psoriasis"), ("L40", "M07", "M19"),
     fixed("L40.50", "psoriatic arthritis (arthropathic psoriasis, unspecified)")),
    # "Hypertrophy, cardiac / ventricular" and "Enlargement, atrium": I51.7, which hypertension beside it makes I11.9
    (_word(r"lvh|left ventricular hypertrophy|(left |right |bi-?)atrial enlargement|(la|ra) enlargement|"
           r"(left|right) atrium (is )?(enlarged|dilated)"), ("I51",), fixed("I51.7", "cardiomegaly")),
    (_word(r"cubital tunnel( syndrome)?|ulnar (nerve )?(neuropathy|entrapment) at (the )?elbow"), ("G56.2",),
     fixed("G56.20", "cubital tunnel syndrome is a lesion of the ulnar nerve")),
    # "Meralgia paresthetica" G57.1- and "Syndrome, tarsal tunnel" G57.5-: the index's entries end in a dash, the
    # side the note writes completes them (the laterality rule), as for the cubital tunnel
    (_word(r"meralgia paresthetica|lateral femoral cutaneous (nerve )?(entrapment|neuropathy)"), ("G57.1",),
     fixed("G57.10", "meralgia paresthetica is a lesion of the lateral cutaneous nerve of the thigh")),
    (_word(r"tarsal tunnel( syndrome)?|posterior tibial (nerve )?entrapment at (the )?ankle"), ("G57.5",),
     fixed("G57.50", "tarsal tunnel syndrome")),
    (_word(r"((allergic )?(contact )?dermatitis|rash) (due to|from|caused by|secondary to) (plants?|poison (ivy|oak|"
           r"sumac))|poison (ivy|oak|sumac)( dermatitis| rash)?"), ("L23", "L24", "L25", "L30", "R21"),
     fixed("L23.7", "allergic contact dermatitis due to plants (poison ivy, oak or sumac)")),
)
