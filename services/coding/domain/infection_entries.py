"""Infections under the alphabetic index's words, where the tabular writes other words or the organism or type
changes the code, for `documented_findings` (which makes them only for a current mention).

Walked from the infection codes an outpatient primary care, urgent care or lab practice bills, each tried in
sentences of our own: these are the readings no term met or met with the wrong code. "Influenza, due to,
identified influenza virus" J10.- for an influenza typed A or B (J10.1; beside a pneumonia the J10.0-, and for a
novel or avian strain J09, are left to a coder); "Pneumonia, in (due to), COVID-19" J12.82 written "COVID-19
pneumonia" (U07.1 is read on its own words and stays first);
"Hepatitis, viral, type A" B15.9 read with its letter (the term index drops a lone "A" as a stopword: "hepatitis A"
is not the unspecified hepatitis B19.9 or the acute one B17.9; a sentence naming its vaccine, a dose, immunity or
serology is no infection's);
"Neuralgia, postherpetic" B02.29 (B02.22 for the trigeminal nerve); and a carrier or colonization of MRSA or MSSA
Z22.322 or Z22.321 ("Carrier, methicillin resistant Staphylococcus aureus", also a nasal screen found positive): a
carrier is not an infection (guideline I.C.1.e), so the organism's B95.6- does not stand beside it. "Tuberculosis,
pulmonary" A15.0 and an active tuberculosis of no stated site A15.9 (the main term), not another person's, an
exposure's or a past one's. "Enterocolitis, due to Clostridium difficile" A04.72, A04.71 where the sentence calls it
recurrent (written "C. diff colitis" or "infection"; a test for it names no infection); "Herpes, labialis" and
"Blister, fever" B00.1; "Herpes, genital" A60.00.
"""
import re

from services.coding.domain.finding_resolvers import fixed
from services.coding.domain.note_text import sentence, sentence_end, sentence_start
from services.coding.domain.note_text import word_pattern as _word

# a typed influenza's test result written after it, which may say none was found ("flu A/B negative")
_NOT_DETECTED_AFTER = re.compile(r"^[^.;,]{0,25}\b(negative|neg|not detected|ruled out)\b", re.IGNORECASE)
_NOVEL_STRAIN = _word(r"novel|avian|h5n1|h7n9|variant")
_PNEUMONIA = _word(r"pneumonia|pna")


def _typed_influenza(match: re.Match, note: str) -> tuple[str, str] | None:
    """Influenza A or B is an identified (not novel) influenza virus: J10.1 with other respiratory manifestations
    or none stated (the tabular's inclusion "influenza due to other identified influenza virus NOS"). With a
    pneumonia in its sentence the pneumonia's own reading stands (J10.0- is a coder's, by the pneumonia's kind)."""
    if _NOT_DETECTED_AFTER.search(note[match.end():]):
        return None
    said = sentence(note, match.start(), match.end())
    if _NOVEL_STRAIN.search(said) or _PNEUMONIA.search(said):
        return None
    return "J10.1", "influenza due to an identified influenza virus with other respiratory manifestations"


def _postherpetic_neuralgia(match: re.Match, note: str) -> tuple[str, str]:
    if re.search(r"\btrigeminal\b", sentence(note, match.start(), match.end()), re.IGNORECASE):
        return "B02.22", "postherpetic trigeminal neuralgia"
    return "B02.29", "other postherpetic nervous system involvement (postherpetic neuralgia)"


# a vaccine's dose or the immunity or serology it is written with: "Hep A #2 given", "hepatitis A IgG positive (immune)"
_NOT_AN_INFECTION = _word(r"vaccin\w*|immuni[sz]\w*|immune|shots?|doses?|series|antibod\w*|igg|titers?|"
                          r"serolog\w*|screen\w*|exposure|carrier")
_BESIDE = 30  # characters either side of the mention


def _hepatitis_a(match: re.Match, note: str) -> tuple[str, str] | None:
    """B15.9 for the infection, not for its vaccine, immunity or serology named beside it in its sentence (a plan's
    "contacts to get vaccine" further on is another person's)."""
    first, last = sentence_start(note, match.start()), sentence_end(note, match.end())
    beside = note[max(first, match.start() - _BESIDE):min(last, match.end() + _BESIDE)]
    if note[match.end():match.end() + 3].lstrip().startswith("#") or _NOT_AN_INFECTION.search(beside):
        return None
    return "B15.9", "hepatitis A without hepatic coma"


_MRSA = r"(mrsa|methicillin[- ]resistant staph(ylococcus)? aureus)"
_MSSA = r"(mssa|methicillin[- ](susceptible|sensitive) staph(ylococcus)? aureus)"
_CARRIED = r"(carrier|carriage|coloni[sz](ation|ed))"


_NASAL_SCREEN = r"(nasal|nares|nose)( (swab|screen|pcr|culture))?"


def _carrier(organism: str) -> str:
    """The organism's carrier or colonization, either way round: "MRSA carrier", "colonized with MRSA",
    "carrier of MRSA", "MRSA (nasal) colonization"; or its nasal screen found positive with no infection named
    ("MRSA nares positive", "nares PCR positive for MRSA"), which is how a carrier is found."""
    return (rf"{organism}( nasal| nares)? {_CARRIED}|{_CARRIED} (with|of|by) {organism}|"
            rf"{organism}[- ]colonized|{organism} {_NASAL_SCREEN} (is |was )?(positive|pos|\+)|"
            rf"{_NASAL_SCREEN} (is |was )?(positive|pos) for {organism}|positive {organism} {_NASAL_SCREEN}")



_RECURRENT = _word(r"recurrent|recurrence|relapsed|relapsing|second episode|third episode")


def _clostridium_difficile(match: re.Match, note: str) -> tuple[str, str]:
    """A04.71 where its sentence calls it recurrent, A04.72 ("not specified as recurrent") otherwise."""
    if _RECURRENT.search(sentence(note, match.start(), match.end())):
        return "A04.71", "enterocolitis due to Clostridium difficile, recurrent"
    return "A04.72", "enterocolitis due to Clostridium difficile, not specified as recurrent"


# someone else's disease, or the patient's exposure to it, in the sentence: "coworker dx with active pulmonary TB"
_ANOTHER_OR_EXPOSED = _word(r"expos\w*|contacts?|co-?workers?|roommates?|household|family members?|husband|wife|"
                            r"partner|spouse|son|daughter|mother|father|brother|sister|sibling|parents?|child|kids?")
_PULMONARY = _word(r"pulmonary|lungs?")
# a past tuberculosis, whose history code (Z86.11) `history_entries` reads from the same sentence
_PAST_TREATMENT = _word(r"treated|completed|cured|resolved|hx|h/o|history|remote|prior|previous|(19|20)\d\ds?")


def _active_tuberculosis(match: re.Match, note: str) -> tuple[str, str] | None:
    """"Tuberculosis, pulmonary" A15.0, and the main term "Tuberculosis" A15.9 for an active one of no stated site;
    not another person's, nor the exposure to it (Z20.1, `communicable_exposure`), nor a past one (its history)."""
    said = sentence(note, match.start(), match.end())
    if _ANOTHER_OR_EXPOSED.search(said) or _PAST_TREATMENT.search(said):
        return None
    if _PULMONARY.search(match.group(0)):
        return "A15.0", "tuberculosis of lung"
    return "A15.9", "respiratory tuberculosis unspecified (the index's \"Tuberculosis\")"


# (words, code families the term index may have found on them, resolve(match, note) -> (code, why) or None)
INFECTION_ENTRIES = (
    (_word(r"(active )?(pulmonary (tb|tuberculosis)|(tb|tuberculosis) of (the )?lungs?)|active (tb|tuberculosis)"),
     ("A15", "A16", "A17", "A18", "A19"), _active_tuberculosis),
    (_word(r"(c\.? ?diff(icile)?|clostridi(um|oides) difficile) (colitis|infection|enterocolitis|diarrh(o)?ea)"),
     ("A04", "K52", "A49", "R19"), _clostridium_difficile),
    (_word(r"herpes labialis|cold sores?|fever blisters?"), ("B00",),
     fixed("B00.1", "herpesviral vesicular dermatitis")),
    (_word(r"genital herpes|herpes genitalis"), ("A60", "B00"),
     fixed("A60.00", "herpesviral infection of urogenital system, unspecified")),
    (_word(r"(?<=covid-19 )(pneumonia|pna)|(?<=covid )(pneumonia|pna)|(?<=sars-cov-2 )(pneumonia|pna)"),
     ("J12", "J18"), fixed("J12.82", "pneumonia due to coronavirus disease 2019")),
    (_word(r"(influenza|flu) (type )?(?-i:[AB])\b(?![-/])"), ("J10", "J11"), _typed_influenza),
    (_word(r"(hepatitis|hep) (type )?(?-i:A)\b(?![-/])"), ("B15", "B17", "B19"), _hepatitis_a),
    (_word(r"post[- ]?herpetic neuralgia|(?-i:PHN)"), ("B02", "M79"), _postherpetic_neuralgia),
    (_word(_carrier(_MRSA)), ("B95", "A49", "Z22"),
     fixed("Z22.322", "carrier or suspected carrier of methicillin resistant Staphylococcus aureus")),
    (_word(_carrier(_MSSA)), ("B95", "A49", "Z22"),
     fixed("Z22.321", "carrier or suspected carrier of methicillin susceptible Staphylococcus aureus")),
)
