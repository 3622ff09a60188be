"""What an EEG records, not what the patient has: hyperventilation and photic stimulation are the activation
procedures a routine EEG runs, and drowsiness and sleep are the states it records ("Photic stimulation and
hyperventilation without change", "sharp transients in drowsiness", "drowsiness with normal sleep architecture").
The index's R06.4 (hyperventilation) and R40.0 (somnolence) found in a sentence told in the recording's words, in a
note that names the EEG, describe the test and are dropped; a patient's own hyperventilation or daytime drowsiness,
told without those words, is kept.
"""
import re

from services.coding.domain.convention_gates import needs
from services.coding.domain.note_text import sentence
from services.coding.domain.suggestions import Suggestion

NAME = "eeg-recording-state"
RECORDING_STATE_CODES = ("R06.4", "R40.0")
_EEG = re.compile(r"\b(v?eeg|electroencephalogra\w*)\b", re.IGNORECASE)
# the words a sentence about the recording is told in: its procedures, its background and its findings
_RECORDING_WORDS = re.compile(r"\b(eeg|photic|stimulation|background|posterior dominant|alpha|rhythm|transients?|"
                              r"discharges?|spikes?|sharp waves?|epileptiform|slowing|sleep (architecture|spindles|"
                              r"stages?)|stage (1|2|n1|n2) sleep|recording|recorded|tracing)\b", re.IGNORECASE)


def recording_state(note: str, s: Suggestion) -> bool:
    """`s` is hyperventilation or drowsiness told as a state of the EEG the note reports."""
    return (s.code in RECORDING_STATE_CODES and _EEG.search(note) is not None
            and _RECORDING_WORDS.search(sentence(note, s.start, s.end)) is not None)


@needs(codes=RECORDING_STATE_CODES)
def eeg_recording_states(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    dropped = [s for s in suggestions if recording_state(note, s)]
    return ([s for s in suggestions if s not in dropped],
            [f"{s.evidence}: a state the EEG recorded, not {s.code}" for s in dropped])
