"""A test named beside a condition measures it and names no kind of it: "Hyperlipidemia, LDL at goal" and
"Hyperlipidemia - fasting lipid panel" are no more specific a hyperlipidemia ("LDL" and "fasting" are words of other
E78 codes: an LDL-type hyperlipoproteinemia, a fasting chylomicronemia), as "LDL 92" is a number, not a kind."""
import re

_TESTED = r"ldl|hdl|non-hdl|lipids?|cholesterol|triglycerides?|a1c|hba1c|tsh|bp|inr"
# a test ordered or drawn ("fasting lipid panel", "lipid profile"), or its result against a goal ("LDL at goal",
# "LDL not at goal", "A1c above goal")
TEST_PHRASE = re.compile(rf"\b(fasting |repeat |annual )?(lipid|lipids|a1c|thyroid) (panel|profile|level|studies)\b|"
                         rf"\b({_TESTED})( cholesterol| level)? (is |was |remains )?(not )?"
                         rf"(at|above|below|near|to|within) (goal|target)\b", re.IGNORECASE)
