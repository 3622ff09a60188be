"""When a diagnosis code that only the note supports may be billed without a coder.

A code the provider sent is the provider's claim and is billed as sent. A code suggested from the note alone
is billed without review only where the tenant turned auto-accept on, its confidence reaches the tenant's
threshold, and the suggester's measured precision at that threshold meets the target (or the tenant accepted
the lower figure explicitly). Everything else waits for a coder: a wrong code on a claim is a compliance risk.
"""
from bisect import bisect_left
from dataclasses import dataclass

TARGET_PRECISION = 0.95
DEFAULT_THRESHOLD = 0.9  # the confidence at or above which a tenant's note-only codes may be billed unreviewed


@dataclass(frozen=True)
class AccuracyPoint:
    """Precision and recall of the suggestions that reach `threshold`, over the labeled notes."""

    threshold: float
    suggested: int
    true_positives: int
    expected: int

    @property
    def precision(self) -> float | None:
        return self.true_positives / self.suggested if self.suggested else None

    @property
    def recall(self) -> float:
        return self.true_positives / self.expected if self.expected else 0.0


@dataclass(frozen=True)
class AccuracyCurve:
    """The evaluation of the labeled note set at every confidence a suggestion took (ascending)."""

    points: tuple[AccuracyPoint, ...]
    notes: int
    labeled_sets: tuple[str, ...] = ()

    def at(self, threshold: float) -> AccuracyPoint:
        """A threshold admits exactly the suggestions at the smallest measured confidence at or above it."""
        index = bisect_left([p.threshold for p in self.points], threshold - 1e-9)
        if index < len(self.points):
            return self.points[index]
        expected = self.points[-1].expected if self.points else 0
        return AccuracyPoint(threshold=threshold, suggested=0, true_positives=0, expected=expected)


@dataclass(frozen=True)
class AutoAcceptPolicy:
    """A tenant's choice (off unless it turned it on) and the measured precision at its threshold."""

    enabled: bool = False
    threshold: float = DEFAULT_THRESHOLD
    measured_precision: float | None = None
    accepted_below_target: bool = False


AUTO_ACCEPT_OFF = AutoAcceptPolicy()


def below_target(precision: float | None) -> bool:
    """Unmeasured precision (no labeled suggestion reaches the threshold) counts as below the target."""
    return precision is None or precision < TARGET_PRECISION


def precision_warning(threshold: float, precision: float | None) -> str | None:
    """What a tenant must know before billing note-only codes at this threshold, if anything."""
    if precision is None:
        return (f"no suggestion in the labeled notes reaches {threshold:.2f}: precision at this threshold is "
                f"unmeasured, below the {TARGET_PRECISION:.2f} target")
    if precision < TARGET_PRECISION:
        return (f"measured precision {precision:.3f} at threshold {threshold:.2f} is below the "
                f"{TARGET_PRECISION:.2f} target: about {1 - precision:.0%} of auto-accepted note-only codes "
                "would be wrong")
    return None


def auto_accept_blocker(policy: AutoAcceptPolicy) -> str | None:
    """Why note-only codes need a coder for this tenant, or None when they may be billed without one."""
    if not policy.enabled:
        return "auto-accept of codes from the note is off for this tenant"
    if below_target(policy.measured_precision) and not policy.accepted_below_target:
        return (f"measured precision at {policy.threshold:.2f} is below the {TARGET_PRECISION:.2f} target and the "
                "tenant has not accepted it")
    return None


def note_code_decision(code_is_provider_sent: bool, confidence: float, policy: AutoAcceptPolicy) -> str:
    """provider (billed as sent) | accepted (billed without review) | pending (a coder decides)."""
    if code_is_provider_sent:
        return "provider"
    if auto_accept_blocker(policy) is None and confidence >= policy.threshold:
        return "accepted"
    return "pending"


def settings_problem(*, auto_accept: bool, accept_below_target_precision: bool, threshold: float,
                     precision: float | None) -> tuple[str, str] | None:
    """The (field, message) that makes a tenant's requested settings unsafe or meaningless, or None."""
    if accept_below_target_precision and not auto_accept:
        return "accept_below_target_precision", "only applies together with auto_accept: true"
    if auto_accept and below_target(precision) and not accept_below_target_precision:
        return "accept_below_target_precision", (
            f"{precision_warning(threshold, precision)}; raise auto_accept_threshold or set "
            "accept_below_target_precision to true to bill them anyway")
    return None
