"""Generated catalogues and requests for the benchmarks: a layered random DAG.

Modules in deeper layers bring higher levels and require modules of earlier layers,
mostly of the layer just before, the way a real catalogue builds from orientation
courses up to master modules.
"""

from __future__ import annotations

import random

from planner.domain.catalogue import FORMATS, PHASES, SECTORS, Module
from planner.domain.planning import PlanRequest
from planner.domain.targets import TargetEntry, add_specialisms, merge_targets

SUPPORT_AREAS = ("LEES", "REKEN", "EXEC", "HB", "GEDRAG", "SOCEMO", "ASS", "TAAL", "NT2", "MEDISCH")
BASIS_AREAS = ("DIFF", "KLAS", "OPP", "OUDERS", "SAMEN", "HOUDING", "STELSEL")
AREAS = SUPPORT_AREAS + BASIS_AREAS
LAYERS = 8
HOURS = {
    "training-one-day": 8,
    "lesson-observation": 6,
    "team-study-day": 8,
    "intervision": 12,
    "coaching": 10,
    "training-multi-day": 24,
    "buddy-programme": 20,
    "elective": 84,
    "placement-go": 112,
    "specialisation-track": 168,
    "master-module": 140,
    "minor": 840,
}


def catalogue(size: int, edges: int, seed: int = 2024) -> list[Module]:
    rng = random.Random(seed)
    layer_of = [index * LAYERS // size for index in range(size)]
    starts = [layer_of.index(layer) for layer in range(LAYERS)]
    requires: list[set[int]] = [set() for _ in range(size)]
    later = starts[1]
    placed = 0
    while placed < edges:
        index = rng.randrange(later, size)
        layer = layer_of[index]
        # Mostly the layer just before, sometimes any earlier one.
        low = starts[layer - 1] if rng.random() < 0.7 else 0
        required = rng.randrange(low, starts[layer])
        if required not in requires[index]:
            requires[index].add(required)
            placed += 1
    return [_module(rng, index, layer_of[index], sorted(requires[index])) for index in range(size)]


def _module(rng: random.Random, index: int, layer: int, requires: list[int]) -> Module:
    level = 1 + layer * 5 // LAYERS
    area = rng.choice(AREAS)
    outcomes = {area: level}
    if rng.random() < 0.4:
        outcomes[rng.choice([other for other in AREAS if other != area])] = max(1, level - 1)
    entry = {area: level - 1} if level > 1 and rng.random() < 0.3 else {}
    shortest = min(len(FORMATS) - 1, layer + rng.randrange(3))
    format = FORMATS[rng.randrange(max(0, shortest - 4), shortest + 1)]
    if level <= 2:
        phases = {"initial", "induction"} | ({"experienced"} if rng.random() < 0.5 else set())
    elif level == 3:
        phases = {"induction", "experienced"}
    else:
        phases = {"experienced"} | ({"induction"} if rng.random() < 0.3 else set())
    sectors = {"po"} | set(rng.sample(SECTORS, rng.randrange(0, 4)))
    return Module(
        code=f"M{index:05d}",
        hours=HOURS[format],
        format=format,
        phases=frozenset(phases),
        sectors=frozenset(sectors),
        outcomes=outcomes,
        requires_modules=tuple(f"M{required:05d}" for required in requires),
        requires_levels=entry,
    )


def default_targets(sector: str, specialisms: tuple[str, ...] = ("ASS", "TAAL")) -> dict:
    """The default end-of-phase targets of the design (§4)."""
    entries = [
        TargetEntry("initial", "*", dict.fromkeys(BASIS_AREAS, 2) | dict.fromkeys(SUPPORT_AREAS, 1)),
        TargetEntry(
            "induction",
            "*",
            dict.fromkeys(AREAS, 2) | dict.fromkeys((*BASIS_AREAS, "GEDRAG", "SOCEMO"), 3),
        ),
        TargetEntry("experienced", "*", {"DIFF": 4, "KLAS": 4, "GEDRAG": 4}),
    ]
    return add_specialisms(merge_targets(entries, sector), specialisms)


def teacher_request(modules: list[Module], seed: int = 7) -> PlanRequest:
    rng = random.Random(seed)
    return PlanRequest(
        modules={module.code: module for module in modules},
        levels={area: rng.randrange(0, 3) for area in AREAS},
        sector="po",
        phase="induction",
        years={"induction": 2, "experienced": 3},
        targets=default_targets("po"),
        budget=dict.fromkeys(PHASES, 60),
        wishes=frozenset({"ASS"}),
        priorities=frozenset({"NT2"}),
        heavy_class=True,
    )
