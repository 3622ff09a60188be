"""Body mass index Z68.-: the BMI the note states is coded beside the weight diagnosis it supports (ICD-10-CM
guidelines I.B.14 and I.C.21.c.3, and the "use additional code to identify body mass index" note at E66).

A BMI alone is not reported: it needs an associated reportable diagnosis (obesity, overweight, underweight,
malnutrition, abnormal weight gain). The ranges are read from the tabular's own descriptions ("Body mass index
[BMI] 33.0-33.9, adult"), so a code-set revision moves them with it. The adult codes are for patients 20 years
or older; a child's BMI is its percentile for age (Z68.5-, ages 2 to 19), coded from the percentile the note states
(a percentile from the 99th up may be 120% of the 95th or more, Z68.55/Z68.56: a coder reads the growth chart).
"""
import re

from services.coding.domain.suggestions import Suggestion, from_rule

NAME = "body-mass-index"
# diagnoses the BMI is reported with: obesity, overweight, underweight, malnutrition, abnormal weight gain
WEIGHT_DIAGNOSES = ("E66", "E43", "E44", "E45", "E46", "R63.5", "R63.6")
_BMI = re.compile(r"\bbmi\b(\s+(is|was|of|=|:))?\s*[:=]?\s*(\d{2}(\.\d+)?)", re.IGNORECASE)
# "45 y/o", "45-year-old", "45F": an age; "2 years s/p bypass", "for 3 years" are durations, not ages
_AGE = re.compile(r"\b(\d{1,2})[- ]?(y/?o|yo|(?:yrs?|years?)[- ]old)\b|\b(\d{1,2}) ?[mf]\b", re.IGNORECASE)
_PEDIATRIC = re.compile(r"\b(percentile|pediatric|child|adolescent|infant|toddler|teen\w*)\b", re.IGNORECASE)
# "BMI 96th percentile", "BMI at the 88th %ile for age", "BMI-for-age 97th pctl"
_PERCENTILE = re.compile(r"\bbmi\b[^.;\n\d]{0,20}(\d{1,2})(st|nd|rd|th)?\s*(percentile|%ile|%-ile|pctl)", re.IGNORECASE)
# the pediatric codes by the lowest percentile of their range; 99 and above are left to a coder (see the module)
_PERCENTILE_CODES = ((99, None), (95, "Z68.54"), (85, "Z68.53"), (5, "Z68.52"), (0, "Z68.51"))
_RANGE = re.compile(r"\[BMI\] (?:(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)|(\d+(?:\.\d+)?) or less|(\d+(?:\.\d+)?) or greater)"
                    r", adult")
ADULT_AGE = 20
# the adult subcategories of Z68 (their ranges come from the descriptions)
_ADULT_CODES = ("Z68.1", *(f"Z68.{tens}{unit}" for tens in (2, 3) for unit in range(10)),
                *(f"Z68.4{unit}" for unit in range(1, 6)))


def stated_bmi(text: str) -> float | None:
    match = _BMI.search(text)
    return float(match.group(3)) if match else None


def adult_bmi_code(value: float, tabular) -> str | None:
    """The adult Z68 code whose described range holds the value."""
    for code in _ADULT_CODES:
        if not tabular.is_billable(code):
            continue
        match = _RANGE.search(tabular.description(code))
        if match is None:
            continue
        low, high, at_most, at_least = match.groups()
        if (low and float(low) <= value < float(high) + 0.1) or (at_most and value < float(at_most) + 0.1) or \
                (at_least and value >= float(at_least)):
            return code
    return None


def _adult(note: str) -> bool:
    ages = [int(m.group(1) or m.group(3)) for m in _AGE.finditer(note)]
    return not _PEDIATRIC.search(note) and all(age >= ADULT_AGE for age in ages)


def pediatric_bmi_code(percentile: int) -> str | None:
    """The pediatric Z68.5- code of a BMI percentile for age."""
    return next(code for lowest, code in _PERCENTILE_CODES if percentile >= lowest)


def body_mass_index(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    weight = next((s for s in suggestions if s.code.startswith(WEIGHT_DIAGNOSES) and s.context == "affirmed"), None)
    if weight is None or any(s.code.startswith("Z68") for s in suggestions):
        return suggestions, []
    percentile = _PERCENTILE.search(note)
    match = percentile or _BMI.search(note)
    if match is None or (percentile is None and not _adult(note)):
        return suggestions, []
    code = pediatric_bmi_code(int(match.group(1))) if percentile else adult_bmi_code(float(match.group(3)), tabular)
    if code is None:
        return suggestions, []
    reason = f"{match.group(0)}: {code}, the BMI reported with {weight.code} ({weight.evidence})"
    return [*suggestions, from_rule(code, match, tabular, NAME, reason)], [reason]
