"""Eye, ear, upper airway, digestive and genitourinary conditions by the ICD-10-CM index's own entries, for
`documented_findings`.

The tabular titles carry a default the notes leave unsaid ("Acute gastritis without bleeding", "Diaphragmatic
hernia without obstruction or gangrene"), so the words clinics write ("acute gastritis", "hiatal hernia", "grade II
hemorrhoids", "Eustachian tube dysfunction") met no index term, or met the category's unspecified code. Each row
names the index entry it reads:

- "Hernia, hiatal" K44.9 (obstruction or gangrene stated are the other K44 codes: a coder's).
- "Gastritis, acute" K29.00, "..., chronic" K29.50, "Duodenitis" K29.80, "Gastroduodenitis" K29.90: with bleeding
  stated (not denied) the "with bleeding" code.
- "Ulcer, stomach" K25.- and "Ulcer, duodenum" K26.-: by acuity (acute, chronic, neither) and by hemorrhage and
  perforation as stated, the fourth character the tabular's axes give.
- "Hemorrhoids, by degree": first K64.0, second K64.1, third K64.2, fourth K64.3 ("grade II", "2nd degree");
  "Hemorrhoids, internal (without mention of degree)" K64.8; "..., external, thrombosed" K64.5.
- "Cholelithiasis with cholecystitis" (and "calculous cholecystitis"): acute K80.00, chronic K80.10, acute on chronic
  K80.12, the combination code over its two members; with obstruction stated the "with obstruction" code.
- "Dyskinesia, biliary" K82.8 (not the movement disorder G24.9).
- "Dysfunction, Eustachian tube" H69.8-; "Deviation, septum (nasal)" J34.2; "Rhinosinusitis" read as the index's
  sinusitis (acute J01.90, chronic J32.9).
- "Otitis media, suppurative, acute" H66.00- (with rupture of the ear drum H66.01-); "recurrent" and the ear are
  the laterality rule's, from the sibling titles.
- "Conjunctivitis, acute" H10.3-, "..., allergic (acute)" and "atopic" H10.1-, "..., mucopurulent" H10.02-.
- "Syndrome, dry eye" H04.12-; "Cataract, senile, nuclear (sclerosis)" H25.1-, "..., cortical" H25.01- and
  "..., posterior subcapsular polar" H25.04- (these two only where the sentence says age-related or senile: the
  index's bare "Cataract (cortical)" is H26.9); "Cataract,
  drug-induced" H26.3- ("steroid-induced", its drug's T code being `drug_effects`'); "Cataract, secondary,
  specified NEC" H26.49- (posterior capsule opacification, "PCO" only with its eye).
- "Failure, renal, acute" N17.9; "Calculus, ureter" N20.1 (not beside a kidney stone or a hydronephrosis: their
  combinations are a coder's); "Incontinence, stress" N39.3, "urge" N39.41, "mixed" N39.46; "Menopause,
  symptomatic" N95.1; "Vaginitis, atrophic" and "Atrophy, vagina" N95.2; "Syndrome, premenstrual (tension)" N94.3
  and "Disorder, premenstrual dysphoric" F32.81 (PMS, PMDD); "Bleeding, postmenopausal" N95.0 (PMB); "Vaginosis -
  see Vaginitis" N76.0; "Pain, breast" and "Mastalgia" N64.4; "Disease, breast, fibrocystic" N60.1- and "Pain,
  pelvic (female)" R10.2- (by side since FY2025).

Each is the unspecified-side code where the category is sided: the laterality rule takes the side the sentence
states ("right", "left", "both"); the eye's rows read "OU", "OD" and "OS" themselves.
"""
import re

from services.coding.domain.note_text import sentence, word_pattern as _rx

# "no GI bleeding", "without obstruction": the few words before the qualifier deny it
_DENIED = re.compile(r"\b(no|not|without|denies|negative for|free of)\b(\W+\w+){0,2}\W*$", re.IGNORECASE)


def _said(words: re.Pattern, text: str) -> bool:
    return any(not _DENIED.search(text[:m.start()]) for m in words.finditer(text))


def _fixed(code: str, why: str):
    return lambda match, note: (code, why)


_BLEEDING = _rx(r"bleed\w*|hemorrhag\w*|haemorrhag\w*")
_PERFORATION = _rx(r"perforat\w*")
_OBSTRUCTION = _rx(r"obstruct\w*|gangren\w*|incarcerat\w*|strangulat\w*")
_ACUTE = _rx(r"acute")
_CHRONIC = _rx(r"chronic")


def _hiatal_hernia(match: re.Match, note: str) -> tuple[str, str] | None:
    if _said(_OBSTRUCTION, sentence(note, match.start(), match.end())):
        return None  # with obstruction or gangrene: K44.0/K44.1, a coder's
    return "K44.9", "hiatal hernia, without obstruction or gangrene"


def _with_bleeding(without: str, with_: str, what: str):
    def resolve(match: re.Match, note: str) -> tuple[str, str]:
        if _said(_BLEEDING, sentence(note, match.start(), match.end())):
            return with_, f"{what} with bleeding"
        return without, f"{what} without bleeding"
    return resolve


def _ulcer(category: str, what: str):
    """K25/K26 fourth characters: acute 0-3, chronic or unstated 4-7 with a complication, 7 chronic, 9 neither."""
    def resolve(match: re.Match, note: str) -> tuple[str, str]:
        text = sentence(note, match.start(), match.end())
        bleeding, perforated = _said(_BLEEDING, text), _said(_PERFORATION, text)
        acute = bool(_ACUTE.search(match.group(0))) and not _CHRONIC.search(match.group(0))
        chronic = bool(_CHRONIC.search(match.group(0)))
        complication = 2 if bleeding and perforated else 1 if perforated else 0 if bleeding else None
        if acute:
            fourth = 3 if complication is None else complication
        elif complication is not None:
            fourth = 4 + complication
        else:
            fourth = 7 if chronic else 9
        return f"{category}.{fourth}", f"{what} by its stated acuity and complications"
    return resolve


_DEGREES = (("0", r"first|1st|one|1|i"), ("1", r"second|2nd|two|2|ii"), ("2", r"third|3rd|three|3|iii"),
            ("3", r"fourth|4th|four|4|iv"))


def _hemorrhoid_degree(match: re.Match, note: str) -> tuple[str, str] | None:
    said = match.group(0).lower()
    for fifth, words in _DEGREES:
        if re.search(rf"\b(grade|stage) ({words})\b|\b({words})(st|nd|rd|th)?[- ]degree\b", said):
            return f"K64.{fifth}", f"hemorrhoids of the degree stated ({said})"
    return None


_DEGREE_SAID = _rx(r"(grade|stage) (1|2|3|4|i|ii|iii|iv)|(first|1st|second|2nd|third|3rd|fourth|4th)[- ]degree")


def _internal_hemorrhoids(match: re.Match, note: str) -> tuple[str, str] | None:
    if _DEGREE_SAID.search(sentence(note, match.start(), match.end())):
        return None  # the degree's own code
    return "K64.8", "internal hemorrhoids without mention of degree"


def _calculous_cholecystitis(match: re.Match, note: str) -> tuple[str, str] | None:
    said = match.group(0).lower()
    text = sentence(note, match.start(), match.end())
    obstructed = "1" if _said(_rx(r"obstruct\w*"), text) else "0"
    if "acute on chronic" in said:
        return "K80.1" + ("3" if obstructed == "1" else "2"), "gallstones with acute and chronic cholecystitis"
    if "acute" in said:
        return "K80.0" + obstructed, "gallstones with acute cholecystitis"
    if "chronic" in said:
        return "K80.1" + obstructed, "gallstones with chronic cholecystitis"
    return None


def _suppurative_otitis(match: re.Match, note: str) -> tuple[str, str]:
    """H66.00-/H66.01- by rupture; the sixth character 4-7 where the sentence says recurrent (unspecified ear 9 or
    7: the laterality rule sides it)."""
    text = sentence(note, match.start(), match.end())
    ear = "7" if _said(_rx(r"recurrent|recurring"), text) else "9"
    if _said(_rx(r"rupture\w*|perforat\w*"), text):
        return "H66.01" + ear, "acute suppurative otitis media with spontaneous rupture of the ear drum"
    return "H66.00" + ear, "acute suppurative otitis media without rupture of the ear drum"


# a kidney stone or a hydronephrosis beside it is a combination code (N20.2, N13.2): a coder's
_WITH_KIDNEY_STONE_OR_OBSTRUCTION = _rx(r"nephrolithiasis|kidney (stones?|calcul\w*)|renal (stones?|calcul\w*)|"
                                        r"hydronephrosis|hydroureter\w*|obstruct\w*")


def _ureteral_stone(match: re.Match, note: str) -> tuple[str, str] | None:
    if _said(_WITH_KIDNEY_STONE_OR_OBSTRUCTION, sentence(note, match.start(), match.end())):
        return None
    return "N20.1", "calculus of ureter"


# the eye by the ophthalmic abbreviations, written in capitals: oculus uterque, dexter, sinister
_EYES = (("both", re.compile(r"\bOU\b")), ("right", re.compile(r"\bOD\b")), ("left", re.compile(r"\bOS\b")))


def _by_eye(codes: dict, why: str):
    """The unspecified-eye code, or the eye "OU", "OD" or "OS" names in the sentence (the laterality rule reads
    "right", "left" and "both" but not these)."""
    def resolve(match: re.Match, note: str) -> tuple[str, str]:
        text = sentence(note, match.start(), match.end())
        named = {eye for eye, written in _EYES if written.search(text)}
        eye = "both" if "both" in named or {"right", "left"} <= named else next(iter(named), None)
        return codes[eye], why + (f", {eye} eye{'s' if eye == 'both' else ''}" if eye else "")
    return resolve


_AGE_RELATED = _rx(r"age[- ]related|senile")
_OTHER_CAUSE = _rx(r"(steroid|drug|medication)[- ]induced|traumatic|congenital|diabetic")


def _age_related_by_eye(codes: dict, why: str):
    """The eye's code of an age-related kind, only where the sentence says age-related and names no other cause."""
    by_eye = _by_eye(codes, why)

    def resolve(match: re.Match, note: str) -> tuple[str, str] | None:
        text = sentence(note, match.start(), match.end())
        return by_eye(match, note) if _said(_AGE_RELATED, text) and not _OTHER_CAUSE.search(text) else None
    return resolve


def _eye_codes(category: str, unspecified: str) -> dict:
    return {None: unspecified, "right": category + "1", "left": category + "2", "both": category + "3"}


_SIDE = r"(the |his |her |both |bilateral )?(right |left |r |l )?"
_INCONTINENCE = r"( urinary)? incontinence"

# every word the table's patterns need, searched once before them
ORGAN_SYSTEM_WORDS = re.compile(r"hiatal|hiatus|gastritis|duodenitis|ulcer|hemorrhoid|cholecystitis|dyskinesia|"
                                r"eustachian|septum|septal|rhinosinusitis|suppurative|conjunctivitis|renal failure|"
                                r"kidney failure|ureter|incontinence|menopaus|atroph|dry eye|nuclear|cataract|"
                                r"opacification|pco|premenstrual|pms|"
                                r"pmdd|pmb|vaginosis|breast pain|mastalgia|fibrocystic|pelvic pain", re.IGNORECASE)
# (words, codes the index may have found on them, resolve)
ORGAN_SYSTEM_ENTRIES = (
    (_rx(r"(sliding |paraesophageal |large |small |moderate )?hiat(al|us) hernia"), ("K44",), _hiatal_hernia),
    (_rx(r"acute (erosive |hemorrhagic )?gastritis"), ("K29",), _with_bleeding("K29.00", "K29.01", "acute gastritis")),
    (_rx(r"chronic gastritis"), ("K29",), _with_bleeding("K29.50", "K29.51", "chronic gastritis")),
    (_rx(r"(?<!gastro)(?<!gastro-)duodenitis"), ("K29",), _with_bleeding("K29.80", "K29.81", "duodenitis")),
    (_rx(r"gastro-?duodenitis"), ("K29",), _with_bleeding("K29.90", "K29.91", "gastroduodenitis")),
    (_rx(r"(acute |chronic )?(gastric|stomach) ulcer"), ("K25", "K27", "L98"), _ulcer("K25", "gastric ulcer")),
    (_rx(r"(acute |chronic )?duodenal ulcer"), ("K26", "K27", "L98"), _ulcer("K26", "duodenal ulcer")),
    (_rx(r"(internal |external |mixed )?hemorrhoids?,? (grade|stage) (1|2|3|4|i|ii|iii|iv)|"
         r"(grade|stage) (1|2|3|4|i|ii|iii|iv) (internal |external |mixed )?hemorrhoids?|"
         r"(first|1st|second|2nd|third|3rd|fourth|4th)[- ]degree (internal |external |mixed )?hemorrhoids?"),
     ("K64",), _hemorrhoid_degree),
    (_rx(r"thrombosed external hemorrhoids?|external hemorrhoids? with thrombosis"), ("K64",),
     _fixed("K64.5", "a thrombosed external hemorrhoid is perianal venous thrombosis")),
    (_rx(r"internal hemorrhoids?"), ("K64",), _internal_hemorrhoids),
    (_rx(r"(cholelithiasis|gallstones?) with (acute on chronic|acute|chronic) cholecystitis|"
         r"(acute on chronic|acute|chronic) calculous cholecystitis"), ("K80", "K81"), _calculous_cholecystitis),
    (_rx(r"biliary dyskinesia|gallbladder dyskinesia"), ("G24", "K82"),
     _fixed("K82.8", "biliary dyskinesia, another disease of the gallbladder")),
    (_rx(rf"{_SIDE}eustachian tube dysfunction|eustachian tube dysfunction,? (of )?{_SIDE}(ear)?"), ("H69",),
     _fixed("H69.80", "Eustachian tube dysfunction, another specified disorder of the tube")),
    (_rx(r"deviated (nasal )?septum|(nasal )?septal deviation|deviation of (the )?(nasal )?septum"), ("J34",),
     _fixed("J34.2", "deviated nasal septum")),
    (_rx(r"chronic rhinosinusitis"), ("J32", "J31"), _fixed("J32.9", "chronic rhinosinusitis is chronic sinusitis")),
    (_rx(r"acute rhinosinusitis"), ("J01",), _fixed("J01.90", "acute rhinosinusitis is acute sinusitis")),
    (_rx(r"acute (purulent|suppurative) otitis media"), ("H66", "H65"), _suppurative_otitis),
    (_rx(r"(?<!chronic )(?<!non)(allergic|atopic) conjunctivitis"), ("H10",),
     _by_eye(_eye_codes("H10.1", "H10.10"), "allergic (acute atopic) conjunctivitis")),
    (_rx(r"mucopurulent conjunctivitis"), ("H10",),
     _by_eye(_eye_codes("H10.02", "H10.029"), "mucopurulent conjunctivitis")),
    (_rx(r"acute (bacterial |staphylococcal |streptococcal )?conjunctivitis"), ("H10",),
     _by_eye(_eye_codes("H10.3", "H10.30"), "acute conjunctivitis of no stated kind")),
    (_rx(r"dry eye( syndrome| disease)?|dry eyes"), ("H04", "H57", "H16"),
     _by_eye(_eye_codes("H04.12", "H04.129"), "dry eye syndrome (of the lacrimal gland)")),
    (_rx(r"(age-related |senile )?nuclear (sclerotic )?cataracts?|nuclear sclerosis cataracts?"), ("H25", "H26"),
     _by_eye(_eye_codes("H25.1", "H25.10"), "age-related nuclear cataract")),
    (_rx(r"((age-related|senile) )?cortical ((age-related|senile) )?cataracts?"), ("H25", "H26"),
     _age_related_by_eye(_eye_codes("H25.01", "H25.019"), "cortical age-related cataract")),
    (_rx(r"((age-related|senile) )?posterior subcapsular( polar)? ((age-related|senile) )?cataracts?"),
     ("H25", "H26"),
     _age_related_by_eye(_eye_codes("H25.04", "H25.049"), "posterior subcapsular polar age-related cataract")),
    (_rx(r"((cortico)?steroid|glucocorticoid|prednisone)[- ]induced cataracts?"), ("H25", "H26"),
     _by_eye(_eye_codes("H26.3", "H26.30"), "drug-induced cataract")),
    (_rx(r"posterior (capsule|capsular) opacification|PCO(?= (OD|OS|OU|(of )?(the )?(right|left|both|r|l) eyes?)\b)"),
     ("H26", "E28"), _by_eye(_eye_codes("H26.49", "H26.499"), "posterior capsule opacification, a secondary cataract")),
    (_rx(r"acute (renal|kidney) failure"), ("N17", "N19"), _fixed("N17.9", "acute renal failure")),
    (_rx(r"(ureteral|ureteric) (stone|calculus|calculi)|ureterolithiasis|(stone|calculus) (in|of) the ureter"),
     ("N20",), _ureteral_stone),
    (_rx(rf"stress{_INCONTINENCE}"), ("R32", "N39"), _fixed("N39.3", "stress incontinence")),
    (_rx(rf"urge{_INCONTINENCE}"), ("R32", "N39"), _fixed("N39.41", "urge incontinence")),
    (_rx(rf"mixed{_INCONTINENCE}"), ("R32", "N39"), _fixed("N39.46", "mixed (stress and urge) incontinence")),
    (_rx(r"(symptomatic|symptoms of) menopause|menopausal (symptoms|syndrome|hot flashes|hot flushes|vasomotor "
         r"symptoms)"), ("N95", "R23", "N95"), _fixed("N95.1", "symptomatic menopausal state")),
    (_rx(r"(postmenopausal )?atrophic vaginitis|vaginal atrophy|atrophy of (the )?vagina|"
         r"genitourinary syndrome of menopause"), ("N95", "N76", "N89"),
     _fixed("N95.2", "postmenopausal atrophic vaginitis")),
    (_rx(r"premenstrual (tension )?syndrome|PMS"), ("N94", "R45", "R14"),
     _fixed("N94.3", "premenstrual tension syndrome")),
    (_rx(r"premenstrual dysphoric disorder|PMDD"), ("F32", "N94"), _fixed("F32.81", "premenstrual dysphoric disorder")),
    (_rx(r"postmenopausal bleeding|PMB"), ("N95",), _fixed("N95.0", "postmenopausal bleeding")),
    (_rx(r"bacterial vaginosis"), ("N76", "N89"), _fixed("N76.0", "vaginosis, read as (acute) vaginitis")),
    (_rx(r"breast pain|mastalgia"), ("N64",), _fixed("N64.4", "mastodynia")),
    (_rx(r"fibrocystic (breast disease|breasts?|changes?|disease)( of the (right |left |r |l )?breast)?"), ("N60",),
     _fixed("N60.19", "fibrocystic disease of the breast (diffuse cystic mastopathy)")),
    (_rx(r"(chronic |acute )?(right[- ]sided |left[- ]sided )?pelvic pain"), ("R10", "N94", "R52"),
     _fixed("R10.20", "pelvic and perineal pain")),
)
