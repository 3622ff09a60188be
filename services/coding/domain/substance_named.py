"""A substance named alone is not a disorder of its use: "palpitations worse with caffeine", "alcohol on
weekends" or "cocaine" in a drug screen's list name the substance, while F10-F19 are abuse, dependence or use
disorders the note must state (the provider documents the use and its pattern, guideline I.C.5.b). The term
index reaches F15.10 from "caffeine" through the category's inclusion terms; a term matched on the bare
substance name, with no word of use, abuse, dependence, intoxication or withdrawal, suggests nothing. It is read
before the same-sentence rule, which would otherwise take the substance for the diagnosis the sentence's
symptoms belong to. So is a social history's label for the habit, "Alcohol use: yes, 2 drinks a week".
"""
import re

SUBSTANCE_NAMED_ONLY = "substance-named-only"
_SUBSTANCE_USE = re.compile(r"^F1[0-9]")
_BARE_SUBSTANCE = re.compile(r"(caffeine|coffee|alcohol|etoh|cannabis|marijuana|cocaine|amphetamines?|"
                             r"methamphetamines?|opioids?|opiates?|nicotine|tobacco|benzodiazepines?|stimulants?|"
                             r"sedatives?|hypnotics?|hallucinogens?|inhalants?)", re.IGNORECASE)


# a social history's label for the habit ("Alcohol use: yes, 2 drinks a week", "Drug use - never"): the habit is
# recorded, and a use code needs the provider to relate the use to a disorder it caused (guideline I.C.5.b.3)
_USE_LABEL = re.compile(r"(alcohol|etoh|drug|illicit drug|recreational drug|substance|cannabis|marijuana) use",
                        re.IGNORECASE)
_LABEL_AFTER = re.compile(r"[ \t]*(:|[ \t]-[ \t])")


def substance_named_only(code: str, words: str, after: str = "") -> bool:
    """The term that gave a substance use disorder's code is only the substance's name, or the label of a social
    history's line (its text after the term opens with the label's colon)."""
    return bool(_SUBSTANCE_USE.match(code) and (_BARE_SUBSTANCE.fullmatch(words.strip()) or (
        _USE_LABEL.fullmatch(words.strip()) and _LABEL_AFTER.match(after))))
