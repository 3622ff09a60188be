"""A childhood condition the patient grew out of: "absence epilepsy, outgrown", "febrile seizures, grew out of them",
"asthma as a child, outgrew it by 12".

It is over: a past condition is not coded as current (guideline IV.J); where the index has a History entry, the
context rules give that. Not where the clause says it only might be ("may outgrow", "expected to outgrow"), is not
yet ("not outgrown", "has not grown out of it"), or came back.
"""
import re

# (the words are looked for first: the ones they may not follow are tried only where they stand)
OUTGROWN_AFTER = re.compile(
    r"^\W{0,3}(\w+\W+){0,7}?(?=outgr|grew out)(?<!\bnot )(?<!\bnever )(?<!\bnot yet )(?<!\bhas not )(?<!\bhasn't )"
    r"(?<!\bto )(?<!\bmay )(?<!\bmight )(?<!\bwill )(?<!\bcould )(?<!\bshould )"
    r"(outgrew|outgrown|grew out of (it|them|this|these))\b", re.IGNORECASE)
BACK_AGAIN = re.compile(r"\b(recurred|recurrence|returned|relapsed?|again|back|still)\b", re.IGNORECASE)
