"""Neoplasms by the site the note names, read as the ICD-10-CM Neoplasm Table reads them, for `documented_findings`
(which makes them only for a current mention: a past, a relative's, a supposed or a denied cancer is not coded).

The index sends "Cancer", "Carcinoma" and "Adenocarcinoma" to "see Neoplasm, by site, malignant", so "breast
cancer" or "prostate adenocarcinoma" met only the unspecified C80.1. The rows read the table's primary column by
site, with the tabular's own axes:

- breast C50.- by quadrant (nipple, central, the four quadrants, axillary tail), sex (male stated) and side; prostate
  C61; colon C18.- by segment, rectosigmoid C19, rectum C20, anus C21.0; bladder C67.9; kidney C64.- by side (not the
  renal pelvis); thyroid C73; pancreas C25.- by head, body or tail; stomach C16.9; esophagus C15.9; ovary C56.- by
  side; endometrium C54.1; cervix C53.9.
- the secondary column (C77-C79) for a spread written to a site ("mets to liver", "bone metastases", "metastatic to
  the brain", "peritoneal carcinomatosis"); the primary is read on its own words.
- basal and squamous cell carcinoma of the skin C44.- by site and kind (never the melanoma's C43); squamous cell
  carcinoma only where the skin or a skin site is named ("SCC of the lung" is the lung's); melanoma C43.- and
  melanoma in situ D03.- by site and side.
- leukemias, myeloma and lymphomas by kind with their fifth or sixth character: "in remission" stated is its
  remission code, "relapse" the relapse code where the category has one, otherwise not having achieved remission.
- in situ: ductal carcinoma in situ D05.1- by side, CIN III D06.9.
- lipoma D17.- by site and side; meningioma of the brain D32.0, of the spine D32.1; osteochondroma of a long bone
  D16.0-/D16.2-; prolactinoma D35.2.
- a breast lump or mass not yet diagnosed N63.- ("Lump, breast"), by side and quadrant: never a neoplasm code.
- anemia in neoplastic disease D63.0, anemia due to antineoplastic chemotherapy D64.81, neoplasm related pain G89.3;
  a chemotherapy or immunotherapy agent given at the visit Z51.11/Z51.12.
"""
import re

from services.coding.domain.finding_resolvers import fixed
from services.coding.domain.history_z_codes import TREATED_NOW
from services.coding.domain.note_text import (
    FAMILY,
    current,
    negated_before,
    sentence,
    sentence_end,
    sentence_start,
)
from services.coding.domain.note_text import word_pattern as _rx
from services.coding.domain.resected_neoplasm import removed

_MALIGNANT = r"(cancer|ca|carcinoma|adenocarcinoma|malignancy|malignant (neoplasm|tumou?r))(?! in situ)"
# the histology written between the site and the malignancy ("papillary thyroid carcinoma", "ductal carcinoma")
_KIND = r"((invasive|infiltrating|papillary|follicular|medullary|ductal|lobular|clear cell|renal cell|urothelial|" \
        r"transitional cell|squamous cell|mucinous|serous|endometrioid|hepatocellular|metastatic|primary|" \
        r"stage (i{1,3}v?|iv|[0-4])[abc]?) ){0,2}"


def _site(site: str) -> str:
    """The site's words before the malignancy or after it ("breast cancer", "cancer of the left breast")."""
    return rf"(?:{site}) {_KIND}{_MALIGNANT}|{_KIND}{_MALIGNANT} (of|in) (the )?((right|left|r|l) )?(?:{site})"


_SIDE_DIGIT = {"right": "1", "left": "2"}
_RIGHT = re.compile(r"\b(right|r|rt)\b", re.IGNORECASE)
_LEFT = re.compile(r"\b(left|l|lt)\b", re.IGNORECASE)
_BOTH = re.compile(r"\b(bilateral|both)\b", re.IGNORECASE)


def _near(note: str, match: re.Match) -> str:
    """The words written with the mention, within its sentence: a side or a quadrant a few words away, not one
    the sentence gives another condition ("L breast cancer; R knee OA")."""
    return note[max(sentence_start(note, match.start()), match.start() - 25):
                min(sentence_end(note, match.end()), match.end() + 25)]


def stated_side(text: str) -> str | None:
    """right, left or bilateral as written, "R" and "L" as clinics abbreviate them; None when no side is named."""
    right, left = bool(_RIGHT.search(text)), bool(_LEFT.search(text))
    if _BOTH.search(text) or (right and left):
        return "bilateral"
    return "right" if right else "left" if left else None


def _sided(category: str, unstated: str, why: str, both: str | None = None):
    """The category's side character: 1 right, 2 left, the unstated one when the sentence names neither side."""
    def resolve(match: re.Match, note: str) -> tuple[str, str] | None:
        side = stated_side(_near(note, match))
        if side == "bilateral":
            return (category + both, why) if both else None
        return category + _SIDE_DIGIT.get(side, unstated), why
    return resolve


_QUADRANTS = ((r"nipple|areola", "0"), (r"central", "1"), (r"upper[- ]inner|uiq", "2"), (r"lower[- ]inner|liq", "3"),
              (r"upper[- ]outer|uoq", "4"), (r"lower[- ]outer|loq", "5"), (r"axillary tail", "6"))
_MALE = re.compile(r"\b(male|man|\d+ ?(yo |y/o |year[- ]old )?m)\b", re.IGNORECASE)


def _breast(match: re.Match, note: str) -> tuple[str, str] | None:
    """C50.<quadrant><sex><side>: quadrant 9 unstated, sex 1 female unless male is stated, side 9 unstated."""
    text = _near(note, match)
    side = stated_side(text)
    if side == "bilateral":
        return None  # two codes: a coder's
    quadrant = next((digit for words, digit in _QUADRANTS if re.search(rf"\b({words})\b", text, re.IGNORECASE)), "9")
    sex = "2" if _MALE.search(sentence(note, match.start(), match.end())) else "1"
    return f"C50.{quadrant}{sex}{_SIDE_DIGIT.get(side, '9')}", "malignant neoplasm of the breast by quadrant and side"


_COLON_SEGMENTS = ((r"cec(um|al)", "C18.0"), (r"appendi(x|ceal)", "C18.1"), (r"ascending", "C18.2"),
                   (r"hepatic flexure", "C18.3"), (r"transverse", "C18.4"), (r"splenic flexure", "C18.5"),
                   (r"descending", "C18.6"), (r"sigmoid", "C18.7"))


def _colon(match: re.Match, note: str) -> tuple[str, str]:
    said = match.group(0)
    code = next((code for words, code in _COLON_SEGMENTS if re.search(rf"\b({words})\b", said, re.IGNORECASE)),
                "C18.9")
    return code, "malignant neoplasm of the colon by segment"


def _pancreas(match: re.Match, note: str) -> tuple[str, str]:
    said = match.group(0).lower()
    code = "C25.0" if "head" in said else "C25.1" if "body" in said else "C25.2" if "tail" in said else "C25.9"
    return code, "malignant neoplasm of the pancreas by part"


_STAGE_OF_REMISSION = r"((complete|first|second|third|partial|molecular|hematologic|clinical) ){0,2}"
_REMISSION = re.compile(rf"^[^.;]{{0,40}}?\b(?<!not )(?<!not in )(in {_STAGE_OF_REMISSION}(remission|cr\d?\b)|"
                        r"remitted)", re.IGNORECASE)
_RELAPSE = re.compile(r"^[^.;]{0,40}?\b(in relapse|relapsed|relapsing)\b", re.IGNORECASE)


def _blood_cancer(category: str, remission: str, relapse: str | None, kind: str):
    """The category's last character: remission stated, relapse stated (where the category has one), otherwise not
    having achieved remission ("0")."""
    def resolve(match: re.Match, note: str) -> tuple[str, str]:
        after = note[match.end():]
        if _REMISSION.search(after) and not re.match(r"^[^.;]{0,20}\bnot\b", after, re.IGNORECASE):
            return category + remission, f"{kind} in remission"
        if relapse and _RELAPSE.search(after):
            return category + relapse, f"{kind} in relapse"
        return category + "0", f"{kind}, not stated in remission"
    return resolve


# skin of each site (C44.<site><kind><side>): the site's words, its character, and whether the limb takes a side
_SKIN_SITES = ((r"nose|nasal (tip|ala|bridge)|ala", "3", "1"), (r"ear|auricle|helix", "2", None),
               (r"cheek|forehead|temple|chin|jaw|face|facial|brow|nasolabial", "3", "9"),
               (r"scalp|neck", "4", None), (r"back|chest|trunk|abdomen|flank|shoulder blade", "5", "9"),
               (r"arm|forearm|hand|wrist|elbow|shoulder|finger", "6", "side"),
               (r"leg|thigh|shin|calf|knee|ankle|foot|hip", "7", "side"))
_SKIN_KIND = {"basal": "1", "squamous": "2"}


def _skin_cancer(match: re.Match, note: str) -> tuple[str, str] | None:
    """C44.<site><kind>[<side or part>]: a site not named is C44.9-; an eyelid or lip, a coder's."""
    said = match.group(0).lower()
    kind = "1" if re.search(r"\b(basal|bcc)\b", said) else "2"
    text = _near(note, match)
    if re.search(r"\b(eyelid|canthus|lip)\b", said):
        return None
    for words, site, last in _SKIN_SITES:
        if re.search(rf"\b({words})\b", said):
            if last is None:
                return f"C44.{site}{kind}", "skin cancer by site and kind"
            if last == "side":
                side = stated_side(text)
                if side == "bilateral":
                    return None
                return f"C44.{site}{kind}{ {'right': '2', 'left': '9'}.get(side, '1')}", "skin cancer by site, kind and side"
            return f"C44.{site}{kind}{last}", "skin cancer by site and kind"
    return f"C44.9{kind}", "skin cancer of no stated site, by kind"


# melanoma of each site (C43.<site>[<part or side>], in situ D03.-): the site's words, its character, and its last
_MELANOMA_SITES = ((r"nose|nasal", "3", "1"), (r"cheek|forehead|temple|chin|jaw|face|facial|brow", "3", "9"),
                   (r"ear|auricle|helix", "2", "side"), (r"scalp|neck", "4", None),
                   (r"back|chest|trunk|abdomen|abdominal wall|flank|shoulder blade", "5", "9"),
                   (r"arm|forearm|hand|wrist|elbow|shoulder|finger", "6", "side"),
                   (r"leg|thigh|shin|calf|knee|ankle|foot|toe|hip", "7", "side"))


def _melanoma(match: re.Match, note: str) -> tuple[str, str] | None:
    """"Melanoma (malignant) - see also Neoplasm, skin, by site" C43.-, "Melanoma, in situ" D03.-, by the site and
    side the words name; an eyelid or lip, or no site, is left to the index."""
    said = match.group(0).lower()
    in_situ = "in situ" in said
    if re.search(r"\b(eyelid|canthus|lip|anal|breast)\b", said):
        return None
    for words, site, last in _MELANOMA_SITES:
        if not re.search(rf"\b({words})\b", said):
            continue
        category = ("D03." if in_situ else "C43.") + site
        if last == "side":
            side = stated_side(_near(note, match))
            if side == "bilateral":
                return None
            last = {"right": "1", "left": "2"}.get(side, "0")
        elif in_situ and (site, last) == ("3", "1"):
            last = "9"  # the in situ category has no nose of its own: other parts of face
        return category + (last or ""), "melanoma " + ("in situ " if in_situ else "") + "by site"
    return None


_LIPOMA_SITES = ((r"arm|forearm|shoulder|elbow|hand|wrist", "arm"), (r"leg|thigh|calf|knee|shin|foot|ankle", "leg"),
                 (r"back|trunk|chest|abdom\w*|flank|torso", "trunk"), (r"neck|face|scalp|forehead|head", "head"))


def _lipoma(match: re.Match, note: str) -> tuple[str, str] | None:
    """"Lipoma, by site": face, head and neck D17.0; trunk D17.1; limbs D17.2- by limb and side."""
    said = match.group(0).lower()
    site = next((name for words, name in _LIPOMA_SITES if re.search(rf"\b({words})\b", said)), None)
    if site == "head":
        return "D17.0", "lipoma of the head, face or neck"
    if site == "trunk":
        return "D17.1", "lipoma of the trunk"
    if site is None:
        return None
    side = stated_side(_near(note, match))
    if side == "bilateral":
        return None
    digit = {("arm", "right"): "1", ("arm", "left"): "2", ("leg", "right"): "3", ("leg", "left"): "4"}
    return "D17.2" + digit.get((site, side), "0"), "lipoma of a limb by side"


_LUMP_QUADRANTS = ((r"upper[- ]outer|uoq", "1"), (r"upper[- ]inner|uiq", "2"), (r"lower[- ]outer|loq", "3"),
                   (r"lower[- ]inner|liq", "4"))


def _breast_lump(match: re.Match, note: str) -> tuple[str, str] | None:
    """"Lump, breast" (a mass of the breast, not yet diagnosed) N63.-: by side, then quadrant, axillary tail or
    subareolar; no side stated N63.0."""
    text = _near(note, match)
    side = stated_side(text)
    if side == "bilateral":
        return None
    if side is None:
        return "N63.0", "unspecified lump in the breast"
    digit = _SIDE_DIGIT[side]
    if re.search(r"\baxillary tail\b", text, re.IGNORECASE):
        return f"N63.3{digit}", "lump in the axillary tail of the breast"
    if re.search(r"\b(subareolar|retroareolar)\b", text, re.IGNORECASE):
        return f"N63.4{digit}", "subareolar lump in the breast"
    quadrant = _quadrant(text) or _quadrant(note, only=True) or "0"
    return f"N63.{digit}{quadrant}", "lump in the breast by side and quadrant"


def _quadrant(text: str, only: bool = False) -> str | None:
    """The quadrant the text names; with `only`, the one quadrant a whole note names (the exam's "mass, L breast
    upper outer quadrant" for the assessment's "left breast mass"), none where it names two."""
    named = {q for words, q in _LUMP_QUADRANTS if re.search(rf"\b({words})\b", text, re.IGNORECASE)}
    if only and len(named) != 1:
        return None
    return min(named) if named else None


_BONES = ((r"femur|femoral|tibia|tibial|fibula|fibular", "D16.2"), (r"humerus|humeral|radius|ulna|scapula", "D16.0"))


def _osteochondroma(match: re.Match, note: str) -> tuple[str, str] | None:
    """"Osteochondroma - see Neoplasm, bone, benign": the long bones of a limb D16.0-/D16.2- by side; other bones, a
    coder's."""
    text = sentence(note, match.start(), match.end())
    category = next((code for words, code in _BONES if re.search(rf"\b({words})\b", text, re.IGNORECASE)), None)
    side = stated_side(text)
    if category is None or side == "bilateral":
        return None
    return category + {"right": "1", "left": "2"}.get(side, "0"), "benign neoplasm of a long bone by side"


_CHEMOTHERAPY = r"(chemo(therapy)?|carboplatin|cisplatin|oxaliplatin|etoposide|paclitaxel|docetaxel|gemcitabine|" \
                r"pemetrexed|fluorouracil|5-fu|folfox|folfiri|folfirinox|irinotecan|doxorubicin|cyclophosphamide|" \
                r"r-chop|abvd|azacitidine|decitabine)"
_IMMUNOTHERAPY = r"(immunotherapy|pembrolizumab|nivolumab|atezolizumab|durvalumab|ipilimumab|cemiplimab|avelumab)"
# the agent given at this visit: "carboplatin-etoposide plus atezolizumab given today", "chemo infused today"
_GIVEN_TODAY = r"(?=([- ](?!(not|no|never|held|deferred)\b)\w+){0,3}( (plus|and|with) \w+)?,? ((was|were) )?" \
               r"(given|administered|infused)( \w+)? today)"


def _encounter(kind: str) -> str:
    """The visit is for the agent when the note says it was given today, or that the patient is here for it."""
    return rf"{kind}{_GIVEN_TODAY}|(?<=here for ){kind}|encounter for (antineoplastic )?{kind}"


_SPINAL = re.compile(r"\b(spinal|spine|thoracic|lumbar|cord)\b", re.IGNORECASE)


def _meningioma(match: re.Match, note: str) -> tuple[str, str]:
    """"Meningioma - see Neoplasm, meninges, benign": spinal meninges D32.1, brain (cerebral) D32.0."""
    if _SPINAL.search(match.group(0)):
        return "D32.1", "benign neoplasm of the spinal meninges"
    return "D32.0", "benign neoplasm of the cerebral meninges"


_METS = r"(mets|metastases|metastasis|metastatic disease|metastatic lesions?)"


def _secondary(site: str) -> str:
    """The site's spread either way round, the site last in a short list ("mets to bone and liver")."""
    return rf"{site} {_METS}|{_METS} (to|in|involving) (the )?{site}|metastatic to (the )?{site}|" \
           rf"(?<=\band ){site}(?! {_METS})"


# "mets to bone and liver": a site after "and" is a spread only where the spread's words lead the list
_SPREAD_LEADS = re.compile(r"(mets|metastases|metastasis|metastatic( disease)?) (to|in|involving) (the )?"
                           r"[a-z]+(, [a-z]+)?,? (and )?$", re.IGNORECASE)


def _spread(code: str, why: str):
    return _spread_of(fixed(code, why))


def _spread_of(read):
    def resolve(match: re.Match, note: str) -> tuple[str, str] | None:
        if re.search(r"met|carcinomatosis", match.group(0), re.IGNORECASE) or _SPREAD_LEADS.search(
                note[max(0, match.start() - 45):match.start()]):
            return read(match, note)
        return None
    return resolve


_SIDE_WORD = r"((right|left|bilateral|r|l) )?"
# "hx BCC", "PMH breast ca": a history word just before the neoplasm, with or without "of"
_HISTORY_BEFORE = re.compile(r"\b(hx|h/o|history|pmh|pmhx|personal history|past)\W+(\w+\W+){0,2}$", re.IGNORECASE)


# "wide local excision last month, margins clear", "Mohs done 2021": taken out before this visit
_EXCISED_AFTER = re.compile(r"^[^.;]{0,40}?\b(((wide (local )?)?excision|resection|mohs( surgery)?)\b[^.;]{0,20}?\b("
                            r"last (week|month|year)|\d+ (days?|weeks?|months?|years?) ago|(in )?(19|20)\d\d|done|"
                            r"performed|completed)|(clear|negative) margins|margins (clear|negative))\b", re.IGNORECASE)
# "treated with radiation in 2018", "completed chemo 2020": a treatment the words after it date to a past year
_TREATED_BEFORE = re.compile(r"^[^.;]{0,40}?\b(treated|completed|finished|s/p|status post)\b[^.;]{0,30}?\b(in )?(19|20)\d\d\b",
                             re.IGNORECASE)
# "thyroid cancer is not a concern", "malignancy was excluded": denied in the words after it
_DENIED_AFTER = re.compile(r"^\W*((is|was) )?(not (a )?(concern|suspected|likely|seen|present|found|identified)|unlikely|"
                           r"(ruled|r/) ?out|excluded|negative)\b", re.IGNORECASE)


_BLOOD_CANCER = re.compile(r"leuk|\bcll\b|\bcml\b|\baml\b|\bALL\b|myeloma|lymphoma|dlbcl|hodgkin", re.IGNORECASE)
# a leukemia's or lymphoma's maintenance therapy ("s/p induction, on maintenance azacitidine") is treatment still
# directed at it: the leukemia is current, its remission status as stated, never its history
_ON_MAINTENANCE = re.compile(r"\bon maintenance\b", re.IGNORECASE)
# a leukemia's, myeloma's or lymphoma's remission status is its code's character, not an end of the disease
_REMISSION_STATUS = re.compile(rf"^[^.;]{{0,40}}?\b((not )?(in|having achieved) {_STAGE_OF_REMISSION}"
                               r"(remission|cr\d?)|remitted)\b", re.IGNORECASE)


def neoplasm_current(note: str, start: int, end: int) -> bool:
    """Current as the findings read it, and neither written after a history word, denied after it, nor stated
    removed ("BCC excised 2020"): an excised neoplasm with no further treatment is its history code (guideline
    I.C.2.d), not its own."""
    whole = sentence(note, start, end)
    treated = TREATED_NOW.search(whole) or _BLOOD_CANCER.search(note[start:end]) and _ON_MAINTENANCE.search(whole)
    if treated and not FAMILY.search(whole) and not negated_before(note, start):
        return True  # still treated: current whatever its history words say (guideline I.C.2.d)
    status = _REMISSION_STATUS.search(note[end:]) if _BLOOD_CANCER.search(note[start:end]) else None
    if status:  # read as current without the status words, which the code's last character carries
        note = note[:end + status.start(1)] + " " * len(status.group(1)) + note[end + status.end(1):]
    return current(note, start, end) and not _HISTORY_BEFORE.search(note[max(0, start - 40):start]) \
        and not _DENIED_AFTER.search(note[end:end + 40]) and not _EXCISED_AFTER.search(note[end:end + 80]) \
        and not _TREATED_BEFORE.search(note[end:end + 80]) \
        and not removed(note, start, end)

NEOPLASM_SITE_WORDS = re.compile(
    # literals rare enough for the prefilter to skip most notes ("ca" alone is in almost every note; "breast ca" is not)
    r"cancer|(breast|prostat\w*|colon|rectal|bladder|kidney|renal|thyroid|pancrea\w*|gastric|ovarian|cervical|"
    r"endometrial|anal) ca\b|carcinoma|malignan|mets\b|metasta|carcinomatosis|leuk|myeloma|lymphoma|hodgkin|lipoma|"
    r"meningioma|melanoma|osteochondroma|prolactinoma|neoplastic|tumou?r|\b(cll|cml|aml|nhl|dlbcl|bcc|scc|dcis|idc|ilc|"
    r"rcc)\b|cin ?(iii|3)|breast (mass|lump)|(mass|lump) (in|of)|chemo|immunotherapy|platin|etoposide|taxel|gemcitabine|"
    r"pemetrexed|fluorouracil|5-fu|folf|irinotecan|doxorubicin|cyclophosphamide|chop|abvd|azacitidine|decitabine|mab\b|"
    r"\b(?-i:ALL)\b", re.IGNORECASE)
# (words, codes the index may have found on them, resolve)
NEOPLASM_SITE_FINDINGS = (
    (_rx(_site(r"breast")), ("C50", "C80"), _breast),
    (_rx(r"(invasive |infiltrating )(ductal|lobular) carcinoma(?! in situ)|(?-i:IDC|ILC)"), ("C50", "C80"), _breast),
    (_rx(_site(r"prostat(e|ic)")), ("C61", "C80"), fixed("C61", "malignant neoplasm of the prostate")),
    (_rx(_site(r"(cec(um|al)|appendix|appendiceal|ascending|hepatic flexure|transverse|splenic flexure|descending|"
               r"sigmoid)( colon)?|colon|colonic")), ("C18", "C80"), _colon),
    (_rx(_site(r"rectosigmoid( junction)?")), ("C19", "C80"), fixed("C19", "malignant neoplasm of the rectosigmoid")),
    (_rx(_site(r"(?<!rectosigmoid )(rectum|rectal)")), ("C20", "C80"), fixed("C20", "malignant neoplasm of the rectum")),
    (_rx(_site(r"(anus|anal)")), ("C21", "C80"), fixed("C21.0", "malignant neoplasm of the anus")),
    (_rx(_site(r"(urinary )?bladder")), ("C67", "C80"), fixed("C67.9", "malignant neoplasm of the bladder")),
    (_rx(_site(r"(kidney|renal)(?! pelvis)") + r"|(?-i:RCC)|renal cell carcinoma"), ("C64", "C80"),
     _sided("C64.", "9", "malignant neoplasm of the kidney by side")),
    (_rx(_site(r"thyroid( gland)?")), ("C73", "C80"), fixed("C73", "malignant neoplasm of the thyroid gland")),
    (_rx(_site(r"((head|body|tail) of (the )?)?pancrea(s|tic)( (head|body|tail))?")), ("C25", "C80"), _pancreas),
    (_rx(_site(r"(stomach|gastric)")), ("C16", "C80"), fixed("C16.9", "malignant neoplasm of the stomach")),
    (_rx(_site(r"(esophagus|esophageal)")), ("C15", "C80"), fixed("C15.9", "malignant neoplasm of the esophagus")),
    (_rx(_site(r"(ovary|ovarian)")), ("C56", "C80"), _sided("C56.", "9", "malignant neoplasm of the ovary", both="3")),
    (_rx(_site(r"endometri(um|al)")), ("C54", "C80"), fixed("C54.1", "malignant neoplasm of the endometrium")),
    (_rx(_site(r"(cervix|cervical)(?! (spine|lymph|node))")), ("C53", "C80"),
     fixed("C53.9", "malignant neoplasm of the cervix uteri")),
    (_rx(_secondary(r"(bones?|bony|osseous|skeletal|spine|spinal)(?! marrow)") + r"|bony metastas[ie]s"), ("C79", "C80"),
     _spread("C79.51", "secondary malignant neoplasm of bone")),
    (_rx(_secondary(r"(liver|hepatic)")), ("C78", "C80", "C22"),
     _spread("C78.7", "secondary malignant neoplasm of the liver")),
    (_rx(_secondary(r"(brain|cerebral|intracranial)")), ("C79", "C80", "C71"),
     _spread("C79.31", "secondary malignant neoplasm of the brain")),
    (_rx(_secondary(rf"{_SIDE_WORD}(lungs?|pulmonary)")), ("C78", "C80", "C34"),
     _spread_of(_sided("C78.0", "0", "secondary malignant neoplasm of the lung"))),
    (_rx(_secondary(r"(adrenal( gland)?s?)")), ("C79", "C80"),
     _spread("C79.70", "secondary malignant neoplasm of the adrenal gland")),
    (_rx(_secondary(r"(peritoneum|peritoneal)") + r"|peritoneal carcinomatosis|carcinomatosis of (the )?peritoneum"),
     ("C78", "C80"), _spread("C78.6", "secondary malignant neoplasm of the peritoneum")),
    (_rx(_secondary(r"(pleura|pleural)")), ("C78", "C80"), _spread("C78.2", "secondary malignant neoplasm of the pleura")),
    (_rx(_secondary(r"axillary (lymph )?nodes?")), ("C77", "C80"),
     _spread("C77.3", "secondary malignant neoplasm of axillary lymph nodes")),
    (_rx(r"(basal cell (skin )?(carcinoma|cancer)|(?-i:BCC))(( of| on)( the)?( (right|left|r|l))?( \w+)?( \w+)?)?"),
     ("C44", "C80", "C43"), _skin_cancer),
    (_rx(r"((cutaneous )?squamous cell (skin )?(carcinoma|cancer)|(cutaneous )?(?-i:SCC))( of| on)( the)?"
         r"( skin( of( the)?)?)?( (right|left|r|l))? (nose|ear|cheek|forehead|temple|chin|face|scalp|neck|back|chest|"
         r"trunk|arm|forearm|hand|wrist|shoulder|leg|thigh|shin|calf|knee|foot|skin)|cutaneous (squamous cell "
         r"carcinoma|(?-i:SCC))|squamous cell carcinoma of (the )?skin|(?-i:SCC) of (the )?skin"),
     ("C44", "C80", "C43", "C76"), _skin_cancer),
    (_rx(r"(malignant )?melanoma( in situ)? (of|on) (the )?(skin of (the )?)?((right|left|r|l) )?(upper |lower |"
         r"posterior |anterior |mid )?\w+( \w+)?|((right|left|r|l) )?(upper |lower )?(back|chest|trunk|scalp|neck|arm|"
         r"forearm|shoulder|thigh|leg|calf|shin|face|cheek|forehead|nose|ear) melanoma( in situ)?"), ("C43", "D03"),
     _melanoma),
    (_rx(r"(?-i:CLL)|chronic lymphocytic leuk(a)?emia"), ("C91", "C95", "Z85"),
     _blood_cancer("C91.1", "1", "2", "chronic lymphocytic leukemia")),
    (_rx(r"(?-i:CML)|chronic myel(oid|ogenous) leuk(a)?emia"), ("C92", "C95", "Z85"),
     _blood_cancer("C92.1", "1", "2", "chronic myeloid leukemia")),
    (_rx(r"(?-i:AML)|acute myel(oid|ogenous|oblastic) leuk(a)?emia"), ("C92", "C95", "Z85"),
     _blood_cancer("C92.0", "1", "2", "acute myeloblastic leukemia")),
    (_rx(r"(?-i:ALL)(?= (in|not|on|s/p|status post|with|,|;|\())|acute lymphoblastic leuk(a)?emia"), ("C91", "C95", "Z85"),
     _blood_cancer("C91.0", "1", "2", "acute lymphoblastic leukemia")),
    (_rx(r"(multiple )?myeloma"), ("C90", "Z85"), _blood_cancer("C90.0", "1", "2", "multiple myeloma")),
    (_rx(r"(?-i:DLBCL)|diffuse large b[- ]cell lymphoma"), ("C83", "C85", "Z85"),
     _blood_cancer("C83.3", "A", None, "diffuse large B-cell lymphoma")),
    (_rx(r"(?<!non-)(?<!non )hodgkin'?s? (lymphoma|disease)"), ("C81", "C85", "Z85"),
     _blood_cancer("C81.9", "A", None, "Hodgkin lymphoma")),
    (_rx(r"follicular lymphoma"), ("C82", "C85", "Z85"), _blood_cancer("C82.9", "A", None, "follicular lymphoma")),
    (_rx(r"(?-i:DCIS)|(intra)?ductal carcinoma in situ"), ("D05", "D09", "C50"),
     _sided("D05.1", "0", "intraductal carcinoma in situ of the breast")),
    (_rx(r"(?-i:CIN) ?(iii|3)|cervical intraepithelial neoplasia,? (grade )?(iii|3)"), ("D06", "N87"),
     fixed("D06.9", "carcinoma in situ of the cervix (CIN III)")),
    (_rx(r"(subcutaneous )?lipoma (of|on) (the )?((right|left|r|l) )?(upper |lower |posterior |anterior )?\w+|"
         r"((right|left|r|l) )?(upper |lower )?(arm|forearm|shoulder|thigh|leg|back|flank|neck|abdominal wall|chest "
         r"wall|trunk) lipoma"), ("D17",), _lipoma),
    (_rx(r"((brain|cerebral|intracranial|convexity|frontal|parietal|temporal|occipital|parasagittal|falcine|falx|"
         r"sphenoid wing|olfactory groove|tentorial|skull base|spinal|thoracic spine|thoracic|lumbar) ){1,2}"
         r"meningioma|meningioma of the (brain|spine|spinal cord|\w+ (lobe|convexity))"), ("D32", "D42"), _meningioma),
    (_rx(r"((right|left|r|l) )?breast (mass|lump)|(mass|lump) (in|of) (the )?((right|left|r|l) )?breast"), ("N63",),
     _breast_lump),
    (_rx(r"osteochondroma"), ("D16", "D48"), _osteochondroma),
    (_rx(_encounter(_CHEMOTHERAPY)), ("Z51",), fixed("Z51.11", "encounter for antineoplastic chemotherapy")),
    (_rx(_encounter(_IMMUNOTHERAPY)), ("Z51",), fixed("Z51.12", "encounter for antineoplastic immunotherapy")),
    (_rx(r"prolactinoma"), ("D35", "D44"), fixed("D35.2", "prolactinoma: a benign neoplasm of the pituitary gland")),
    (_rx(r"an(a)?emia (of|in|due to|from|related to|associated with) (the )?(malignancy|cancer|neoplastic disease|"
         r"malignant disease)|cancer[- ]related an(a)?emia"), ("D63", "D64", "C80"),
     fixed("D63.0", "anemia in neoplastic disease")),
    (_rx(r"chemo(therapy)?[- ](induced|related) an(a)?emia|an(a)?emia (due to|from|secondary to|induced by) "
         r"(antineoplastic )?chemo(therapy)?"), ("D64",), fixed("D64.81", "anemia due to antineoplastic chemotherapy")),
    (_rx(r"cancer[- ]related pain|cancer pain|tumou?r[- ]related pain|pain (due to|from|related to|secondary to) "
         r"(the |his |her )?(cancer|malignancy|tumou?r|metastases|mets|metastatic disease)"),
     ("G89", "C80", "R52", "C79"), fixed("G89.3", "neoplasm related pain")),
)
