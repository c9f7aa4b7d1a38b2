"""Target profiles: the level per area a teacher should reach by the end of each phase.

Targets are data per framework and sector; a school may raise them for its own teachers
and a teacher in the experienced phase chooses up to two specialisms.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from planner.domain.catalogue import ANY_SECTOR, GO_TYPES, LEVELS, PHASES, SECTORS, TargetEntry

__all__ = [
    "MAX_SPECIALISMS",
    "TargetEntry",
    "Targets",
    "add_specialisms",
    "cumulative",
    "merge_targets",
    "raise_targets",
]

Targets = dict[str, dict[str, int]]

MAX_SPECIALISMS = 2


def merge_targets(entries: Iterable[TargetEntry], sector: str, go_type: str | None = None) -> Targets:
    """The targets for one sector: its own levels override the general ones per area, and
    in go the levels of the kind of school (sbo, so, vso) override the sector's."""
    if sector not in SECTORS:
        raise ValueError(f"unknown sector {sector!r}; expected one of {', '.join(SECTORS)}")
    kind = go_type if sector == "go" and go_type in GO_TYPES else None
    layers: list[Targets] = [{phase: {} for phase in PHASES} for _ in range(3)]
    for entry in entries:
        _check_phase(entry.phase)
        _check_levels(entry.levels)
        if entry.sector == ANY_SECTOR:
            layers[0][entry.phase].update(entry.levels)
        elif entry.sector == sector:
            layers[1][entry.phase].update(entry.levels)
        elif kind is not None and entry.sector == kind:
            layers[2][entry.phase].update(entry.levels)
        elif entry.sector not in SECTORS and entry.sector not in GO_TYPES:
            raise ValueError(f"unknown sector {entry.sector!r} in the targets")
    return {phase: _sorted({**layers[0][phase], **layers[1][phase], **layers[2][phase]}) for phase in PHASES}


def raise_targets(
    targets: Mapping[str, Mapping[str, int]], raises: Mapping[str, Mapping[str, int]]
) -> Targets:
    """Targets with a school's raises applied; a raise below the target leaves it as it is."""
    result = _copy(targets)
    for phase, levels in raises.items():
        _check_phase(phase)
        _check_levels(levels)
        _raise(result[phase], levels)
    return _sorted_all(result)


def add_specialisms(
    targets: Mapping[str, Mapping[str, int]],
    specialisms: Iterable[str],
    phase: str = "experienced",
    level: int = LEVELS[-1],
) -> Targets:
    """Targets with the chosen specialisms at specialist level in the given phase."""
    chosen = list(dict.fromkeys(specialisms))
    if len(chosen) > MAX_SPECIALISMS:
        raise ValueError(f"at most {MAX_SPECIALISMS} specialisms can be chosen, got {len(chosen)}")
    _check_phase(phase)
    _check_levels(dict.fromkeys(chosen, level))
    result = _copy(targets)
    _raise(result[phase], dict.fromkeys(chosen, level))
    return _sorted_all(result)


def cumulative(targets: Mapping[str, Mapping[str, int]]) -> Targets:
    """Targets in which no phase asks less than an earlier phase already did."""
    result = _copy(targets)
    reached: dict[str, int] = {}
    for phase in PHASES:
        _raise(reached, result[phase])
        result[phase] = dict(reached)
    return _sorted_all(result)


def _raise(levels: dict[str, int], raises: Mapping[str, int]) -> None:
    for area, level in raises.items():
        levels[area] = max(levels.get(area, 0), level)


def _copy(targets: Mapping[str, Mapping[str, int]]) -> Targets:
    for phase in targets:
        _check_phase(phase)
    return {phase: dict(targets.get(phase, {})) for phase in PHASES}


def _sorted(levels: Mapping[str, int]) -> dict[str, int]:
    return dict(sorted(levels.items()))


def _sorted_all(targets: Targets) -> Targets:
    return {phase: _sorted(levels) for phase, levels in targets.items()}


def _check_phase(phase: str) -> None:
    if phase not in PHASES:
        raise ValueError(f"unknown phase {phase!r}; expected one of {', '.join(PHASES)}")


def _check_levels(levels: Mapping[str, int]) -> None:
    for area, level in levels.items():
        if level not in LEVELS:
            raise ValueError(f"level {level!r} for {area} is outside {LEVELS[0]}..{LEVELS[-1]}")
