"""A form's answer printed after a condition's label: "Retinopathy: No", "Suicidal ideation: Denies", "Stroke - no",
"Prior fractures? None", "Tobacco use: Never", "Asthma - N", "OSA: [ ]", "ROS: fever -".

Intake forms, flowsheets and templated histories print each condition as a label with the answer after it. An
answer of no, none, never, denies, negative, N or an empty box standing alone (the item ends after it, or a comma
or a parenthesis follows: "Retinopathy: No (dilated exam normal)"), or a review of systems' bare minus closing the
item, says the condition is absent, as "no retinopathy" does. A "no" that goes on to name something
("Hypertension: no change", "COPD - no exacerbation this year") speaks of the condition, which is then present,
and is not read; a smoking status's "Never smoker" is an answer of never. The label may hold a few words more
("Falls in past year: No", "Stroke or TIA - no"). A clinician's note writes the same question as a talk or a
review and the answer after a comma ("Myalgias discussed, none", "Sedation reviewed, denies"): the harm or symptom
talked about was asked after and is absent.
"""

ANSWERED_NO = "answered-no"
# the label's remaining words, its colon, question mark or dash, and the bare answer (each word taken whole: a word
# cut short could only be followed by its own next letter, so the engine is spared retrying them)
ANSWERED_NO_AFTER = (r"^(?:(?:[ \t]++[\w/'-]++){0,4}?[ \t]*(?::|\?|[ \t]-+|[ \t]?[–—])[ \t]*"
                     r"(?:no|none|never( smoker| user| used)?|denies|denied|negative|neg|absent|n|\[ ?\])"
                     # a review of systems' bare minus: "ROS: fever -, cough +"
                     r"|[ \t]+-"
                     # the question told as asked, then its answer after a comma: "Tremor discussed, none", "Rash on
                     # lamotrigine reviewed, denies" (the label's words hold no dash here, so a diagnosis written
                     # before a dash is not the label: "DM2 - retinopathy discussed, none" keeps the diabetes)
                     r"|(?:[ \t]++[\w/']++){0,3}?[ \t]++(?:discussed|reviewed|asked(?: about)?|screened|assessed|"
                     r"addressed|inquired|checked)[ \t]*,[ \t]*(?:none|no|denies|denied|negative|neg|absent))"
                     # closing the item, before a table's next cell or, after two spaces, the next capitalised label
                     r"(?=[ \t]*($|[.;,(|\n])|(?-i:[ \t]{2,}[A-Z]))")
