"""Injuries as notes word them, where the ICD-10-CM alphabetic index sends them: "Sprain, ankle" S93.40-,
"Sprain, knee" S83.9-, "Sprain, wrist" S63.50-, "Strain, low back" S39.012, "Strain, neck" S16.1,
"Fracture, ankle" S82.89-, "Fracture, radius, distal end" S52.50-, "Fracture, rib, multiple" S22.4-,
"Dislocation, shoulder" S43.00- (anterior S43.01-, posterior S43.02-). The tabular words them otherwise ("Sprain of
unspecified ligament of right ankle"), so the term index does not meet "sprain of R ankle" or "low back strain".

Each is the unspecified-side code lacking its 7th character: the laterality rule takes the side the sentence
states and the 7th-character rule the encounter it states; without either, the suggestion waits for a coder.
"""
from services.coding.domain.note_text import word_pattern as _words

_SIDE = r"(the |his |her )?(right |left )?"
# (words, codes the index may have found on them, the code, why)
INJURIES = (
    (_words(rf"sprain(ed)? (of )?{_SIDE}ankle|{_SIDE}ankle sprain"), ("S93",), "S93.409",
     "ankle sprain, ligament unspecified"),
    (_words(rf"sprain(ed)? (of )?{_SIDE}knee|{_SIDE}knee sprain"), ("S83",), "S83.90", "knee sprain, site unspecified"),
    (_words(rf"sprain(ed)? (of )?{_SIDE}wrist|{_SIDE}wrist sprain"), ("S63",), "S63.509", "wrist sprain"),
    (_words(r"(low|lower) back strain|lumbar strain|strain of (the )?(low|lower) back|lumbosacral strain"),
     ("S39",), "S39.012", "strain of muscle, fascia and tendon of lower back"),
    (_words(r"neck strain|cervical strain|strain of (the )?neck"), ("S16",), "S16.1",
     "strain of muscle, fascia and tendon at neck level"),
    (_words(rf"fracture(d)? (of )?{_SIDE}ankle|{_SIDE}ankle fracture"), ("S82",), "S82.899",
     "ankle fracture, type unspecified"),
    # "Dislocation, shoulder" S43.00-, anterior S43.01-, posterior S43.02- (the tabular: "... of humerus")
    (_words(rf"anterior (shoulder )?dislocation (of )?{_SIDE}(shoulder|humerus)|{_SIDE}anterior shoulder dislocation|"
            rf"anterior dislocation of {_SIDE}shoulder"), ("S43",), "S43.016", "anterior dislocation of the shoulder"),
    (_words(rf"posterior (shoulder )?dislocation (of )?{_SIDE}(shoulder|humerus)|{_SIDE}posterior shoulder dislocation"),
     ("S43",), "S43.026", "posterior dislocation of the shoulder"),
    (_words(rf"(?<!anterior )(?<!posterior )dislocation (of )?{_SIDE}shoulder|(?<!anterior )(?<!posterior )"
            rf"{_SIDE}shoulder dislocation|dislocated {_SIDE}shoulder"), ("S43",), "S43.006",
     "dislocation of the shoulder, direction unspecified"),
    (_words(rf"fracture(d)? (of )?{_SIDE}distal radius|{_SIDE}distal radius fracture|{_SIDE}distal radial fracture"),
     ("S52",), "S52.509", "fracture of the lower end of the radius, type unspecified"),
    # "Fracture, rib, multiple" S22.4-: two or more ribs broken, however counted ("fractures of two left ribs")
    (_words(r"fractures (of )?(the |his |her )?((right|left|two|three|four|five|several|multiple|\d+) ){1,2}ribs|"
            r"(multiple|two|three|four|five|several) ((right|left) )?rib fractures"), ("S22",), "S22.49",
     "multiple fractures of ribs"),
    # "Fracture, buckle - see Fracture, torus": a child's distal radius buckle fracture is S52.52-
    (_words(rf"{_SIDE}distal radius (buckle|torus)( \((buckle|torus)\))? fracture|(buckle|torus) fracture (of )?(the )?"
            rf"{_SIDE}distal radius|(buckle|torus) fracture (of )?(the )?distal (right |left )?radius"), ("S52",),
     "S52.529", "torus (buckle) fracture of the lower end of the radius"),
    # "Crush, crushed, crushing (injury)", by site: the tabular's "Crushing injury of ... lower leg" and so on
    (_words(rf"crush(ed|ing)? injury (of|to) {_SIDE}(lower leg|calf|shin)|{_SIDE}(lower leg|calf) crush injury"),
     ("S87", "S89", "T14"), "S87.80", "crushing injury of the lower leg"),
    (_words(rf"crush(ed|ing)? injury (of|to) {_SIDE}foot|{_SIDE}foot crush injury"), ("S97", "S99", "T14"), "S97.80",
     "crushing injury of the foot"),
    (_words(rf"crush(ed|ing)? injury (of|to) {_SIDE}hand|{_SIDE}hand crush injury"), ("S67", "S69", "T14"), "S67.20",
     "crushing injury of the hand"),
    (_words(rf"crush(ed|ing)? injury (of|to) {_SIDE}forearm|{_SIDE}forearm crush injury"), ("S57", "S59", "T14"),
     "S57.80", "crushing injury of the forearm"),
    # "Strain, leg, lower, posterior muscle group": the calf's muscles other than the Achilles tendon
    (_words(rf"strain(ed)? (of )?{_SIDE}(calf|gastrocnemius)( muscle)?|{_SIDE}(calf|gastrocnemius)( muscle)? strain|"
            rf"{_SIDE}medial gastrocnemius strain"), ("S86", "M79", "T14"), "S86.119",
     "strain of the posterior muscle group at lower leg level (calf)"),
    # "Bite, hand - see Bite, by site, open": an animal's or a person's bite breaking the skin of the hand S61.45-
    (_words(rf"(dog|cat|animal|human) bite (of|to|on) {_SIDE}hand|bitten on {_SIDE}hand( by (a|the|their|her|his) "
            r"(\w+ )?(dog|cat))?"), ("S61", "W54", "W55", "T14"), "S61.459", "open bite of the hand"),
    # "Sprain, thumb, metacarpophalangeal": the thumb's MCP joint (its ulnar collateral ligament: skier's thumb)
    (_words(rf"sprain(ed)? (of )?(the )?(mcp|metacarpophalangeal) joint (of )?{_SIDE}thumb|{_SIDE}thumb (mcp|"
            rf"metacarpophalangeal)( joint)? sprain|(skier's|gamekeeper's) thumb"), ("S63",), "S63.649",
     "sprain of the metacarpophalangeal joint of the thumb"),
)
