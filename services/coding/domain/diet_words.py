"""What is eaten is no finding: "low sodium diet", "high potassium foods", "calcium-rich diet", "high sugar intake"
and "a low cholesterol diet" name a diet, a food or an intake, not a result the note calls abnormal, nor a
condition ("high cholesterol", "low sugar"), nor a kind of the condition beside them ("hyperlipidemia on a low
cholesterol diet" is no more specific a hyperlipidemia)."""
import re

_EATEN = r"diets?|intake|foods?|meals?|snacks?|drinks?|salt|supplements?|supplementation|restriction"
# after an analyte's or a finding's words: the diet, food or intake they qualify ("sodium diet", "calcium-rich")
NOT_A_DIET = rf"(?![\s-]+({_EATEN}|rich|containing)\b)"
# a whole diet phrase, whose words are no qualifier of the condition they are written beside
DIET_PHRASE = re.compile(rf"\b(low|high|reduced|restricted)[\s-]+([\w]+[\s-]+)?({_EATEN})\b|"
                         rf"\b\w+[\s-]rich[\s-]+({_EATEN})\b", re.IGNORECASE)
# the diet a counselling or a plan names in its parentheses: "Dietary counseling (DASH, low sodium)", "diet (low
# sodium)" (what is advised, not a result)
_DIET_ADVICE_OPEN = re.compile(r"\bdiet\w*[^()\n.]{0,30}\(([^()\n]*[,;/]\s*)?$", re.IGNORECASE)


def in_diet_advice(note: str, start: int) -> bool:
    """The words at `start` stand inside the parentheses of a diet the note advises."""
    return _DIET_ADVICE_OPEN.search(note, max(0, start - 80), start) is not None
