"""Where a capability stands: its baseline, its target, and an estimate of where it is now.

The estimate is a rule, not a measurement: the plan's commitments under a capability are
what moves it from its baseline towards its target, so

    current = baseline + (target - baseline) × average progress of its public commitments

on the levels' order (1-4), rounded *down* to a level: a level counts as reached only
when the commitments have got all the way to it. With no public commitment yet the
capability stays at its baseline; without a baseline or a target there is no estimate.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class MaturityEstimate:
    baseline: object  # MaturityLevel | None
    target: object  # MaturityLevel | None
    current: object  # MaturityLevel | None
    progress: int | None  # average progress (%) of the public commitments, if any


def estimate(*, baseline, target, progress, levels) -> MaturityEstimate:
    """The current level of a capability, from its baseline, target and progress (0-100).

    `levels` are all maturity levels (any order); the estimate is always one of them.
    """
    progress = None if progress is None else max(0, min(100, round(progress)))
    if baseline is None or target is None:
        return MaturityEstimate(baseline, target, None, progress)
    share = (progress or 0) / 100
    value = baseline.order + (target.order - baseline.order) * share
    reached = [level for level in levels if baseline.order <= level.order <= value + 1e-9]
    current = max(reached, key=lambda level: level.order) if reached else baseline
    return MaturityEstimate(baseline, target, current, progress)
