"""A condition's diagnosis dated days or weeks ago, written in its own entry: the condition is current.

"PE dx last week -", "Sarcoidosis recently diagnosed.", "Newly diagnosed pleural effusion, R", "Cardiomyopathy
dx 2 wk ago (echo EF 40%)": the provider addresses a condition found a short time ago and still under care, not
one in the past (guidelines IV.C, IV.J). Such a date says when the condition was found, not that it has ended;
the words that do end it ("resolved", "hx", "prior", "remote") still make the entry a coder's to read. A
diagnosis dated months or years ago is left to the readings of past conditions ("dx 2015", "diagnosed 3 yr ago").
"""

# "recently/newly diagnosed", "new dx (of)", "newly dx'd", written before the condition
BEFORE = r"(?:recently|newly)[ \t]+(?:diagnosed|dx'?d)(?:[ \t]+with)?|new[ \t]+(?:dx|diagnosis)(?:[ \t]+of)?[ \t]*:?"

_RECENTLY = (r"(?:last|this|past)[ \t]+(?:week|wk|month|mo)|yesterday|today|"
             r"(?:\d{1,2}|a|one|two|three|few)[ \t]*(?:d|days?|wks?|weeks?)[ \t]+ago")
# written after it: "recently diagnosed", "newly dx'd", "dx/diagnosed last week / 2 wk ago / this month" ("dx" reaches
# the readings written out as "diagnosis")
AFTER = (rf"[ \t]+(?:(?:recently|newly)[ \t]+(?:diagnosed|dx'?d)|new[ \t]+dx|"
         rf"(?:dx|dx'?d|diagnosed|diagnosis)[ \t]+(?:{_RECENTLY}))")
