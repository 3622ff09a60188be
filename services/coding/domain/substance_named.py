"""A substance named alone is not a disorder of its use: "palpitations worse with caffeine", "alcohol on
weekends" or "cocaine" in a drug screen's list name the substance, while F10-F19 are abuse, dependence or use
disorders the note must state (the provider documents the use and its pattern, guideline I.C.5.b). The term
index reaches F15.10 from "caffeine" through the category's inclusion terms; a term matched on the bare
substance name, with no word of use, abuse, dependence, intoxication or withdrawal, suggests nothing. It is read
before the same-sentence rule, which would otherwise take the substance for the diagnosis the sentence's
symptoms belong to.
"""
import re

SUBSTANCE_NAMED_ONLY = "substance-named-only"
_SUBSTANCE_USE = re.compile(r"^F1[0-9]")
_BARE_SUBSTANCE = re.compile(r"(caffeine|coffee|alcohol|etoh|cannabis|marijuana|cocaine|amphetamines?|"
                             r"methamphetamines?|opioids?|opiates?|nicotine|tobacco|benzodiazepines?|stimulants?|"
                             r"sedatives?|hypnotics?|hallucinogens?|inhalants?)", re.IGNORECASE)


def substance_named_only(code: str, words: str) -> bool:
    """The term that gave a substance use disorder's code is only the substance's name."""
    return bool(_SUBSTANCE_USE.match(code) and _BARE_SUBSTANCE.fullmatch(words.strip()))
