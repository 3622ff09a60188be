"""Conditions whose code's characters are the site, side, kind or complication the words name, read from the
ICD-10-CM index and tabular for `documented_findings`.

Clinics write the site or kind before the condition ("ileal Crohn's", "left otitis externa", "right upper lid
stye", "tubular adenoma of the sigmoid colon") and the index's entries after it ("Crohn's disease, small
intestine", "Otitis, externa", "Hordeolum", "Polyp, colon, adenomatous - see Neoplasm, benign, colon"), so the
words met no index term, the category's unspecified code or another category's default. Each row names its entry:

- "Hordeolum (externum)" and "Stye" H00.01-, "Chalazion" H00.1-, "Blepharitis" H01.00-: the sixth character is
  the eye and the eyelid the sentence states (upper 1/4, lower 2/5, unstated 3/6 for right/left; both lids of one
  eye A/B where the tabular has them); both eyes go to a coder, who codes each.
- "Degeneration, macula, age-related" dry (nonexudative) H35.31- and wet (exudative) H35.32-: the eye the sentence
  states (both 3) and the stage (dry: early, intermediate, geographic atrophy with the fovea's involvement stated;
  wet: active or inactive choroidal neovascularization, scar; unstated 0).
- "Presbycusis" and age-related hearing loss H91.1-; "Otitis, externa" H60.9- and otitis media H66.9- written
  with the side or its abbreviation first ("left otitis externa", "R OM", "L OE"): the laterality rule sides them.
- "Crohn's disease" by site (small intestine, large intestine, both: K50.0-/K50.1-/K50.8-) and "Colitis,
  ulcerative" by extent (left-sided K51.5-, pancolitis K51.0-, proctosigmoiditis K51.3-), each with the
  complication its sentence states (rectal bleeding 1, obstruction 2, fistula 3, abscess 4) or none (0).
- "Irritable bowel syndrome, with diarrhea / with constipation" K58.0/K58.1 written "diarrhea-predominant".
- "Cirrhosis, alcoholic" K70.30, with ascites K70.31.
- "Diverticulitis" and "Diverticulosis" with bleeding, abscess or perforation: the large intestine's codes where
  the colon is named (K57.2-/K57.3-), the unspecified part's otherwise (K57.8-/K57.9-).
- "Polyp, adenomatous" and "Adenoma" of the colon and rectum: "Neoplasm, benign" of the site named (D12.-).
- "Tonsillitis, recurrent" J03.91; "Sinusitis, acute, recurrent" J01.91 (J01.x1 by the sinus named).
- "Calculus, kidney, with calculus, ureter" N20.2.
- "Hematuria, microscopic" R31.29, asymptomatic R31.21.
- "Vaginosis, bacterial" N76.0 (the organism's B96.89 is a coder's: the suggester reads one code on one span);
  "Candidiasis, vulva and vagina" B37.31, chronic B37.32.
- "Tinea capitis" and ringworm of the scalp B35.0.
- "Abscess" of the skin by site and side (L02.-); cellulitis of a lower or upper extremity written "LLE", "RUE",
  "lower extremity", and of the face (L03.-).
- "Effusion, joint" M25.4- by joint and side ("right knee effusion").
- "Cyst, Baker's" and "Cyst, popliteal" M71.2- by side ("R Baker's cyst", "popliteal cyst, left knee"; none stated
  0); a ruptured one is M66.0 (the category's excludes1) and left to the index.

A row reads a current condition only (`documented_findings` checks the mention; a childhood condition "as a child"
or "outgrown" is past) and leaves to a coder what its words do not settle (both eyes of a lid code, two
complications of a Crohn's disease, a limb abscess of no stated side).
"""
import re

from services.coding.domain.laterality import stated_side
from services.coding.domain.note_text import sentence
from services.coding.domain.note_text import word_pattern as _rx

# "no rectal bleeding", "without abscess": the few words before the qualifier deny it
_DENIED = re.compile(r"\b(no|not|without|denies|negative for|free of)\b(\W+\w+){0,3}\W*$", re.IGNORECASE)


def _said(words: re.Pattern, text: str) -> bool:
    return any(not _DENIED.search(text[:m.start()]) for m in words.finditer(text))


def _fixed(code: str, why: str):
    return lambda match, note: (code, why)


# the side's abbreviations as clinics write them before a site or condition: "R upper lid", "L knee"
_SIDE_LETTER = re.compile(r"\b(R|L|RLE|LLE|RUE|LUE|OD|OS|OU)\b")
_LETTER_SIDES = {"R": "right", "RLE": "right", "RUE": "right", "OD": "right",
                 "L": "left", "LLE": "left", "LUE": "left", "OS": "left", "OU": "bilateral"}


def side_written(words: str, text: str) -> str | None:
    """The side the condition's own words state, else its sentence's; abbreviations in capitals."""
    for part in (words, text):
        side = stated_side(part)
        letters = {_LETTER_SIDES[m.group(1)] for m in _SIDE_LETTER.finditer(part)}
        if side is None and letters:
            side = "bilateral" if "bilateral" in letters or len(letters) > 1 else letters.pop()
        if side is not None:
            return side
    return None


# the eyelid's sixth character: (side, lid) -> character
_LID_CHARACTERS = {("right", "upper"): "1", ("right", "lower"): "2", ("right", None): "3", ("right", "both"): "A",
                   ("left", "upper"): "4", ("left", "lower"): "5", ("left", None): "6", ("left", "both"): "B",
                   (None, None): "9"}
_UPPER = _rx(r"upper|superior")
_LOWER = _rx(r"lower|inferior")


def _eyelid(category: str, what: str, both_lids: bool):
    """H00.01-, H00.1-, H01.00-: the eye and lid the words or their sentence state; both eyes are a coder's."""
    def resolve(match: re.Match, note: str) -> tuple[str, str] | None:
        text = sentence(note, match.start(), match.end())
        side = side_written(match.group(0), text)
        if side == "bilateral":
            return None
        upper, lower = bool(_UPPER.search(text)), bool(_LOWER.search(text))
        lid = "both" if upper and lower else "upper" if upper else "lower" if lower else None
        if side is None or (lid == "both" and not both_lids):
            return (category + "9", what) if side is None and lid is None else None
        return category + _LID_CHARACTERS[(side, lid)], f"{what}, {side} eye" + (f", {lid} eyelid" if lid else "")
    return resolve


# age-related macular degeneration: the eye's sixth character and the stage's seventh
EYE_DIGITS = {"right": "1", "left": "2", "bilateral": "3", None: "9"}
_SUBFOVEAL_SPARED = _rx(r"(without|sparing|not involving|no) (the )?(subfoveal|fovea\w*|center)|non-?subfoveal|"
                        r"extrafoveal")
_SUBFOVEAL = _rx(r"subfoveal|involving the (fovea|center)|center[- ]involving|foveal involvement")
_DRY_STAGES = (("1", _rx(r"early( stage)?")), ("2", _rx(r"intermediate( stage)?")))
_GEOGRAPHIC_ATROPHY = _rx(r"geographic atrophy|advanced atrophic|\bga\b")
_WET_STAGES = (("2", _rx(r"inactive (cnv|choroidal neovasculari[sz]ation)")),
               ("3", _rx(r"(inactive |disciform )?scar")),
               ("1", _rx(r"active (cnv|choroidal neovasculari[sz]ation)")))


def _macular_degeneration(category: str, what: str):
    """H35.31-/H35.32-: the eye the sentence states (both 3) and the stage its words state (unstated 0); an
    advanced atrophic (geographic atrophy) stage needs the fovea's involvement stated, or goes to a coder."""
    def resolve(match: re.Match, note: str) -> tuple[str, str] | None:
        text = sentence(note, match.start(), match.end())
        eye = EYE_DIGITS[side_written(match.group(0), text)]
        if category == "H35.31":
            if _GEOGRAPHIC_ATROPHY.search(text):
                stage = "3" if _SUBFOVEAL_SPARED.search(text) else "4" if _SUBFOVEAL.search(text) else None
            else:
                stage = next((digit for digit, words in _DRY_STAGES if words.search(text)), "0")
        else:
            stage = next((digit for digit, words in _WET_STAGES if _said(words, text)), "0")
        if stage is None:
            return None
        return f"{category}{eye}{stage}", f"{what}, by the eye and stage stated"
    return resolve


# Crohn's disease: the site's fourth character; ulcerative colitis: the extent's. The complication written
# right after the words is theirs ("... with rectal bleeding"): read with them, not as a symptom of its own.
_COMPLICATION_TAIL = (r"(,? (with|and|complicated by) (an? )?(rectal bleeding|bleeding|hematochezia|brbpr|"
                      r"(intestinal |small bowel )?obstruction|strictur\w*|fistula\w*|abscess\w*))?")
_BLEEDING = _rx(r"(rectal )?bleed\w*|hemorrhag\w*|hematochezia|brbpr")
_OBSTRUCTION = _rx(r"obstruct\w*|strictur\w*|stenos[ie]s")
_FISTULA = _rx(r"fistula\w*|fistuliz\w*|fistulous|fistulis\w*")
_ABSCESS = _rx(r"abscess\w*")
_COMPLICATIONS = (("1", _BLEEDING), ("2", _OBSTRUCTION), ("3", _FISTULA), ("4", _ABSCESS))


def _with_complication(category: str, what: str):
    """The sixth character of K50/K51: 1 rectal bleeding, 2 obstruction, 3 fistula, 4 abscess as the sentence
    states it; none stated is "without complications" (0); two stated are a coder's."""
    def resolve(match: re.Match, note: str) -> tuple[str, str] | None:
        text = sentence(note, match.start(), match.end())
        stated = [digit for digit, words in _COMPLICATIONS if _said(words, text)]
        if len(stated) > 1:
            return None
        if not stated:
            return category + "0", f"{what} without complications"
        return category + "1" + stated[0], f"{what} with the complication stated"
    return resolve


_ASCITES = _rx(r"ascites")


def _alcoholic_cirrhosis(match: re.Match, note: str) -> tuple[str, str]:
    if _said(_ASCITES, sentence(note, match.start(), match.end())):
        return "K70.31", "alcoholic cirrhosis of liver with ascites"
    return "K70.30", "alcoholic cirrhosis of liver without ascites"


_COLON = _rx(r"colon|colonic|sigmoid|large (intestine|bowel)|descending|ascending|transverse|cecal|rectosigmoid")
_PERFORATION_OR_ABSCESS = _rx(r"perforat\w*|abscess\w*|phlegmon")


def _diverticular(match: re.Match, note: str) -> tuple[str, str] | None:
    """K57: the large intestine's codes where the colon is named, the unspecified part's otherwise; only with a
    complication stated (the plain entries are the index's own)."""
    text = sentence(note, match.start(), match.end())
    said = match.group(0).lower()
    bleeding, perforated = _said(_BLEEDING, text), _said(_PERFORATION_OR_ABSCESS, text)
    colon = bool(_COLON.search(text))
    if perforated:
        if "diverticulosis" in said:
            return None  # the tabular's perforation and abscess rows are diverticulitis's
        return ("K57.2" if colon else "K57.8") + ("1" if bleeding else "0"), \
            "diverticulitis with perforation or abscess" + (" and bleeding" if bleeding else "")
    if not bleeding:
        return None
    if "itis" in said:
        return ("K57.33" if colon else "K57.93"), "diverticulitis with bleeding"
    return ("K57.31" if colon else "K57.91"), "diverticular disease (diverticulosis) with bleeding"


_COLON_SITES = (("D12.0", r"cec(um|al)|ileocecal"), ("D12.1", r"appendi(x|ceal)"),
                ("D12.2", r"ascending colon|hepatic flexure"), ("D12.3", r"transverse colon|splenic flexure"),
                ("D12.4", r"descending colon"), ("D12.5", r"sigmoid( colon)?"),
                ("D12.7", r"rectosigmoid( junction)?"), ("D12.8", r"rect(um|al)"))


_COLON_SITE_WORDS = "(" + "|".join(site for _, site in _COLON_SITES) + r"|colon)"


# a polyp its sentence says was taken out is a history (Z86.010-), not a current neoplasm
_REMOVED = _rx(r"removed|resected|excised|polypectomy|s/p|status post|history of|hx of")

# "polyps 2019", "tubular adenoma on colonoscopy 2021", "polyps 3 years ago": a polyp is taken out at the
# colonoscopy that finds it, so one dated to an earlier exam is a history too
_DATED = re.compile(r"\s*,?\s*\(?((in|on|at) )?(colonoscopy )?((19|20)\d\d\b|\d+ (months?|years?|yrs?) ago\b)",
                    re.IGNORECASE)


# the removal with its date ("removed 2021", "removed on 2021 scope", "removed at colonoscopy 2023", "polypectomy 4
# years ago"), in a clause that does not place a removal at this visit
_REMOVED_AT_A_DATE = _rx(r"(removed|resected|excised|polypectomy),? (((on|at|in|during) )?(the |a |her |his )?"
                         r"(colonoscopy|scope) )?((in|on) )?((19|20)\d\d|\d+ (months?|years?|yrs?) ago)")
_THIS_VISIT = _rx(r"today|this (visit|morning|procedure|exam)")


def polyp_taken_out_before(match: re.Match, note: str) -> bool:
    """A colon polyp its clause says was taken out at an earlier date ("Hx tubular adenomas removed on colonoscopy
    2021", "polypectomy 2022") or that is dated to an earlier colonoscopy ("adenomatous colon polyps 2019"): the
    personal history the clause's own words ("removed") do not say with a history cue."""
    said = sentence(note, match.start(), match.end())
    if _THIS_VISIT.search(said):
        return False
    return _REMOVED_AT_A_DATE.search(said) is not None or _DATED.match(note, match.end()) is not None


def _colon_adenoma(match: re.Match, note: str) -> tuple[str, str] | None:
    """"Neoplasm, benign" of the part of the colon or rectum its own words name (D12.6 the colon unspecified)."""
    said = match.group(0)
    if _REMOVED.search(sentence(note, match.start(), match.end())) or _DATED.match(note, match.end()):
        return None
    for code, site in _COLON_SITES:
        named = re.search(rf"\b({site})\b", said, re.IGNORECASE)
        if named:
            return code, f"adenomatous polyp, a benign neoplasm of the {named.group(0).lower()}"
    return "D12.6", "adenomatous polyp, a benign neoplasm of the colon"


_SINUSES = (("0", r"maxillary"), ("1", r"frontal"), ("2", r"ethmoid(al)?"), ("3", r"sphenoid(al)?"),
            ("4", r"pan-?sinusitis|pansinus"))


def _recurrent_sinusitis(match: re.Match, note: str) -> tuple[str, str]:
    said = match.group(0)
    fourth = next((digit for digit, words in _SINUSES if re.search(rf"\b({words})", said, re.IGNORECASE)), "9")
    return f"J01.{fourth}1", "recurrent acute sinusitis" + ("" if fourth == "9" else " of the sinus named")


_ASYMPTOMATIC = _rx(r"asymptomatic")


def _microscopic_hematuria(match: re.Match, note: str) -> tuple[str, str]:
    if _ASYMPTOMATIC.search(sentence(note, match.start(), match.end())):
        return "R31.21", "asymptomatic microscopic hematuria"
    return "R31.29", "microscopic hematuria"


_CHRONIC = _rx(r"chronic")


def _vulvovaginal_candidiasis(match: re.Match, note: str) -> tuple[str, str]:
    if _CHRONIC.search(match.group(0)):
        return "B37.32", "chronic candidiasis of vulva and vagina"
    return "B37.31", "(acute) candidiasis of vulva and vagina"


# abscess sites: (words, code for right, left, unstated side); an unsided site has one code
_ABSCESS_SITES = (
    (r"face|facial|cheek|chin|forehead", ("L02.01",) * 3),
    (r"neck", ("L02.11",) * 3),
    (r"abdominal wall", ("L02.211",) * 3), (r"back", ("L02.212",) * 3), (r"chest wall|chest", ("L02.213",) * 3),
    (r"groin|inguinal", ("L02.214",) * 3), (r"perineum|perineal", ("L02.215",) * 3),
    (r"flank", ("L02.217",) * 3),
    (r"buttocks?|gluteal", ("L02.31",) * 3),
    (r"axilla|axillary|armpit", ("L02.411", "L02.412", None)),
    (r"hand|palm", ("L02.511", "L02.512", "L02.519")),
    (r"foot|heel|sole", ("L02.611", "L02.612", "L02.619")),
    (r"arm|forearm|upper arm|elbow|wrist|upper (extremity|limb)|rue|lue", ("L02.413", "L02.414", None)),
    (r"leg|lower leg|thigh|calf|knee|shin|ankle|lower (extremity|limb)|rle|lle", ("L02.415", "L02.416", None)),
)
_ABSCESS_SITE_WORDS = "|".join(words for words, _ in _ABSCESS_SITES)


def _skin_abscess(match: re.Match, note: str) -> tuple[str, str] | None:
    """L02.- by the site its words name and the side its words or sentence state; a limb's unstated side and
    both sides are a coder's."""
    said = match.group(0)
    for words, codes in _ABSCESS_SITES:
        site = re.search(rf"\b({words})\b", said, re.IGNORECASE)
        if site:
            side = side_written(said, sentence(note, match.start(), match.end()))
            if side == "bilateral":
                return None
            code = codes[0 if side == "right" else 1 if side == "left" else 2]
            return (code, f"cutaneous abscess of the {site.group(0).lower()}" + (f" ({side})" if side else "")) \
                if code else None
    return None


_LIMB_CELLULITIS = (("lower", ("L03.115", "L03.116")), ("upper", ("L03.113", "L03.114")))


def _limb_cellulitis(match: re.Match, note: str) -> tuple[str, str] | None:
    said = match.group(0)
    limb = "lower" if re.search(r"lower|\b(rle|lle)\b", said, re.IGNORECASE) else "upper"
    side = side_written(said, sentence(note, match.start(), match.end()))
    if side not in ("right", "left"):
        return None  # unstated or both: the index's and the laterality rule's
    codes = dict(_LIMB_CELLULITIS)[limb]
    return codes[0 if side == "right" else 1], f"cellulitis of the {side} {limb} limb"


_JOINT_DIGITS = {"shoulder": "1", "elbow": "2", "wrist": "3", "hip": "5", "knee": "6", "ankle": "7"}
_JOINTS = "|".join(_JOINT_DIGITS)
_SIDE_DIGITS = {"right": "1", "left": "2", None: "9"}


def _joint_effusion(match: re.Match, note: str) -> tuple[str, str] | None:
    """M25.4- by joint and side; both sides are a coder's, who codes each."""
    said = match.group(0)
    joint = re.search(_JOINTS, said, re.IGNORECASE).group(0).lower()
    side = side_written(said, sentence(note, match.start(), match.end()))
    if side == "bilateral":
        return None
    digit = "3" if joint == "ankle" and side is None else _SIDE_DIGITS[side]  # the ankle's unspecified is 3
    return f"M25.4{_JOINT_DIGITS[joint]}{digit}", f"effusion of the {joint}" + (
        f" ({side})" if side else "")


def _baker_cyst(match: re.Match, note: str) -> tuple[str, str] | None:
    """M71.2- by the knee's side: right 1, left 2, unstated 0; both knees are a coder's, who codes each."""
    text = sentence(note, match.start(), match.end())
    if re.search(r"\brupture", text, re.IGNORECASE):
        return None
    side = side_written(match.group(0), text)
    if side == "bilateral":
        return None
    return f"M71.2{ {'right': '1', 'left': '2', None: '0'}[side]}", "Baker's (popliteal) cyst" + (
        f" of the {side} knee" if side else "")


_SIDED = r"((the |his |her )?(right|left|bilateral|both|r|l)[- ]?(sided )?)"
_LID = r"((right |left |r |l )?(upper |lower |superior |inferior )?(eye)?lids? )"
_EYELID_AFTER = r"(,? (of )?(the )?(right |left |r |l )?(upper |lower )?(and lower )?(eye)?lids?)?"

# "recurrent tonsillitis as a child; outgrown": a childhood condition is a past one (its history code is the
# context rules'), read in the sentence and the clause after it
_CHILDHOOD = _rx(r"as an? (child|kid|toddler|infant|teen|teenager|boy|girl)|in (early )?childhood|outgr(ew|own)|"
                 r"grew out of")


def _now(resolve):
    def read(match: re.Match, note: str) -> tuple[str, str] | None:
        if _CHILDHOOD.search(note, match.start(), min(len(note), match.end() + 40)):
            return None
        return resolve(match, note)
    return read


# every word the table's patterns need, searched once before them
SITE_AND_KIND_WORDS = re.compile(
    r"hordeol|stye|chalazi|blephar|macular|armd|amd|presbycus|age-related hearing|otitis|\bom\b|\boe\b|crohn|"
    r"ulcerative|pancolitis|"
    r"left-sided|left sided|predominant|cirrhosis|diverticul|adenom|recurrent|ureter|hematuria|vaginosis|"
    r"candid|yeast|vvc|tinea|ringworm|abscess|cellulitis|effusion|cyst", re.IGNORECASE)
# (words, codes the index may have found on them, resolve)
SITE_AND_KIND_ENTRIES = (
    (_rx(rf"{_LID}?(external |internal )?(hordeol(um|a)( externum)?|styes?){_EYELID_AFTER}"), ("H00",),
     _eyelid("H00.01", "hordeolum externum (stye)", both_lids=False)),
    (_rx(rf"{_LID}?chalazi(on|a){_EYELID_AFTER}"), ("H00",), _eyelid("H00.1", "chalazion", both_lids=False)),
    (_rx(rf"{_LID}?blepharitis{_EYELID_AFTER}"), ("H01",), _eyelid("H01.00", "blepharitis", both_lids=True)),
    (_rx(r"(dry|non-?exudative|atrophic) (age[- ]related macular degeneration|macular degeneration|armd|amd)|"
         r"(age[- ]related macular degeneration|armd|amd),? (dry|non-?exudative)( type| form)?"), ("H35",),
     _macular_degeneration("H35.31", "nonexudative age-related macular degeneration")),
    (_rx(r"(wet|exudative|neovascular) (age[- ]related macular degeneration|macular degeneration|armd|amd)|"
         r"(age[- ]related macular degeneration|armd|amd),? (wet|exudative|neovascular)( type| form)?"), ("H35",),
     _macular_degeneration("H35.32", "exudative age-related macular degeneration")),
    (_rx(r"presbycusis|age-related (sensorineural )?hearing loss"), ("H91",), _fixed("H91.10", "presbycusis")),
    (_rx(rf"{_SIDED}(acute )?otitis externa|(?-i:\b([RL]|[Rr]ight|[Ll]eft) OE)"), ("H60",),
     _fixed("H60.90", "otitis externa, the side the laterality rule reads")),
    (re.compile(r"\b([RL]|[Rr]ight|[Ll]eft|[Bb]ilateral) OM\b"), ("H66",),
     _fixed("H66.90", "otitis media, the side the laterality rule reads")),
    (_rx(r"((ileal|terminal ileal|small bowel|small intestinal|jejunal) crohn'?s( disease)?|"
         rf"crohn'?s ileitis|crohn'?s( disease)? of the (terminal )?ileum){_COMPLICATION_TAIL}"),
     ("K50", "K52", "K56", "K62"),
     _with_complication("K50.0", "Crohn's disease of the small intestine")),
    (_rx(r"((colonic|large bowel|large intestinal) crohn'?s( disease)?|crohn'?s colitis|crohn colitis|"
         rf"crohn'?s( disease)? of the colon){_COMPLICATION_TAIL}"), ("K50", "K52", "K56", "K62"),
     _with_complication("K50.1", "Crohn's disease of the large intestine")),
    (_rx(rf"(ileocolonic|ileocolic|ileocecal) crohn'?s( disease)?{_COMPLICATION_TAIL}"), ("K50", "K52", "K56", "K62"),
     _with_complication("K50.8", "Crohn's disease of both small and large intestine")),
    (_rx(rf"(left[- ]sided (ulcerative colitis|uc)|(ulcerative colitis|uc),? left[- ]sided){_COMPLICATION_TAIL}"),
     ("K51", "K62"),
     _with_complication("K51.5", "left sided colitis")),
    (_rx(rf"((ulcerative |uc )?pancolitis|pan-?ulcerative colitis|(ulcerative colitis|uc),? pancolitis)"
         rf"{_COMPLICATION_TAIL}"),
     ("K51", "K52", "K62"), _with_complication("K51.0", "ulcerative (chronic) pancolitis")),
    (_rx(rf"ulcerative proctosigmoiditis{_COMPLICATION_TAIL}"), ("K51", "K62"),
     _with_complication("K51.3", "ulcerative (chronic) rectosigmoiditis")),
    (_rx(r"diarrh(e|o)a[- ]predominant (ibs|irritable bowel syndrome)"), ("K58", "K59", "R19"),
     _fixed("K58.0", "irritable bowel syndrome with diarrhea")),
    (_rx(r"constipation[- ]predominant (ibs|irritable bowel syndrome)"), ("K58", "K59"),
     _fixed("K58.1", "irritable bowel syndrome with constipation")),
    (_rx(r"(alcoholic|alcohol-related|alcohol-associated|alcohol related) (liver )?cirrhosis|"
         r"cirrhosis (of (the )?liver )?(due to|from|secondary to) alcohol( use)?"), ("K70", "K74", "F10"),
     _alcoholic_cirrhosis),
    (_rx(r"((sigmoid|colonic) )?(diverticulitis|diverticulosis|diverticular disease)|bleeding diverticulosis|"
         r"diverticular (bleed|bleeding|hemorrhage)|perforated diverticulitis"), ("K57", "R58", "K62", "K92"),
     _diverticular),
    (_rx(rf"({_COLON_SITE_WORDS} )?((tubular|tubulovillous|villous) adenomas?|adenomatous (colon |colonic |rectal )?"
         rf"polyps?|colonic adenomas?|rectal adenomas?)((,| of| in| of the| in the) ({_COLON_SITE_WORDS}))?"),
     ("D12", "D28", "D36", "K63", "K62"), _colon_adenoma),
    (_rx(r"recurrent (acute )?tonsillitis|tonsillitis,? recurrent"), ("J03", "J35"),
     _fixed("J03.91", "acute tonsillitis, recurrent")),
    (_rx(r"recurrent (acute )?((maxillary|frontal|ethmoid(al)?|sphenoid(al)?) )?sinusitis|recurrent (acute )?"
         r"pansinusitis|(acute )?((maxillary|frontal|ethmoid(al)?|sphenoid(al)?) )?sinusitis,? recurrent( acute)?"),
     ("J01", "J32"), _recurrent_sinusitis),
    (_rx(r"(kidney|renal) (stones?|calcul[iu]s?) (and|with|plus) (an? )?"
         r"((left|right|distal|proximal|mid|obstructing) )*"
         r"(ureteral|ureteric) (stones?|calcul[iu]s?)|(kidney|renal) and (left |right )?(ureteral|ureteric) "
         r"(stones|calculi)|nephrolithiasis (and|with) ureterolithiasis"), ("N20",),
     _fixed("N20.2", "calculus of kidney with calculus of ureter")),
    (_rx(r"(asymptomatic )?(microscopic hematuria|microhematuria)"), ("R31",), _microscopic_hematuria),
    (_rx(r"bacterial vaginosis"), ("N76", "B96"), _fixed("N76.0", "bacterial vaginosis is acute vaginitis")),
    (_rx(r"(chronic )?(vulvovaginal candidiasis|vaginal candidiasis|candidal vulvovaginitis|candida vulvovaginitis|"
         r"vaginal yeast infection|yeast vaginitis|candida vaginitis|candidal vaginitis)"), ("B37", "N76"),
     _vulvovaginal_candidiasis),
    (_rx(r"tinea capitis|ringworm of the scalp|scalp ringworm"), ("B35",), _fixed("B35.0", "tinea capitis")),
    (_rx(rf"{_SIDED}?({_ABSCESS_SITE_WORDS}) abscess|abscess (of|on) (the )?{_SIDED}?({_ABSCESS_SITE_WORDS})"),
     ("L02",), _skin_abscess),
    (_rx(rf"{_SIDED}?((lower|upper) (extremity|limb)|rle|lle|rue|lue) cellulitis|cellulitis (of|in) (the )?"
         rf"{_SIDED}?(lower|upper) (extremity|limb)"), ("L03",), _limb_cellulitis),
    (_rx(r"facial cellulitis|cellulitis of the face"), ("L03",), _fixed("L03.211", "cellulitis of face")),
    (_rx(rf"{_SIDED}?({_JOINTS}) (joint )?effusion|effusion,? (of |in )?(the )?{_SIDED}?({_JOINTS})( joint)?"),
     ("M25", "R60"), _joint_effusion),
    (_rx(rf"{_SIDED}?(baker'?s?|popliteal) cyst((,| of| in)? (the )?{_SIDED}?(knee|popliteal fossa))?"), ("M71",),
     _baker_cyst),
)
SITE_AND_KIND_ENTRIES = tuple((words, family, _now(resolve))
                              for words, family, resolve in SITE_AND_KIND_ENTRIES)
