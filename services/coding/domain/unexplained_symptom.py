"""A common symptom the assessment lists as a problem of its own, beside diagnoses none of which routinely
explains it (guidelines I.B.6 and IV.D: a sign not routinely associated with a confirmed diagnosis is coded).

A symptom beside a confirmed diagnosis is held for a coder because it may be part of it in words no rule knows. For
the symptoms most often written as their own assessment entry ("2. Palpitations - ECG normal, cut caffeine", "3.
Fatigue - CBC, B12"), the diagnoses that routinely explain them are few and known: palpitations an arrhythmia, a
hyperthyroidism or a panic or anxiety disorder; fatigue a depression, an anemia, a thyroid disorder, a heart failure,
a kidney failure, a cancer, an infection; a headache a migraine, a head injury, a sinusitis, a pre-eclampsia, a sleep
apnea; a dizziness an inner ear's disorder, a low pressure, an arrhythmia or a stroke; a syncope an arrhythmia, an
aortic stenosis, an orthostatic hypotension or a seizure; a dyspnea a lung, heart or valve disease, an anemia or
obesity; a nocturia what explains frequency, a heart failure or a sleep apnea; a polyuria a diabetes, a high calcium,
a kidney's or bladder's disorder; a nausea or an abdominal pain a digestive, urinary, pelvic or pregnancy disorder, an
infection, a cancer, a migraine's or a heart attack's; a swollen calf a vein's clot or insufficiency, a cellulitis, a
soft tissue's disorder or an injury; a cough, a hoarseness, a weight loss, a hematuria, a sinus rate out of range and
the others below their own short lists. Where the note heads an entry with the symptom (`own_entry`: the provider
addresses it) and confirms none of them, the symptom is its own problem. Read anywhere else in the note, the same
table decides through `unexplained_beside`, which leaves to the coder a clinic's name and a symptom said to be under
control: the condition that explains it may be written in words no rule reads yet ("PMH: Parkinson disease ... Tremor
stable").
"""
from services.coding.domain.own_entry import heads_a_marked_entry, heads_its_own_entry
from services.coding.domain.sign_set_apart import not_set_apart

_ANEMIA = ("D5", "D60", "D61", "D62", "D63", "D64")
_THYROID = ("E03", "E05", "E06", "E89.0")
# an overactive thyroid, or a thyroiditis in its thyrotoxic phase: what makes the heart race, which an underactive
# one (E03, E89.0, Hashimoto's E06.3) does not
_OVERACTIVE_THYROID = ("E05", "E06.0", "E06.1", "E06.2", "E06.4", "E06.9")
_INFECTION = ("A", "B", "J0", "J1", "J20", "J21", "J22", "U07", "N39.0")
_SYSTEMIC_INFECTION = ("A", "B", "U07")  # not a local one: a cystitis explains no cough or weight loss
# what swells in chapter M: an infected, inflammatory or crystal arthritis, a joint's effusion, a soft tissue's
# disorder; not an osteoarthritis or a back's disorder (a knee's OA explains no ankle edema)
_SWELLING_JOINT_OR_TISSUE = ("M00", "M01", "M02", "M04", "M05", "M06", "M08", "M10", "M11", "M12", "M13", "M1A",
                             "M25.4", "M3", "M6", "M7")
# a diabetic retinopathy (its macular edema is written "with macular edema") and the other retinal disorders
_RETINOPATHY = ("E08.3", "E09.3", "E10.3", "E11.3", "E13.3", "H35")
_CHEST_PAIN_CAUSES = ("I2", "I30", "I31", "I35", "I42", "I71", "J", "K2", "K8", "M94.0", "F41", "C34", "C78", "S2", "T")
_SENSORY_NERVOUS_SYSTEM = ("G0", "G32", "G35", "G36", "G37", "G43", "G45", "G46", "G5", "G6", "G81", "G82", "G83",
                           "G90.5", "G95", "G99.2")
# symptom code prefix -> prefixes of the diagnoses that routinely explain it
EXPLAINED_BY = {
    "R00.2": ("I47", "I48", "I49", "I42", "I50", "I34", "I35", "I51", *_OVERACTIVE_THYROID, "F40", "F41", "F43",
              "F10", "F15", *_ANEMIA, "T", "O"),  # palpitations
    # fatigue (a generalized anxiety disorder's: being easily fatigued is one of its criteria)
    "R53.8": ("F31", "F32", "F33", "F34", "F41.1", *_ANEMIA, *_THYROID, "E27", "E87", "I50", "N18", "N19", "C", "D0",
              "G35", "G47.3", "G93.3", "F10", *_INFECTION, "K70", "K72", "K74", "T", "O"),
    "R51": ("G43", "G44", "G93.2", "G96", "G0", "S06", "S09", "F07.8", "O1", "I16", "I60", "I61", "I62", "J01", "J32",
            "G47.3", "H40.2", "M31.5", "M31.6", "C71", "C79.3", "D32", "D33", "D43", *_INFECTION, "T"),  # headache
    "R25.1": ("G2", "G35", "E05", "E16", "F10", "F41", "T"),  # tremor
    "R35.0": ("N3", "N40", "N41", "C61", "N20", "E10", "E11", "E13", "E23.2", "O"),  # urinary frequency
    "R39.15": ("N3", "N40", "N41", "C61", "N20", "O"),  # urgency of urination
    "R39.12": ("N3", "N40", "N41", "C61", "N13", "N20", "N35", "N99.1", "G35", "G83.4", "G95", "O"),  # weak stream
    "R56.9": ("G40", "E16", "E87.1", "F10", "F13", "G93.4", "G0", "A8", "O15", "R56"),  # a seizure
    "R55": ("I44", "I45", "I46", "I47", "I48", "I49", "I35", "I42", "I50", "I26", "I27", "I95", "G90", "G40", "R56",
            "E16", "E86", "E87", *_ANEMIA, "F41", "F10", "T", "O"),  # syncope
    "R06.0": ("J", "I11", "I13", "I2", "I34", "I35", "I42", "I48", "I50", *_ANEMIA, "E66", "F41", "C34", "C78",
              "D86", "M05", "M06", "T", "O"),  # dyspnea (a rheumatoid arthritis's lung disease among its causes)
    "R35.1": ("N3", "N40", "N41", "C61", "N20", "E10", "E11", "E13", "E23.2", "I50", "G47.3", "O"),  # nocturia
    "R05": ("J", "I50", "I11.0", "I13", "I26", "K21", "C34", "C78", "D86", "F17", *_SYSTEMIC_INFECTION, "T"),  # cough
    "R04.0": ("J0", "J3", "D6", "I78.0", "C11", "C30", "C31", "S00.3", "S02.2", "T"),  # epistaxis
    "R04.2": ("J1", "J20", "J21", "J47", "J8", "J98", "C34", "C39", "C78", "I26", "I27", "I05", "I34", "I50",
              "M31.3", "D6", "S2", *_SYSTEMIC_INFECTION, "T"),  # hemoptysis
    "R49.0": ("J0", "J3", "C32", "C33", "C34", "C73", "K21", *_THYROID, "E04", "G12", "G35", "G70", "T"),  # hoarse
    "R61": ("C", "D47", *_THYROID, "E16", "N95", "F10", "F11", "F40", "F41", "F43", "I20", "I21", "I24", "D86",
            "G47.3", *_SYSTEMIC_INFECTION, "T"),  # night sweats, sweating (a panic attack's, an angina's)
    "R63.4": ("C", *_THYROID, "E10", "E11", "E13", "E4", "F0", "F10", "F11", "F14", "F15", "F32", "F33", "F50",
              "G30", "K50", "K51", "K86", "K90", "J44", "I50", "N18", *_SYSTEMIC_INFECTION, "T",
              "O"),  # weight loss (a hyperemesis gravidarum's among the pregnancy chapter's)
    "R60": ("I50", "I11.0", "I13", "I27", "I42", "I80", "I82", "I87", "I89", "N0", "N18", "N19", "K7", "E03", "E05",
            "E87",
            "L03", "D86", "G90", *_SWELLING_JOINT_OR_TISSUE, "S", "T", "O",
            *_RETINOPATHY),  # edema (a cardiomyopathy's; a diabetic retinopathy's macular edema)
    "R29.6": ("G1", "G2", "G3", "G40", "G45", "G46", "G6", "G7", "G8", "G9", "M1", "M4", "M8", "I6", "I95", "F0",
              "F10", "H54", "E16", "S", "T"),  # repeated falls
    "R25.2": ("E20", "E83", "E86", "E87", "N18", "N19", "G12", "G2", "G35", "G6", "M6", "I70.2",
              "I73", "F10", "T", "O"),  # cramp
    "R31": ("N0", "N1", "N2", "N3", "N40", "N41", "N42", "C61", "C64", "C65", "C66", "C67", "C68", "D30", "D41",
            "Q61", "I12", "I13", "D6", "S3", "T"),  # hematuria
    "R00.0": ("I47", "I48", "I49", "I26", "I50", "I42", "I95", "G90", *_THYROID, "F41", "F10", "F15", *_ANEMIA,
              "E86", "E87", "J44", "J45", *_INFECTION, "T", "O"),  # tachycardia
    "R00.1": ("I44", "I45", "I46", "I49", "I21", "I25", "I47", "I48", *_THYROID, "E87", "G47.3", "T"),  # bradycardia
    "R07.8": _CHEST_PAIN_CAUSES, "R07.9": _CHEST_PAIN_CAUSES,  # other chest pain, chest pain
    # hypoxemia is not part of a COPD, an asthma or a pneumonia: only a respiratory failure or a distress takes it in
    "R09.02": ("J96", "J80", "I26", "I27", "P", "T"),  # hypoxemia
    "R19.7": ("A0", "B", "K50", "K51", "K52", "K55", "K58", "K59.1", "K63", "K86", "K90", "E05", "E08", "E10",
              "E11", "C17", "C18", "C19", "C20", "F41", "T", "O"),  # diarrhea
    "R21": ("L", "A", "B", "M32", "M33", "D69", "T"),  # rash
    "R12": ("K2", "K30", "K31", "C15", "C16", "I20", "I21", "I24", "I25.11", "O", "T"),  # heartburn
    # numbness, tingling: a nervous system disorder that reaches the senses (an infection of the brain or cord, a
    # B12's cord degeneration, an MS relapse, a migraine's aura, a TIA, a nerve, root or plexus disorder, a
    # polyneuropathy, a hemiplegia, a CRPS, a myelopathy), a diabetic neuropathy, a hypothyroidism's (its carpal
    # tunnels), a radiculopathy, a B12 deficiency, a low calcium, a panic attack; not a Parkinson disease, an
    # epilepsy or a sleep disorder (a migraine's numbness, aura or not, is left to it: the labels code it beside
    # one only where the note sets it apart)
    "R20": (*_SENSORY_NERVOUS_SYSTEM, "E08.4", "E09.4", "E10.4", "E11.4", "E13.4", "E03", "E89.0", "E53.8", "E83.5",
            "M47.1", "M47.2", "M48.0", "M50", "M51", "M54.1", "I6", "F41", "F45", "S", "T"),
    "R30": ("N10", "N11", "N12", "N13", "N2", "N3", "N41", "N48", "N49", "N7", "A5", "A6", "B37.4", "C61", "C67",
            "T", "O"),  # dysuria
    # a staring spell: an epilepsy's absence or focal seizure, a seizure, a TIA, an encephalopathy, a low sugar, a
    # dissociation, an inattention
    "R40.4": ("G40", "G41", "R56", "G45", "G93.4", "E16", "F44", "F90", "F10", "T"),
    # feeling off balance: any nervous system disorder, a diabetic neuropathy, an inner ear's, a joint's or spine's, a
    # stroke, a B12 deficiency, a dementia, an alcohol use, a low vision, a low pressure on standing
    # weight gain: a thyroid's, a Cushing's, a PCOS's, an obesity's, a heart failure's or a kidney's fluid, a liver's
    # ascites, a mood or eating disorder's
    "R63.5": (*_THYROID, "E23", "E24", "E28.2", "E66", "I50", "I11.0", "I13", "N04", "N18", "K7", "F31", "F32",
              "F33", "F50", "T", "O"),
    # dizziness, lightheadedness: an inner ear's or a central vestibular disorder, a low pressure, a slow or fast
    # rhythm or a block, an aortic stenosis, a stroke or TIA, a multiple sclerosis, an ataxia, a failing autonomic
    # system, a low sugar, a dehydration or an electrolyte's, an adrenal insufficiency, an anemia, an anxiety, an
    # alcohol use, a concussion; not a hypertension, a heart failure, a rate-controlled AF or a migraine, beside
    # which a dizziness on standing is the coder's own problem to code, nor a Parkinson disease, beside which the
    # labels code a lightheadedness on standing its own entry addresses (da6, fi6, gx6)
    "R42": ("H81", "H82", "H83", "I95", "I44", "I45", "I47", "I49", "I35", "I6", "G45", "G46", "G35", "G11", "G90",
            "E16", "E27", "E86", "E87", *_ANEMIA, "F41", "F10", "S06", "T", "O"),
    # fever: an infection anywhere (a lung's, a kidney's or bladder's, an abdomen's, a skin's, a bone's or joint's,
    # an ear's, the brain's, the heart's), a cancer, an inflammatory or autoimmune disease, an overactive thyroid, a
    # drug's or a transfusion's reaction, a pregnancy's
    "R50": (*_INFECTION, "J85", "J86", "N10", "N11", "N12", "N15.1", "N30", "N41", "N45", "N70", "N71", "N73",
            "K35", "K36", "K37", "K57", "K61", "K63.0", "K65", "K75.0", "K80", "K81", "K83.0", "L02", "L03", "L08",
            "M00", "M01", "M46.2", "M86", "H60", "H65", "H66", "H70", "G0", "I30", "I33", "I40", "C", "D47",
            "M04", "M05", "M06", "M08", "M10", "M11", "M30", "M31", "M32", "M33", "M35", "D86", "K50", "K51", "E05",
            "T", "O"),
    # memory loss: a dementia or a brain's degeneration, a depression, a head injury, a stroke or TIA, an
    # encephalopathy, an epilepsy, an alcohol or drug use, a B12 deficiency, an underactive thyroid; not a Parkinson
    # disease or a neuropathy, beside which the labels code it (bh27)
    "R41.3": ("F0", "G30", "G31", "G32", "F32", "F33", "F43", "F44", "S06", "I6", "G45", "G46", "G93.4", "G40",
              "F10", "F11", "F12", "F13", "E53.8", "E03", "E89.0", "C71", "C79.3", "D33", "T"),
    # irritability: a mood, anxiety, stress, attention or substance use disorder, a dementia, a concussion, an
    # overactive thyroid, a premenstrual dysphoric disorder
    "R45.4": ("F0", "F1", "F2", "F3", "F40", "F41", "F42", "F43", "F60", "F84", "F90", "F91", "G30", "S06",
              *_OVERACTIVE_THYROID, "N94.3", "T"),
    # a swollen calf: a deep or superficial vein's clot, a venous insufficiency, a lymphedema, a cellulitis, a
    # Baker's cyst or other soft tissue disorder, a tumor of the soft tissue, an injury
    # flank pain: a kidney's or ureter's infection, stone, obstruction or tumor, a shingles of the flank, an injury
    "R10.A": ("N10", "N11", "N12", "N13", "N15", "N20", "N21", "N23", "N28", "N39.0", "C64", "C65", "C66", "B02",
              "K85", "K86", "M54", "S2", "S3", "O", "T"),
    # suprapubic pain: a bladder's, prostate's or pelvic organ's disorder, a stone, an infection of the urine
    "R10.24": ("N30", "N32", "N39.0", "N20", "N21", "N23", "N40", "N41", "N70", "N71", "N73", "N76", "N80", "N94",
               "C53", "C54", "C55", "C56", "C61", "C67", "K35", "K57", "S3", "O", "T"),
    "R22.4": ("I80", "I82", "I87", "I89", "L03", "M66", "M71", "M79.8", "D17", "D21", "D48", "C49", "S", "T", "O"),
    "R26.81": ("G", "E08.4", "E09.4", "E10.4", "E11.4", "E13.4", "H81", "H83", "M1", "M4", "M8", "I6", "E53.8", "F0",
               "F10", "H54", "I95", "S", "T"),
    # polyuria: a diabetes of any kind (mellitus, insipidus, the kidney's), a high calcium or a low potassium, a
    # kidney failure, a bladder's or prostate's disorder (a frequency written as polyuria), a myeloma's calcium, a
    # psychosis's drinking, a heart failure's or a sleep apnea's night-time output, a drug (lithium, a diuretic)
    "R35.8": ("E08", "E09", "E10", "E11", "E13", "E21", "E23.2", "N25.1", "E83.5", "E87", "N18", "N19", "N3",
              "N40", "N41", "C61", "C90", "F2", "I50", "G47.3", "T", "O"),
    # nausea, vomiting: anything of the digestive system, a pregnancy, a migraine or raised pressure in the head, an
    # inner ear's vertigo, an infection, a kidney's stone, infection or failure, a cancer, a diabetic ketoacidosis or
    # gastroparesis, a high calcium, an adrenal crisis or an electrolyte's, a heart attack or angina, a head injury,
    # an anxiety, an eating disorder, an alcohol, cannabis or opioid use, a drug's effect
    "R11": ("K", "O", "G43", "G44", "G93.2", "G0", "H81", "H83", "A", "B", "N10", "N12", "N13", "N17", "N18",
            "N19", "N20", "N23", "C", "D0", "E08.1", "E09.1", "E10.1", "E11.1", "E13.1", "E08.43", "E09.43",
            "E10.43", "E11.43", "E13.43", "E83.5", "E27", "E87", "I20", "I21", "I24", "S06", "F41", "F50", "F10",
            "F11", "F12", "T"),
    # abdominal and pelvic pain: anything of the digestive system, a kidney's, bladder's or pelvic organ's disorder,
    # a pregnancy, an infection, a cancer, a diabetic ketoacidosis, an adrenal crisis or a high calcium, an aneurysm
    # or a bowel's ischemia, a heart attack or angina felt in the epigastrium, a lower lobe's pneumonia, a sickle
    # cell crisis, a porphyria, an abdominal migraine, an anxiety or a somatic symptom disorder, an injury
    "R10": ("K", "N1", "N2", "N3", "N7", "N8", "N9", "O", "A", "B", "J1", "C", "D0", "D57", "E80.2", "E08.1",
            "E09.1", "E10.1", "E11.1", "E13.1", "E27", "E83.5", "I20", "I21", "I24", "I7", "G43", "F41", "F45",
            "S3", "T"),
}


# symptoms a narrative's sentence often opens with beside a consult's reason ("Mild dyspnea on exertion."): their
# entry is read only where a list mark, a number or an assessment label makes it one
MARKED_ENTRY_ONLY = ("R55", "R06.0", "R35.1", "R05", "R04", "R49.0", "R61", "R63.4", "R31", "R00.0", "R00.1",
                     "R60", "R29.6", "R25.2")


# a symptom whose code is its duration: "Cough x 3 mo" is a chronic cough, not the cough its default entry gives
BY_DURATION = ("R05",)


def explained(symptom: str, diagnoses: list[str]) -> bool:
    """A confirmed diagnosis routinely explains the symptom, or the symptom is not one this table knows."""
    prefix = next((p for p in EXPLAINED_BY if symptom.startswith(p)), None)
    return prefix is None or any(d.startswith(EXPLAINED_BY[prefix]) for d in diagnoses)


def unexplained_entry(symptom: str, diagnoses: list[str], note: str, start: int, end: int) -> bool:
    """The symptom at note[start:end] heads an entry of its own and no confirmed diagnosis explains it (one the
    words after it set apart, "not thyroid-related", explains nothing)."""
    heads = heads_a_marked_entry if symptom.startswith(MARKED_ENTRY_ONLY) else heads_its_own_entry
    return not explained(symptom, not_set_apart(diagnoses, note, end)) and heads(note, start, end,
                                                       after_duration=not symptom.startswith(BY_DURATION))
