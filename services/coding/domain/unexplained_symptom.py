"""A common symptom the assessment lists as a problem of its own, beside diagnoses none of which routinely
explains it (guidelines I.B.6 and IV.D: a sign not routinely associated with a confirmed diagnosis is coded).

A symptom beside a confirmed diagnosis is held for a coder because it may be part of it in words no rule knows.
For the symptoms most often written as their own assessment entry ("2. Palpitations - ECG normal, cut caffeine",
"3. Fatigue - CBC, B12"), the diagnoses that routinely explain them are few and known: palpitations an arrhythmia,
a hyperthyroidism or a panic or anxiety disorder; fatigue a depression, an anemia, a thyroid disorder, a heart
failure, a kidney failure, a cancer, an infection; a headache a migraine, a head injury, a sinusitis, a
pre-eclampsia, a sleep apnea; a syncope an arrhythmia, an aortic stenosis, an orthostatic hypotension or a
seizure; a dyspnea a lung, heart or valve disease, an anemia or obesity; a nocturia what explains frequency, a heart
failure or a sleep apnea. Where the note heads an entry with the symptom (`own_entry`: the provider addresses
it) and confirms none of them, the symptom is its own problem. A symptom read anywhere else (an HPI's list, a
review of systems, a clinic's name) stays with the coder: the condition that explains it may be written in words
no rule reads yet ("PMH: Parkinson disease ... Tremor stable").
"""
from services.coding.domain.own_entry import heads_a_marked_entry, heads_its_own_entry

_ANEMIA = ("D5", "D60", "D61", "D62", "D63", "D64")
_THYROID = ("E03", "E05", "E06", "E89.0")
_INFECTION = ("A", "B", "J0", "J1", "J20", "J21", "J22", "U07", "N39.0")
# symptom code prefix -> prefixes of the diagnoses that routinely explain it
EXPLAINED_BY = {
    "R00.2": ("I47", "I48", "I49", "I42", "I50", "I34", "I35", "I51", *_THYROID, "F40", "F41", "F43", "F10", "F15",
              *_ANEMIA, "T", "O"),  # palpitations
    "R53.8": ("F31", "F32", "F33", "F34", *_ANEMIA, *_THYROID, "E27", "E87", "I50", "N18", "N19", "C", "D0", "G35",
              "G47.3", "G93.3", "F10", *_INFECTION, "K70", "K72", "K74", "T", "O"),  # fatigue
    "R51": ("G43", "G44", "G93.2", "G96", "G0", "S06", "S09", "F07.8", "O1", "I16", "I60", "I61", "I62", "J01", "J32",
            "G47.3", "H40.2", "M31.5", "M31.6", "C71", "C79.3", "D32", "D33", "D43", *_INFECTION, "T"),  # headache
    "R25.1": ("G2", "G35", "E05", "E16", "F10", "F41", "T"),  # tremor
    "R35.0": ("N3", "N40", "N41", "C61", "N20", "E10", "E11", "E13", "E23.2", "O"),  # urinary frequency
    "R39.15": ("N3", "N40", "N41", "C61", "N20", "O"),  # urgency of urination
    "R56.9": ("G40", "E16", "E87.1", "F10", "F13", "G93.4", "G0", "A8", "O15", "R56"),  # a seizure
    "R55": ("I44", "I45", "I46", "I47", "I48", "I49", "I35", "I42", "I50", "I26", "I27", "I95", "G90", "G40", "R56",
            "E16", "E86", "E87", *_ANEMIA, "F41", "F10", "T", "O"),  # syncope
    "R06.0": ("J", "I11", "I13", "I2", "I34", "I35", "I42", "I48", "I50", *_ANEMIA, "E66", "F41", "C34", "C78",
              "D86", "T", "O"),  # dyspnea
    "R35.1": ("N3", "N40", "N41", "C61", "N20", "E10", "E11", "E13", "E23.2", "I50", "G47.3", "O"),  # nocturia
}


# symptoms a narrative's sentence often opens with beside a consult's reason ("Mild dyspnea on exertion."): their
# entry is read only where a list mark, a number or an assessment label makes it one
MARKED_ENTRY_ONLY = ("R55", "R06.0", "R35.1")


def explained(symptom: str, diagnoses: list[str]) -> bool:
    """A confirmed diagnosis routinely explains the symptom, or the symptom is not one this table knows."""
    prefix = next((p for p in EXPLAINED_BY if symptom.startswith(p)), None)
    return prefix is None or any(d.startswith(EXPLAINED_BY[prefix]) for d in diagnoses)


def unexplained_entry(symptom: str, diagnoses: list[str], note: str, start: int, end: int) -> bool:
    """The symptom at note[start:end] heads an entry of its own and no confirmed diagnosis explains it."""
    heads = heads_a_marked_entry if symptom.startswith(MARKED_ENTRY_ONLY) else heads_its_own_entry
    return not explained(symptom, diagnoses) and heads(note, start, end)
