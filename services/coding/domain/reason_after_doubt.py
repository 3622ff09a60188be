"""A doubted diagnosis, then a dash or colon, then the signs it is doubted for: "Possible UTI - dysuria and
frequency", "Suspected heart failure: leg edema", "Cannot rule out TIA - slurred speech". The signs are what the
clinician found and why the diagnosis is weighed; outpatient, where the diagnosis is not established, they are
what is coded (guideline IV.H), as after "r/o pneumonia - cough". Only across the dash or colon: "possible
migraine vs syncope" doubts both.
"""
import re

_DOUBT = re.compile(r"possible|possibly|probable|probably|suspected|suspect|suspicious for|likely|presumed|"
                    r"questionable|query|concern for|concerning for|(cannot|can not|can't) (rule out|exclude)",
                    re.IGNORECASE)


def doubts_then_reason(cue: str) -> bool:
    """The cue doubts the diagnosis it names first; the words after the dash or colon are its reason."""
    return bool(_DOUBT.fullmatch(cue.strip()))
