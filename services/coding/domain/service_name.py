"""A relative's word that names the clinic or service, not a relative: "Child psych f/u", "Child and adolescent
psychiatry", "Family medicine visit". ConText counts "child" and "family" among its family cues, which would make
the patient's own diagnosis after such a heading a relative's (a Z81-Z84 family history code in place of it); the
word there says whom the service sees, and the note's diagnoses are the patient's."""
import re

# the service or clinic a "child(ren's)" or "family" heading word can name
_SERVICE_AFTER = re.compile(
    r"^\s*(and adolescent |& adolescent |/adolescent )?"
    r"(psych\w*|neuro\w*|development\w*|clinic|medicine|practice|physician|doctor|np|nurse practitioner|"
    r"health (center|clinic)|protective|study team|life|guidance)\b",
    re.IGNORECASE)
_SERVICE_WORDS = frozenset({"child", "children", "children's", "family"})


def names_a_service(word: str, text_after: str) -> bool:
    """The family cue `word`, followed by `text_after`, is the name of a service ("Child psych"), not a relative."""
    return word.lower() in _SERVICE_WORDS and _SERVICE_AFTER.match(text_after) is not None
