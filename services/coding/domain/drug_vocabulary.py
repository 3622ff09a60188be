"""The drugs a note names, kept once for every reading that asks whether a clause names one.

The Table of Drugs and Chemicals files each drug name in a class, whose category and fifth character a drug's
adverse effect or poisoning is coded by (T36-T50, guideline I.C.19.e): `DRUG_CLASSES`, `ANY_DRUG` and `drug_class`.
A note also names a drug by its name's stem ("-pril", "-statin") or by a class the table files nowhere yet
("NSAIDs", "antidepressants"): `DRUG_NAME_ENDINGS` and `UNFILED_DRUGS`, with which a clause names a drug even where
no adverse effect can be coded by it. A drug added here is known to every reading that builds on these.
"""
import re

# (the category and fifth character before the intent, the drug names a note uses, the class the Table files them in)
DRUG_CLASSES: tuple[tuple[str, str, str], ...] = (
    ("T46.4X", r"lisinopril|enalapril|ramipril|benazepril|captopril|quinapril|fosinopril|ace[- ]?inhibitors?|acei",
     "angiotensin-converting-enzyme inhibitors"),
    ("T46.5X", r"losartan|valsartan|irbesartan|olmesartan|telmisartan|candesartan|hydralazine|clonidine|"
               r"methyldopa",
     "other antihypertensive drugs"),
    ("T46.1X", r"amlodipine|diltiazem|verapamil|nifedipine|felodipine|calcium channel blockers?",
     "calcium-channel blockers"),
    ("T44.7X", r"metoprolol|atenolol|carvedilol|propranolol|bisoprolol|nadolol|beta[- ]?blockers?",
     "beta-adrenoreceptor antagonists"),
    ("T46.0X", r"digoxin|digitalis", "cardiac-stimulant glycosides"),
    ("T46.2X", r"amiodarone|dronedarone|flecainide|sotalol|propafenone", "other antidysrhythmic drugs"),
    ("T46.6X", r"atorvastatin|simvastatin|rosuvastatin|pravastatin|lovastatin|statins?|ezetimibe",
     "antihyperlipidemic drugs"),
    ("T50.1X", r"furosemide|bumetanide|torsemide|loop diuretics?", "loop diuretics"),
    ("T50.2X", r"hydrochlorothiazide|hctz|chlorthalidone|thiazides?|acetazolamide",
     "benzothiadiazides and other diuretics"),
    ("T50.0X", r"spironolactone|eplerenone", "mineralocorticoids and their antagonists"),
    ("T45.51", r"warfarin|coumadin|heparin", "anticoagulants"),
    ("T45.52", r"clopidogrel|plavix|prasugrel|ticagrelor", "antithrombotic drugs"),
    ("T38.3X", r"insulin( glargine| lispro| aspart| detemir| degludec)?|glargine|lispro|metformin|glipizide|glyburide|"
               r"glimepiride|sulfonylureas?",
     "insulin and oral hypoglycemic drugs"),
    ("T38.0X", r"prednisone|prednisolone|methylprednisolone|dexamethasone|hydrocortisone|(cortico)?steroids?|"
               r"glucocorticoids?", "glucocorticoids"),
    ("T38.1X", r"levothyroxine|synthroid", "thyroid hormones"),
    ("T38.2X", r"methimazole|propylthiouracil|ptu", "antithyroid drugs"),
    ("T43.22", r"sertraline|fluoxetine|citalopram|escitalopram|paroxetine|ssris?",
     "selective serotonin reuptake inhibitors"),
    ("T43.21", r"venlafaxine|desvenlafaxine|duloxetine|snris?", "serotonin and norepinephrine reuptake inhibitors"),
    ("T43.01", r"amitriptyline|nortriptyline|imipramine|doxepin|tricyclics?", "tricyclic antidepressants"),
    ("T43.59", r"lithium|clozapine|olanzapine|quetiapine|risperidone|aripiprazole|ziprasidone|lurasidone|"
               r"paliperidone", "other antipsychotics and neuroleptics"),
    ("T43.4X", r"haloperidol", "butyrophenone and thiothixene neuroleptics"),
    ("T42.4X", r"lorazepam|alprazolam|clonazepam|diazepam|benzodiazepines?", "benzodiazepines"),
    ("T42.0X", r"phenytoin", "hydantoin derivatives"),
    ("T42.1X", r"carbamazepine|oxcarbazepine", "iminostilbenes"),
    ("T42.6X", r"valproate|valproic acid|divalproex|lamotrigine|levetiracetam|topiramate|gabapentin|pregabalin|"
               r"zolpidem", "other antiepileptic and sedative-hypnotic drugs"),
    ("T40.2X", r"oxycodone|hydrocodone|morphine|codeine|hydromorphone|percocet|opioids?|opiates?",
     "other opioids"),
    ("T40.3X", r"methadone", "methadone"),
    ("T40.41", r"fentanyl", "fentanyl or fentanyl analogs"),
    ("T40.42", r"tramadol", "tramadol"),
    ("T39.1X", r"acetaminophen|paracetamol|tylenol", "4-aminophenol derivatives"),
    ("T39.31", r"ibuprofen|naproxen|ketoprofen|motrin|advil|aleve", "propionic acid derivatives"),
    ("T39.01", r"aspirin", "aspirin"),
    ("T36.0X", r"amoxicillin|amoxicillin[- /]clavulanate|augmentin|penicillin|ampicillin|dicloxacillin",
     "penicillins"),
    ("T36.1X", r"cephalexin|keflex|cefdinir|ceftriaxone|cefuroxime|cefazolin|cephalosporins?",
     "cephalosporins and other beta-lactam antibiotics"),
    ("T36.6X", r"rifampin|rifampicin|rifabutin|rifapentine|rifamycins?", "rifampicins"),
    ("T36.3X", r"azithromycin|clarithromycin|erythromycin|macrolides?", "macrolides"),
    ("T36.4X", r"doxycycline|minocycline|tetracyclines?", "tetracyclines"),
    ("T36.8X", r"ciprofloxacin|levofloxacin|moxifloxacin|fluoroquinolones?|clindamycin|vancomycin",
     "other systemic antibiotics"),
    ("T37.0X", r"sulfamethoxazole|trimethoprim[- /]sulfamethoxazole|tmp[- /]smx|bactrim|sulfonamides?",
     "sulfonamides"),
    ("T37.8X", r"nitrofurantoin|macrobid", "other specified systemic anti-infectives"),
    ("T45.1X", r"methotrexate|doxorubicin|adriamycin|epirubicin|daunorubicin|anthracyclines?|trastuzumab|herceptin",
     "antineoplastic and immunosuppressive drugs"),
    ("T50.4X", r"allopurinol|febuxostat", "drugs affecting uric acid metabolism"),
    ("T45.0X", r"metoclopramide|promethazine", "antiallergic and antiemetic drugs"),
)
DRUG_NAMES = "|".join(names for _, names, _ in DRUG_CLASSES)
ANY_DRUG = re.compile(rf"\b({DRUG_NAMES})\b", re.IGNORECASE)
_CLASSES = tuple((stem, re.compile(rf"^({names})$", re.IGNORECASE), title) for stem, names, title in DRUG_CLASSES)

# the endings drug names share by their class or kind: "-pril" (ACE inhibitors), "-sartan", "-statin", "-olol",
# "-gliflozin", "-mab" ...
DRUG_NAME_ENDINGS = (r"\w+(?:pril|sartan|statin|olol|dipine|apine|idone|azole|oxetine|alopram|triptan|azepam|azolam|"
                     r"codone|profen|oxacin|cycline|cillin|gliflozin|glutide|formin|thiazide|zide|mab|tinib|parin|"
                     r"xaban|gatran|pramine|tyline|semide|etine|amate|igine|proate|racetam|arone|olone|isone|asone)")
# drugs and drug classes a note names that the table above files in no class yet: a drug all the same
UNFILED_DRUGS = (r"ics|nsaids?|isoniazid|bupropion|tamsulosin|prazosin|doxazosin|arbs?|diuretics?|antipsychotics?|"
                 r"antidepressants?")


def drug_class(name: str) -> tuple[str, str]:
    """The category stem and class title the Table of Drugs files a drug name of `ANY_DRUG` under."""
    return next((stem, title) for stem, names, title in _CLASSES if names.match(name))


def drug_name_alternatives() -> tuple[str, ...]:
    """Each name of `DRUG_CLASSES` on its own, as written there ("lisinopril", "ace[- ]?inhibitors?")."""
    names, depth, start = [], 0, 0
    for at, char in enumerate(DRUG_NAMES):
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "|" and depth == 0:
            names.append(DRUG_NAMES[start:at])
            start = at + 1
    return (*names, DRUG_NAMES[start:])
