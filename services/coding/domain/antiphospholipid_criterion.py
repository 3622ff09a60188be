"""A lupus anticoagulant named in the sentence that diagnoses the antiphospholipid syndrome ("lupus anticoagulant
positive twice - antiphospholipid syndrome") is the syndrome's laboratory criterion, not the lupus anticoagulant
syndrome D68.62 beside it (the tabular puts a lupus anticoagulant finding without a diagnosis at R76.0).
"""
from services.coding.domain.convention_gates import needs
from services.coding.domain.note_text import sentence_start
from services.coding.domain.suggestions import Suggestion

NAME = "antiphospholipid-criterion"


@needs(codes=("D68.62",))
def antiphospholipid_criterion(suggestions: list[Suggestion], note: str,
                               tabular) -> tuple[list[Suggestion], list[str]]:
    syndrome = {sentence_start(note, s.start) for s in suggestions if s.code == "D68.61" and s.context == "affirmed"}
    criterion = [s for s in suggestions if s.code == "D68.62" and sentence_start(note, s.start) in syndrome]
    if not criterion:
        return suggestions, []
    return [s for s in suggestions if s not in criterion], [f"{s.evidence}: the antiphospholipid syndrome's "
                                                            f"laboratory criterion, not D68.62" for s in criterion]
