"""A chronic condition a history list names bare is under care now when the note's medication list or plan names a
drug that treats that condition alone ("PMH: gout." ... "Meds: allopurinol 300 mg daily"): a coder codes it as
current (guideline IV.J: conditions that coexist and affect the visit's care), not as a history.

Only drugs with the one condition as their use: allopurinol and febuxostat for gout, thyroid hormone for
hypothyroidism, levodopa and the drugs given only with it for Parkinson's disease, methimazole and
propylthiouracil for hyperthyroidism, the multiple sclerosis disease-modifying drugs. A drug with other uses
(losartan, omeprazole, latanoprost, tamsulosin) shows nothing about a bare item; a drug the list says was stopped
or held shows nothing either. Whether the item itself is over ("resolved", "in her 20s") is its own words' to say.
"""
import re

from services.coding.domain.note_text import word_pattern as _rx

# (the condition's code prefixes, the drugs that treat it and nothing else)
_DRUGS_FOR = (
    (("M10", "M1A"), _rx(r"allopurinol|zyloprim|febuxostat|uloric|pegloticase|krystexxa")),
    (("E03",), _rx(r"levothyroxine|synthroid|levoxyl|unithroid|tirosint|euthyrox|liothyronine|cytomel|"
                   r"armour thyroid|np thyroid")),
    (("G20",), _rx(r"carbidopa[- /]levodopa|levodopa|sinemet|rytary|rasagiline|azilect|entacapone|opicapone|"
                   r"safinamide|istradefylline")),
    (("E05",), _rx(r"methimazole|tapazole|propylthiouracil")),
    (("G35",), _rx(r"glatiramer|copaxone|ocrelizumab|ocrevus|fingolimod|gilenya|teriflunomide|aubagio|"
                   r"dimethyl fumarate|tecfidera|siponimod|ofatumumab|kesimpta")),
)
# a medication list's or plan's heading, and the next label that ends its section
_LIST_HEADING = re.compile(r"\b((current |home |active |outpatient )?(meds|medications|rx)|plan|a/p|"
                           r"assessment and plan|assessment/plan)\s*:", re.IGNORECASE)
_NEXT_LABEL = re.compile(r"(?:^|[.\n]\s*)[A-Z][A-Za-z /]{1,30}:")
# the drug's own entry says it is no longer taken
_NOT_TAKEN = re.compile(r"^[^;,.\n]{0,40}\b(stopped|discontinued|d/c'?d|held|on hold|off since|no longer|"
                        r"completed|finished|allerg\w*|intoleran\w*)\b", re.IGNORECASE)
_NOT_TAKEN_BEFORE = re.compile(r"\b(stop(ped)?|discontinue[ds]?|hold|held|off|no longer on|not on|never on|"
                               r"allergic to|intolerant of)\W+(\w+\W+)?$", re.IGNORECASE)


def treated_by_listed_drug(code: str, note: str) -> bool:
    """The note's medication list or plan names a drug taken now that treats the condition (its code) alone."""
    drugs = next((words for prefixes, words in _DRUGS_FOR if code.startswith(prefixes)), None)
    if drugs is None:
        return False
    for heading in _LIST_HEADING.finditer(note):
        label = _NEXT_LABEL.search(note, heading.end())
        end = label.start() if label else len(note)
        if any(_taken(note, drug, heading.end()) for drug in drugs.finditer(note, heading.end(), end)):
            return True
    return False


def _taken(note: str, drug: re.Match, first: int) -> bool:
    return not (_NOT_TAKEN.search(note[drug.end():]) or _NOT_TAKEN_BEFORE.search(note[first:drug.start()]))
