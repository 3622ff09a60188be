"""Neurological conditions outpatient neurology bills under names the term index, keyed on the tabular's own
texts, does not meet; each is the code the ICD-10-CM index gives the clinician's name:

- the epileptic syndromes of G40.8- (Lennox-Gastaut G40.81-, epileptic or infantile spasms and West syndrome
  G40.82-), intractable or not and with or without status epilepticus as the sentence states, the axes
  ordered as the tabular orders them (not intractable with status 1, without 2; intractable with 3, without 4);
- drug-induced parkinsonism (G21.1-): a neuroleptic or antipsychotic named as the cause is G21.11, any other drug
  or medication G21.19 ("Parkinsonism, secondary, due to drugs"), not the unspecified G20.C the word
  "parkinsonism" indexes to;
- chronic inflammatory demyelinating polyneuropathy or polyradiculoneuropathy (CIDP), the tabular's
  "polyneuritis" G61.81;
- medication-overuse (analgesic-overuse, rebound) headache, the index's "Headache, medication overuse" G44.40,
  G44.41 when intractable;
- psychogenic (dissociative, functional) non-epileptic seizures, the index's conversion disorder with seizures
  F44.5, not epilepsy.
"""
import re

from services.coding.domain.neurology_findings import INTRACTABLE, stated
from services.coding.domain.note_text import sentence, word_pattern as _rx

_STATUS = _rx(r"status epilepticus")


def _syndrome(subcategory: str, name: str):
    def resolve(match: re.Match, note: str) -> tuple[str, str]:
        text = sentence(note, match.start(), match.end())
        intractable, status = stated(INTRACTABLE, text), stated(_STATUS, text)
        code = f"{subcategory}{(3 if intractable else 1) + (0 if status else 1)}"
        return code, (f"{name}, {'intractable' if intractable else 'not intractable'}, "
                      f"{'with' if status else 'without'} status epilepticus as the sentence states")
    return resolve


_NEUROLEPTICS = _rx(r"neuroleptics?|antipsychotics?|haloperidol|haldol|risperidone|risperdal|olanzapine|zyprexa|"
                    r"quetiapine|seroquel|aripiprazole|abilify|ziprasidone|paliperidone|invega|lurasidone|"
                    r"fluphenazine|chlorpromazine|perphenazine|thiothixene|loxapine|asenapine|brexpiprazole|"
                    r"cariprazine|clozapine")
_OTHER_DRUGS = (r"drugs?|medications?|metoclopramide|reglan|valproate|valproic acid|divalproex|depakote|lithium|"
                r"amiodarone|tetrabenazine|reserpine|flunarizine|cinnarizine")
_CAUSE = r"(secondary to|due to|from|induced by|caused by|related to)"
DRUG_PARKINSONISM = _rx(rf"((drug|medication|neuroleptic|antipsychotic)[- ]induced|iatrogenic) parkinsonism|"
                        rf"parkinsonism,? {_CAUSE} (an? |the |his |her |(high[- ]dose|chronic|long[- ]term) )*"
                        rf"({_NEUROLEPTICS.pattern[3:-3]}|{_OTHER_DRUGS})")


def drug_parkinsonism(match: re.Match, note: str) -> tuple[str, str]:
    """The drug named in the words or right after them ("drug-induced parkinsonism from haloperidol")."""
    after = re.split(r"[.;\n]", note[match.end():match.end() + 40], maxsplit=1)[0]
    if _NEUROLEPTICS.search(match.group(0)) or _NEUROLEPTICS.search(after):
        return "G21.11", "parkinsonism induced by a neuroleptic"
    return "G21.19", "parkinsonism induced by another drug"


def overuse_headache(match: re.Match, note: str) -> tuple[str, str]:
    intractable = stated(INTRACTABLE, sentence(note, match.start(), match.end()))
    return ("G44.41" if intractable else "G44.40"), "medication-overuse headache" + (
        ", intractable" if intractable else "")


NEUROLOGY_SYNDROME_WORDS = re.compile(r"lennox|\blgs\b|spasms|west syndrome|parkinsonism|cidp|demyelinating|"
                                      r"overuse|rebound|non-?epileptic|pnes|psychogenic|dissociative|functional",
                                      re.IGNORECASE)
# (words, codes the index may have found on them, resolve)
NEUROLOGY_SYNDROME_FINDINGS = (
    (_rx(r"lennox[- ]gastaut( syndrome)?|lgs"), ("G40",), _syndrome("G40.81", "Lennox-Gastaut syndrome")),
    (_rx(r"(infantile|epileptic) spasms|west syndrome"), ("G40", "R25"), _syndrome("G40.82", "epileptic spasms")),
    (DRUG_PARKINSONISM, ("G20", "G21"), drug_parkinsonism),
    (_rx(r"cidp|chronic inflammatory demyelinating poly(radiculo)?neuro(pathy|itis)"), ("G61", "G62", "A69"),
     lambda match, note: ("G61.81", "chronic inflammatory demyelinating polyneuritis")),
    (_rx(r"(medication|analgesic|drug)[- ]overuse headaches?|rebound headaches?"), ("G44", "R51"), overuse_headache),
    (_rx(r"(psychogenic|dissociative|functional) (non-?epileptic )?(seizures?|attacks?|events?)|pnes"),
     ("G40", "R56", "F44"), lambda match, note: ("F44.5", "conversion disorder with seizures")),
)
