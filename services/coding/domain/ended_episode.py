"""A past episode told to its end, and a condition named as the reason for a procedure that ended it.

Ended episode: a note tells a past episode as a short story after the condition, its time first and its end last,
with the treatment or the course between: "Postpartum depression after her first child in 2019, recovered within a
year with therapy", "Pericarditis in March 2025, treated with colchicine for 3 months, now resolved", "Shingles last
spring, long since cleared", "Panic attacks during the depression last year, none in 6 months". The end word
stands further from the condition than the `resolved` cue reaches, but the time before it says whose end it is:
an episode that is over (guideline I.C.21.c.4), not a current condition. The end word must open its own comma
item, or follow the time directly, so that another subject's end ("type 2 diabetes in 2015, foot ulcer healed")
does not end the condition named first. Not where the time dates an onset
("diagnosed in 2019", "since 2019"), nor where the clause says it is here again or only partly over.

Ended by a procedure: "aortic valve replacement 2019 for aortic stenosis", "cholecystectomy in 2021 for
gallstones". A procedure that removed, drained or replaced the diseased part, done at a past time, names the
condition it was done for as its reason; that condition is over, as one written before its procedure is
(`dated_past.ENDING_TREATMENT`), with or without "treated by" ("typical atrial flutter, CTI ablation 3 months ago");
so is a condition named by the procedure done on it at a past time ("left carpal tunnel release 2022": that side's
syndrome). Not a procedure planned, referred for or awaited, which has no past time.
"""
import re

from services.coding.domain.dated_past import ENDING_TREATMENT

_MONTH = (r"(january|february|march|april|may(?= (19|20)\d\d)|june|july|august|september|october|november|december|"
          r"jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)")
# a past time as written after the condition: a year, a month, a season, months or years ago, a stage of life (not
# weeks: an acute event's own rules read a recent one, "TIA 3 weeks ago, resolved" is Z86.73)
_PAST_TIME = (r"((19|20)\d\d|" + _MONTH + r"( (19|20)\d\d)?|last (winter|spring|summer|fall|autumn|year|yr)|"
              r"(\d+|a few|few|several|two|three|four|five|six) (months?|mos?|years?|yrs?) ago|"
              r"at (age )?\d{1,2}|as an? (child|teen|teenager|toddler|infant|adolescent)|in (college|school)|"
              r"in the past)")
# the words that say the episode ended
_END = (r"(resolved|recovered|cleared|healed|cured|ended|settled|corrected|gone|"
        # the episodes counted out since ("panic attacks last year, none in 6 months", "none since")
        r"none (since|in (\d+|the (past|last)) \w+)|"
        r"regained (full|normal) (range|motion|function|strength)|no (recurrence|relapse)s?|"
        # the outcome the procedure left, in its own item: "stone-free on CT since", "no triggering since" (the
        # condition's own sign; not "no symptoms since", which may follow another side's procedure and its time)
        r"stone-free|no (triggering|locking|palpitations) since|"
        # its course ("DVT L leg 2019 after knee surgery, completed 3 months of apixaban")
        r"(completed|finished)(?= (\d+ (days?|weeks?|wks?|months?|mos?) |(a |the |her |his |its )?(course|"
        r"treatment|therapy|antibiotics?|anticoagulation)\b)))")
# not an end denied or only partial
_NOT_BEFORE_END = "".join(rf"(?<!\b{word} )" for word in ("not", "never", "yet", "partially", "partly", "mostly",
                                                           "not fully", "not completely", "almost", "nearly"))
# the condition's own signs, which may be the subject of its end ("vision recovered", "rash since cleared"); not
# another condition's ("foot ulcer healed")
_OWN_SIGNS = r"(symptoms|the rash|rash|pain|vision|hearing|speech|function|strength|swelling|lesions?|lungs?)"
# the onset words that make a time the start of a current condition
_ONSET = r"(diagnosed|diagnosis|dx|since|started|starting|began|onset|first noted|noted|x|for)"
# (its end word looked for first: most clauses have none, and the rest of the pattern is slower to fail)
EPISODE_ENDED_AFTER = re.compile(
    r"^(?=[^.;]*?\b(resolv|recover|clear|heal|cure|ended|settled|correct|gone|regain|no re|complet|finish|none|stone-free|no (trigger|lock|palpit)))"
    r"[^\w.;]{0,3}((?!" + _ONSET + r"\b)[\w/'-]+[^\w.;]+){0,8}?(in |during |around |on |after )?" + _PAST_TIME +
    r"\b(([^.;]{0,80}?(,|\s-|\band\b)\s*((now|then|since|fully|completely|has|had|have|was|were|long|all|"
    r"it|she|he|they|" + _OWN_SIGNS + r") ){0,4})|\W{1,3}((has|had|was|long|since|now|fully|completely) ){0,4})"
    + _NOT_BEFORE_END + _END + r"\b", re.IGNORECASE)
# the clause says the condition is here now after all, or that the episode only partly ended ("chronic" of the
# lung disease's own name says nothing of its course: "lung transplant 2021 for chronic obstructive pulmonary disease")
EPISODE_GOES_ON = re.compile(r"\b(still|persists?|persistent|persisting|ongoing|continues|continuing|again|recurred|"
                             r"relapsed|returned|recurrent|flares?|flaring|residual|chronic(?! obstructive)|worse|"
                             r"worsening|"
                             r"(?<!\bno )recurrences?|(?<!\bno )relapses?)\b", re.IGNORECASE)

# the clause read by another rule, which knows the History entry: "Hx of ..." (the history context), a stone
# "passed" (`passed_stone`: Z87.442)
EPISODE_READ_OTHERWISE = re.compile(EPISODE_GOES_ON.pattern + r"|\b(hx|h/o|history) of\b|\bpassed\b", re.IGNORECASE)

# the procedure done at a past time for the condition written after it
# (anchored, its closing "for" looked for first: the procedures' names are slow to try at every word)
PROCEDURE_DONE_FOR_BEFORE = re.compile(
    r"^(?=[^.;]*\bfor (an? |the |his |her |symptomatic |severe )?$)[^.;]*?"
    r"\b(" + ENDING_TREATMENT + r"|repair)\b[^.;:]{0,25}?\b((in |on )?(19|20)\d\d|"
    r"(\d+|a few|several|two|three) (months?|years?|yrs?) ago)\W{1,3}for (an? |the |his |her |symptomatic |severe )?$",
    re.IGNORECASE)
PROCEDURE_NOT_DONE = re.compile(r"\b(planned|scheduled|referred|referral|awaiting|await|candidate|consider|"
                                r"considering|recommended|evaluation for|eval for|pending)\b", re.IGNORECASE)

# the part the procedure was done on, named between ("trigger thumb, A1 pulley release 2024"): at most two words and
# never a side, which would name another part than the condition's ("R carpal tunnel syndrome, L carpal tunnel
# release 2022": the right side's syndrome goes on)
_SITE_NAMED = r"(?!(l|r|left|right|bilat\w*|both|other|contralateral)\b)[a-z][\w-]* (?!(l|r|left|right)\b)([a-z][\w-]* )?"
# the condition named by the procedure done on it, at a past time: "left carpal tunnel release 2022", "umbilical hernia
# repair 3 years ago" (the side or site released or repaired is over; the other side may not be)
PROCEDURE_ON_IT_AFTER = re.compile(
    r"^\W{0,2}(" + _SITE_NAMED + r")?(release|repair|decompression|excision|removal|reconstruction)\b[^.;,]{0,20}?\b"
    r"((in |on )?(19|20)\d\d|(\d+|a few|several|two|three) (months?|years?|yrs?) ago)\b", re.IGNORECASE)

# a condition the treatment caused ("hypothyroidism after radioactive iodine for Graves disease") is its result,
# not what it ended
_CAUSED_BY = r"(after|following|post|from|due|secondary|caused|induced)"
_POST_PROCEDURE = r"post-?(ablative|ablation|surgical|operative|op|procedural|radiation|\w*ectomy)"
# the procedure that ended it written after the condition, with its past time: "typical atrial flutter, cavotricuspid
# isthmus ablation 3 months ago", "empyema drained by VATS decortication in October", "gallstones treated by
# laparoscopic cholecystectomy 2024, no pain since"
PROCEDURE_DONE_AFTER = re.compile(
    r"^(?=[^.;]*?(\b(19|20)\d\d\b|\bago\b|\blast\b|\bin the past\b|\bat (age )?\d|\bas an? \w|\bin (college|school)\b|"
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)))"
    r"[^\w.;]{0,3}((?!(" + _ONSET + r"|" + _CAUSED_BY + r"|" + _POST_PROCEDURE + r")\b)[\w/'-]+[^\w.;]+){0,4}?"
    r"((s/p|status post|treated|drained|managed|cured|repaired|removed)\s+)?((with|by|via)\s+)?(an? )?"
    r"((?!" + _CAUSED_BY + r"\b)[\w-]+ ){0,2}?"
    r"(" + ENDING_TREATMENT + r")\b[^.;,]{0,25}?\b(in |on )?" + _PAST_TIME + r"\b", re.IGNORECASE)
# ... where the clause says the procedure came first and the condition after it ("postablative hypothyroidism")
PROCEDURE_CAUSED_IT = re.compile(r"\b" + _POST_PROCEDURE + r"\b", re.IGNORECASE)

# each reading's words, in two rules of the scope reading: what ended it (resolved) and the procedure after it (dated)
ENDED_UNLESS = re.compile(EPISODE_READ_OTHERWISE.pattern + "|" + PROCEDURE_NOT_DONE.pattern, re.IGNORECASE)
PROCEDURE_AFTER = re.compile(PROCEDURE_ON_IT_AFTER.pattern + "|" + PROCEDURE_DONE_AFTER.pattern, re.IGNORECASE)
PROCEDURE_AFTER_UNLESS = re.compile(ENDED_UNLESS.pattern + "|" + PROCEDURE_CAUSED_IT.pattern, re.IGNORECASE)
