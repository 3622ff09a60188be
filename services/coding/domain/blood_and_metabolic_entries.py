"""Blood, nutritional and metabolic conditions by the ICD-10-CM index's own entries, for `documented_findings`.

The tabular's titles put the cause or the degree after the condition ("Vitamin B12 deficiency anemia due to intrinsic
factor deficiency", "Moderate protein-calorie malnutrition", "Other drug-induced agranulocytosis"), so the words
clinics write ("anemia due to B12 deficiency", "severe malnutrition", "neutropenia due to clozapine", "factor V
Leiden") met the category's unspecified code, a deficiency without its anemia, or nothing. Each row names the index
entry it reads:

- "Anemia, deficiency, vitamin B12" D51.9 (dietary or vegan D51.3, pernicious or of intrinsic factor D51.0),
  "..., folate" D52.9 (dietary D52.0), "..., iron" D50.9 (of chronic blood loss D50.0), the cause written after the
  anemia ("anemia due to folate deficiency") or before it; "Anemia, blood loss, acute" D62 and "..., chronic"
  D50.0; "Anemia, in (due to) (with), chronic disease" D63.8 ("anemia of chronic disease" or "inflammation").
- "Neutropenia, drug-induced" D70.2 (a drug named as its cause: the adverse effect's T code is the drug rule's),
  "..., due to cytoreductive cancer chemotherapy" D70.1.
- "Anemia, hemolytic, autoimmune, drug-induced" D59.0: a hemolytic anemia or AIHA with a drug named as its cause
  ("AIHA after ceftriaxone", "methyldopa-induced hemolytic anemia") and its immune kind stated (immune, DAT or
  Coombs positive); a drug's nonautoimmune hemolysis is D59.2, a coder's.
- "Malnutrition, mild" E44.1, "moderate" E44.0, "severe" E43 (and the degrees, first to third).
- "Factor V Leiden mutation" and "Resistance, activated protein C" D68.51; "Mutation, prothrombin gene" D68.52 with
  the variant named; "Deficiency, antithrombin (III)" D68.59; "Thrombocytopenia, immune" D69.3.
- "Trait, sickle-cell" D57.3; "Disease, von Willebrand, type 1" D68.01 and "type 3" D68.03.
- "Deficiency, glucose-6-phosphate dehydrogenase" D75.A, "with anemia" D55.0: the anemia or hemolysis its sentence
  states (not denied) makes it the anemia; "Disease, sickle-cell" (Hb-SS) "with crisis" D57.00 (pain or
  vaso-occlusive crisis) and "without crisis" D57.1 as the words write them.
- "Hemochromatosis, hereditary" (HFE, C282Y homozygous) E83.110 and "due to repeated red blood cell transfusions"
  E83.111; "Hypovitaminosis D" E55.9; "Hypophosphatemia" E83.39; "Deficiency, IgA (secretory)" D80.2;
  "Lymphopenia" D72.810; "Obesity, exogenous" and "due to excess calories" E66.09; "Polycythemia, secondary" and
  "Erythrocytosis (secondary)" D75.1 with its cause named; "Deficiency, factor, VIII" D66;
  "Hemarthrosis (nontraumatic)" M25.0- by joint and side (not an injury's).
- An INR above the range is an abnormal coagulation profile R79.1 (the tabular's "abnormal or prolonged prothrombin
  time", which the INR reports); with bleeding stated, on an anticoagulant, the hemorrhagic disorder due to the
  circulating anticoagulant D68.32.
"""
import re

from services.coding.domain.drug_vocabulary import ANY_DRUG
from services.coding.domain.finding_resolvers import fixed
from services.coding.domain.laterality import stated_side
from services.coding.domain.note_text import sentence, word_pattern as _rx

_DUE_TO = r"(due to|from|secondary to|caused by|of|related to|with)"
_DIETARY = _rx(r"diet\w*|vegan|vegetarian|nutritional|poor intake|malnutrition|malnourish\w*")
_PERNICIOUS = _rx(r"pernicious|intrinsic factor")
_BLEEDING = _rx(r"bleed\w*|hemorrhag\w*|haemorrhag\w*|melena|hematuria|epistaxis|hematoma")
_DENIED_BLEEDING = re.compile(r"\b(no|not|without|denies)\b(\W+\w+){0,3}\W*$", re.IGNORECASE)

# drugs that lower the neutrophil count, as the drug-induced neutropenias are reported (antipsychotics,
# antithyroid drugs, anticonvulsants, antibiotics, antivirals, immunosuppressants)
_NEUTROPENIC_DRUGS = (r"clozapine|clozaril|olanzapine|carbamazepine|tegretol|valproate|valproic acid|depakote|"
                      r"methimazole|propylthiouracil|ptu|sulfasalazine|trimethoprim[- ]sulfamethoxazole|tmp[- ]smx|"
                      r"bactrim|mirtazapine|valganciclovir|ganciclovir|linezolid|vancomycin|piperacillin\w*|"
                      r"azathioprine|mycophenolate|methotrexate|rituximab|deferiprone|levamisole|dapsone|"
                      r"procainamide|the (drug|medication)|a (drug|medication)")
_CHEMOTHERAPY = r"chemo|chemotherapy|cytotoxic (therapy|chemotherapy)|cancer chemotherapy|cytoreductive \w+"


def _b12_anemia(match: re.Match, note: str) -> tuple[str, str]:
    text = match.group(0)
    if _PERNICIOUS.search(text):
        return "D51.0", "vitamin B12 deficiency anemia due to intrinsic factor deficiency"
    if _DIETARY.search(sentence(note, match.start(), match.end())):
        return "D51.3", "dietary vitamin B12 deficiency anemia"
    return "D51.9", "vitamin B12 deficiency anemia"


def _folate_anemia(match: re.Match, note: str) -> tuple[str, str]:
    if _DIETARY.search(sentence(note, match.start(), match.end())):
        return "D52.0", "dietary folate deficiency anemia"
    return "D52.9", "folate deficiency anemia"


_HEMOLYSIS = _rx(r"an(a)?emi\w*|hemoly\w*|haemoly\w*")
_DENIED_HEMOLYSIS = re.compile(r"\b(no|not|never|without|denies)\b(\W+\w+){0,3}\W*$", re.IGNORECASE)


def _g6pd_deficiency(match: re.Match, note: str) -> tuple[str, str]:
    """D55.0 where its sentence states the anemia or hemolysis (not denied), the deficiency alone D75.A otherwise."""
    text = sentence(note, match.start(), match.end())
    if any(not _DENIED_HEMOLYSIS.search(text[:m.start()]) for m in _HEMOLYSIS.finditer(text)):
        return "D55.0", "anemia due to G6PD deficiency"
    return "D75.A", "G6PD deficiency without anemia"


def _inr_high(match: re.Match, note: str) -> tuple[str, str]:
    text = sentence(note, match.start(), match.end())
    if any(not _DENIED_BLEEDING.search(text[:m.start()]) for m in _BLEEDING.finditer(text)):
        return "D68.32", "bleeding with an anticoagulant's high INR: hemorrhagic disorder due to the anticoagulant"
    return "R79.1", "an INR above the range without bleeding is an abnormal coagulation profile"


_JOINT_DIGITS = {"shoulder": "1", "elbow": "2", "wrist": "3", "hip": "5", "knee": "6", "ankle": "7"}
_SIDE_DIGITS = {"right": "1", "left": "2", None: "9"}
_TRAUMATIC = _rx(r"traumatic|injur\w*|fall|fell|twist\w*|sprain\w*|fractur\w*|fx|tear|torn")


def _hemarthrosis(match: re.Match, note: str) -> tuple[str, str] | None:
    """M25.0- by the joint and side named: the nontraumatic hemarthrosis of a bleeding disorder; an injury's is the
    injury's, and both sides are a coder's."""
    text = sentence(note, match.start(), match.end())
    if _TRAUMATIC.search(text):
        return None
    joint = re.search("|".join(_JOINT_DIGITS), match.group(0), re.IGNORECASE).group(0).lower()
    side = stated_side(match.group(0)) or stated_side(text)
    if side == "bilateral":
        return None
    return f"M25.0{_JOINT_DIGITS[joint]}{_SIDE_DIGITS[side]}", f"hemarthrosis of the {joint}" + (
        f" ({side})" if side else "")


_IMMUNE_HEMOLYSIS = _rx(r"immune|autoimmune|aiha|diiha|dat ?\+|dat[- ]positive|coombs[- ]positive|"
                        r"positive (dat|coombs)|warm antibod\w*")


def _drug_hemolytic_anemia(match: re.Match, note: str) -> tuple[str, str] | None:
    if not _IMMUNE_HEMOLYSIS.search(sentence(note, match.start(), match.end())):
        return None  # a drug's nonautoimmune hemolysis is D59.2: the kind is a coder's
    return "D59.0", "drug-induced autoimmune hemolytic anemia (the drug's adverse effect is the drug rule's)"


_HEMOLYTIC_ANEMIA = r"((auto)?immune )?(hemolytic an(a)?emia|aiha)"
_G6PD = r"(g6pd|glucose-6-phosphate dehydrogenase( \(g6pd\))?)"
_SICKLE_CELL_DISEASE = r"(sickle[- ]cell (disease|anemia)|hb ?ss( disease)?|hemoglobin ss( disease)?)( \(hb ?ss\))?"
_JOINT_SIDE = r"(the |his |her |both |bilateral )?(right |left |r |l )?(shoulder|elbow|wrist|hip|knee|ankle)"
_B12 = r"(vitamin )?b-?12|cobalamin|cyanocobalamin"
_FOLATE = r"folate|folic acid"
_ANEMIA = r"(macrocytic |megaloblastic |microcytic )?an(a)?emia"

# every word the table's patterns need, searched once before them
BLOOD_METABOLIC_WORDS = re.compile(r"anemia|anaemia|neutropenia|malnutrition|leiden|protein c|prothrombin|"
                                   r"antithrombin|thrombocytopeni|trait|willebrand|vwd|hemochromatosis|"
                                   r"iron overload|hypovitaminosis|hypophosphat|iga|lymphopenia|lymphocytopenia|"
                                   r"obesity|inr|polycythemia|erythrocytosis|factor viii|hemarthros|g6pd|"
                                   r"glucose-6|sickle|hb ?ss|aiha", re.IGNORECASE)
# (words, codes the index may have found on them, resolve)
BLOOD_METABOLIC_ENTRIES = (
    (_rx(rf"({_B12}) deficiency {_ANEMIA}|{_ANEMIA},? {_DUE_TO} ({_B12}) deficiency|"
         rf"pernicious {_ANEMIA} {_DUE_TO} ({_B12}) deficiency"), ("D64", "D51", "D53", "E53"), _b12_anemia),
    (_rx(rf"{_ANEMIA},? {_DUE_TO} ({_FOLATE}) deficiency"), ("D64", "D52", "D53", "E53"), _folate_anemia),
    (_rx(rf"({_FOLATE}) deficiency {_ANEMIA}"), ("D52",), _folate_anemia),
    (_rx(rf"{_ANEMIA},? {_DUE_TO} iron deficiency"), ("D64", "D50", "E61"),
     fixed("D50.9", "iron deficiency anemia")),
    (_rx(rf"acute blood loss {_ANEMIA}|{_ANEMIA},? {_DUE_TO} acute (surgical |postoperative )?blood loss|"
         r"acute posthemorrhagic an(a)?emia"), ("D64", "D62"), fixed("D62", "acute posthemorrhagic anemia")),
    (_rx(rf"chronic blood loss {_ANEMIA}|{_ANEMIA},? {_DUE_TO} chronic blood loss"), ("D64", "D50"),
     fixed("D50.0", "iron deficiency anemia secondary to chronic blood loss")),
    (_rx(rf"{_ANEMIA} of chronic (disease|illness|inflammation)"), ("D64", "D63"),
     fixed("D63.8", "anemia in (of) chronic disease")),
    (_rx(rf"({_NEUTROPENIC_DRUGS})[- ](induced|associated|related) neutropenia|"
         rf"(drug|medication)[- ]induced neutropenia|"
         rf"neutropenia,? (due to|from|secondary to|caused by|induced by|related to) ({_NEUTROPENIC_DRUGS})"),
     ("D70",), fixed("D70.2", "drug-induced neutropenia")),
    (_rx(rf"{_HEMOLYTIC_ANEMIA},? (after|due to|from|secondary to|caused by|induced by) {ANY_DRUG.pattern}|"
         rf"({ANY_DRUG.pattern}|drug|medication)[- ](induced|associated|related) {_HEMOLYTIC_ANEMIA}"),
     ("D59", "D58", "D64", "D55"), _drug_hemolytic_anemia),
    (_rx(rf"({_CHEMOTHERAPY})[- ](induced|associated|related) neutropenia|"
         rf"neutropenia,? (due to|from|secondary to|caused by|induced by|related to|after) ({_CHEMOTHERAPY})"),
     ("D70",), fixed("D70.1", "neutropenia due to cancer chemotherapy")),
    (_rx(r"(mild|first[- ]degree) (protein[- ](calorie|energy) )?malnutrition"), ("E46", "E44", "E43", "E40", "E41"),
     fixed("E44.1", "mild protein-calorie malnutrition")),
    (_rx(r"(moderate|second[- ]degree) (protein[- ](calorie|energy) )?malnutrition"),
     ("E46", "E44", "E43", "E40", "E41"), fixed("E44.0", "moderate protein-calorie malnutrition")),
    (_rx(r"(severe|third[- ]degree) (protein[- ](calorie|energy) )?malnutrition"), ("E46", "E44", "E43", "E40", "E41"),
     fixed("E43", "severe protein-calorie malnutrition")),
    (_rx(r"factor v leiden( mutation| deficiency| heterozygo\w*| homozygo\w*| carrier| thrombophilia)?|"
         r"activated protein c resistance"), ("D68",), fixed("D68.51", "factor V Leiden: activated protein C resistance")),
    (_rx(r"prothrombin (gene )?(g20210a |20210 )(gene )?mutation|prothrombin g20210a"), ("D68",),
     fixed("D68.52", "prothrombin gene mutation")),
    (_rx(r"antithrombin( iii| 3)? deficiency"), ("D68", "E88"), fixed("D68.59", "antithrombin III deficiency")),
    (_rx(r"immune thrombocytopenia|immune-mediated thrombocytopenia|autoimmune thrombocytopenia"), ("D69",),
     fixed("D69.3", "immune thrombocytopenia (purpura)")),
    (_rx(r"sickle trait"), ("D57",), fixed("D57.3", "sickle-cell trait")),
    (_rx(rf"({_ANEMIA},? {_DUE_TO} )?{_G6PD} deficiency( {_ANEMIA})?|deficiency of {_G6PD}"),
     ("D55", "D64", "D75", "E74"), _g6pd_deficiency),
    (_rx(rf"{_SICKLE_CELL_DISEASE},? with (an? )?(acute )?(pain(ful)?|vaso-?occlusive|sickle( cell)?) crisis|"
         rf"{_SICKLE_CELL_DISEASE} (pain(ful)?|vaso-?occlusive) crisis"), ("D57",),
     fixed("D57.00", "Hb-SS disease with crisis (a pain or vaso-occlusive crisis)")),
    (_rx(rf"{_SICKLE_CELL_DISEASE},? without (a )?crisis"), ("D57",),
     fixed("D57.1", "sickle-cell disease without crisis")),
    (_rx(r"(type (1|i) (von willebrand( disease)?|vwd))|(von willebrand( disease)?|vwd),? type (1|i)"), ("D68",),
     fixed("D68.01", "von Willebrand disease, type 1")),
    (_rx(r"(type (3|iii) (von willebrand( disease)?|vwd))|(von willebrand( disease)?|vwd),? type (3|iii)"), ("D68",),
     fixed("D68.03", "von Willebrand disease, type 3")),
    (_rx(r"(hfe|c282y)[- ]?(associated |related |homozygous |homozygote )?hemochromatosis|"
         r"hemochromatosis,? (hfe|c282y)"), ("E83",), fixed("E83.110", "hereditary hemochromatosis")),
    (_rx(r"(transfusional|transfusion[- ](related|associated|induced)) (iron overload|hemochromatosis|siderosis)|"
         r"(iron overload|hemochromatosis),? (due to|from|secondary to) (repeated |chronic |multiple )?"
         r"(red (blood )?cell |blood )?transfusions"), ("E83",),
     fixed("E83.111", "hemochromatosis due to repeated red blood cell transfusions")),
    (_rx(r"(polycythemia|erythrocytosis),? (due to|secondary to|from|caused by|related to) (?!vera)\w+|"
         r"secondary erythrocytosis|(hypoxic|hypoxemic|hypoxia-related|testosterone-induced|"
         r"testosterone-related|smoker'?s) (polycythemia|erythrocytosis)"), ("D75", "D45", "R71"),
     fixed("D75.1", "secondary polycythemia")),
    (_rx(r"(congenital |hereditary )?factor viii deficiency"), ("D66", "D68"),
     fixed("D66", "hereditary factor VIII deficiency")),
    (_rx(rf"(?<!traumatic )hemarthrosis (of|in) {_JOINT_SIDE}|(?<!traumatic ){_JOINT_SIDE} hemarthrosis"), ("M25",),
     _hemarthrosis),
    (_rx(r"hypovitaminosis d"), ("E55", "E50", "E56"), fixed("E55.9", "vitamin D deficiency")),
    (_rx(r"hypophosphat(a)?emia"), ("E83",), fixed("E83.39", "hypophosphatemia, another disorder of phosphorus")),
    (_rx(r"(selective )?(iga|immunoglobulin a) deficiency"), ("D80", "D84"),
     fixed("D80.2", "selective deficiency of immunoglobulin A")),
    (_rx(r"lymphopenia|lymphocytopenia"), ("D72",), fixed("D72.810", "lymphocytopenia")),
    (_rx(r"exogenous obesity|obesity,? (due to|from) excess(ive)? (calories|caloric intake|calorie intake)"),
     ("E66",), fixed("E66.09", "obesity due to excess calories")),
    (_rx(r"supratherapeutic inr|(elevated|high|raised) inr|inr,? (is |was )?(elevated|high|supratherapeutic|"
         r"above (the )?(goal|range|target))"), ("R79", "D68", "R70"), _inr_high),
)
