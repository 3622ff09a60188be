"""Signs and symptoms routinely part of a heart, lung, circulatory, thyroid, blood, eye or joint diagnosis (guideline
I.B.5: not coded beside the confirmed diagnosis), read by `integral_symptoms` beside its general table.

Each row is a symptom the diagnosis is made of, not one it merely often comes with: edema and dyspnea in heart
failure; dyspnea, wheezing and cough in an exacerbation of COPD or in asthma; hypoxemia in respiratory failure
with hypoxia; sneezing in rhinitis; hirsutism and irregular menses in PCOS; erythema in cellulitis; lightheadedness and syncope in orthostatic hypotension (the index's
"Syncope, orthostatic" is I95.1); chest pain in angina and myocardial infarction,
pleuritic chest pain in pulmonary embolism, chest wall pain in costochondritis; the ECG's ST and T wave changes in
angina and myocardial infarction; daytime sleepiness in a sleep apnea of stated type, a hypersomnia or a narcolepsy;
a lobe's opacity in the pneumonia, cancer, tuberculosis or other lung disease it shows; fatigue and weight gain in
hypothyroidism; the glucose findings of prediabetes, the thyroid function tests of a thyroid disorder and the neck
lump of a goiter or thyroid nodule; a high LDH in a hemolytic anemia (the hemolysis that releases it); blurred vision and glare in a
cataract; double vision in a paralytic strabismus (a cranial nerve palsy); a joint's osteophytes on its radiograph
in that joint's osteoarthritis, the vertebrae's in spondylosis.
A chronic cough is part of a chronic bronchitis, an emphysema or a COPD, unless the
assessment lists it as an entry of its own; any other symptom beside a stable COPD (J44.9) or an uncertain diagnosis
is kept: the diagnosis must be confirmed and the
one that explains it (an osteophyte beside a shoulder pain under "probable OA" is coded).
"""

HEART_FAILURE = ("I50", "I11.0", "I13.0", "I13.2")
CHRONIC_AIRWAY_DISEASE = ("J41", "J42", "J43", "J44")
# sign code prefix -> diagnoses it is part of unless the assessment lists it as a problem of its own: a chronic cough
# the provider treats apart from a stable COPD ("2. Chronic cough - CXR" beside "1. COPD, stable") is coded
KEPT_AS_OWN_ENTRY = {"R05.3": CHRONIC_AIRWAY_DISEASE}
HYPOTHYROIDISM = ("E03", "E89.0", "E06.3")
THYROID_DISORDERS = ("E01", "E02", "E03", "E05", "E06", "E89.0", "O90.5")
# chapter 18 codes that are themselves the diagnosis of a finding: prediabetes is named from a fasting glucose, a
# glucose tolerance test or an A1c in its range (index "Prediabetes R73.03")
SIGN_DIAGNOSES = ("R73.03",)

# symptom code prefix -> diagnosis code prefixes it is integral to
CARDIOPULMONARY_INTEGRAL = {
    "R60": HEART_FAILURE,  # edema
    # dyspnea, shortness of breath, orthopnea; exertional dyspnea is the cardinal symptom of aortic stenosis and of
    # interstitial lung disease, fibrosing or of no stated type
    "R06.0": (*HEART_FAILURE, "J44.1", "J45", "J96", "I35.0", "I35.2", "J84.1", "J84.9"),
    "R06.2": ("J44.1", "J45"),  # wheezing
    "R05": ("J44.1", "J45"),  # cough
    "R05.3": CHRONIC_AIRWAY_DISEASE,  # a chronic cough, the chronic bronchitis of COPD
    "R09.02": ("J96.01", "J96.11", "J96.21"),  # hypoxemia in respiratory failure with hypoxia
    "R42": ("I95",),  # lightheadedness on standing
    "R55": ("I95.1",),  # orthostatic syncope
    "R07": ("I20", "I21", "I24", "I25.11", "M94.0", "I26"),  # chest pain in angina or infarction, chest wall pain
    # in costochondritis, the pleuritic chest pain a pulmonary embolism presents with
    # impaired fasting glucose, impaired glucose tolerance, an A1c in range: the findings prediabetes is made of
    "R73.01": ("R73.03",), "R73.02": ("R73.03",), "R73.09": ("R73.03",),
    "R94.6": THYROID_DISORDERS,  # the thyroid function tests a thyroid disorder is diagnosed by
    # the daytime sleepiness of an obstructive or central sleep apnea, a hypersomnia or a narcolepsy (not "sleep
    # apnea" with no type, most often the default entry of a suspected one)
    "R40.0": ("G47.31", "G47.33", "G47.1", "G47.4"),
    "R94.31": ("I20", "I21", "I22", "I24"),  # the ST and T wave changes of an angina or an infarction
    # the opacity or mass a pneumonia, a lung cancer or metastasis, a tuberculosis, an abscess, a sarcoidosis, an
    # interstitial disease or a benign tumor of the lung shows on its film
    "R91.8": ("J12", "J13", "J14", "J15", "J16", "J17", "J18", "J69", "C34", "C78.0", "A15", "J85", "D86", "J84",
              "D14.3", "D02.2"),
    # the neck lump or swelling that is the goiter or the thyroid nodule found
    "R22.1": ("E01", "E04", "E05.1", "E05.2"),
    "R53.8": HYPOTHYROIDISM,  # fatigue
    "R63.5": HYPOTHYROIDISM,  # weight gain
    "R06.7": ("J30", "J00", "J01"),  # sneezing in rhinitis, a cold or sinusitis
    "L68.0": ("E28.2",), "N92.6": ("E28.2",),  # hirsutism and irregular menses in polycystic ovary syndrome
    "L53.9": ("L03", "L60.0"),  # erythema of a cellulitis or an ingrown nail
    "R74.02": ("D55", "D57.0", "D57.1", "D57.2", "D58", "D59"),  # LDH released by the hemolysis of a hemolytic anemia
    "H53.8": ("H25", "H26"), "H53.71": ("H25", "H26"),  # blurred vision, glare sensitivity of a cataract
    "H53.2": ("H49",),  # the double vision a paralytic strabismus (a third, fourth or sixth nerve palsy) causes
    # osteophytes of a joint in its osteoarthritis (primary, post-traumatic, secondary), of vertebrae in spondylosis
    "M25.71": ("M19.01", "M19.11", "M19.21"), "M25.72": ("M19.02", "M19.12", "M19.22"),
    "M25.73": ("M19.03", "M19.13", "M19.23"), "M25.74": ("M18", "M19.04", "M19.14", "M19.24"),
    "M25.75": ("M16",), "M25.76": ("M17",), "M25.77": ("M19.07", "M19.17", "M19.27"), "M25.78": ("M47",),
}
