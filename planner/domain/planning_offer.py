"""The modules a path may still take, indexed for the route search.

Part of the planner. A set of modules is held as a bit mask over the offered modules:
routes share most of their prerequisites, and uniting and costing masks is far cheaper
than doing the same with sets of codes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from planner.domain.catalogue import LEVELS, Module, format_rank


@dataclass(frozen=True)
class Route:
    """A module that closes a gap, with every module it takes (``mask``), their hours and cost."""

    module: str
    mask: int
    hours: int
    cost: int = 0


class Offer:
    """The modules a path may still take, indexed per area and level by preference."""

    def __init__(
        self,
        modules: Mapping[str, Module],
        sector: str,
        phases: Iterable[str],
        excluded: Iterable[str],
        admits: Callable[[Module], bool] = lambda module: True,
    ) -> None:
        open_phases, excluded = set(phases), set(excluded)
        self.modules: dict[str, Module] = {
            code: module
            for code, module in modules.items()
            if code not in excluded
            and sector in module.sectors
            and not module.phases.isdisjoint(open_phases)
            and admits(module)
        }
        self._rank = {
            code: (module.hours, module.cost_eur, format_rank(module.format), code)
            for code, module in self.modules.items()
        }
        self._codes = sorted(self.modules, key=self._rank.__getitem__)
        self.bits = {code: 1 << position for position, code in enumerate(self._codes)}
        # reaching[area][level - 1]: every module bringing the area to at least that level,
        # cheapest first, so a search can stop at the first module dearer than its best route.
        self._reaching: dict[str, list[list[str]]] = {}
        reaching_positions: dict[str, list[list[int]]] = {}
        with_hours: dict[int, list[int]] = {}
        with_cost: dict[int, list[int]] = {}
        for position, code in enumerate(self._codes):
            module = self.modules[code]
            with_hours.setdefault(module.hours, []).append(position)
            with_cost.setdefault(max(0, module.cost_eur), []).append(position)
            for area, level in module.outcomes.items():
                if area not in self._reaching:
                    self._reaching[area] = [[] for _ in LEVELS]
                    reaching_positions[area] = [[] for _ in LEVELS]
                for reached in range(min(level, LEVELS[-1])):
                    self._reaching[area][reached].append(code)
                    reaching_positions[area][reached].append(position)
        self._reaching_mask = {
            area: [_mask(positions) for positions in lists] for area, lists in reaching_positions.items()
        }
        # Per bit of the hours (and of the cost), the modules whose figure has it: a
        # route's total in a few popcounts.
        self._hour_bits = _bit_masks(with_hours)
        self._cost_bits = _bit_masks(with_cost)

    def reaching(self, area: str, level: int) -> Sequence[str]:
        """The modules that bring the area to at least the level, most preferred first."""
        if level not in LEVELS or area not in self._reaching:
            return ()
        return self._reaching[area][level - 1]

    def reaching_mask(self, area: str, level: int) -> int:
        if level not in LEVELS or area not in self._reaching_mask:
            return 0
        return self._reaching_mask[area][level - 1]

    def best_level(self, area: str) -> int:
        """The highest level any offered module brings the area to; 0 if none does."""
        lists = self._reaching.get(area, [])
        return max((index + 1 for index, codes in enumerate(lists) if codes), default=0)

    def rank(self, code: str) -> tuple[int, int, int, str]:
        """Preference among modules: fewest hours, lowest cost, the shorter format, the code."""
        return self._rank[code]

    def hours(self, mask: int) -> int:
        return sum((mask & bits).bit_count() << bit for bit, bits in enumerate(self._hour_bits))

    def cost(self, mask: int) -> int:
        return sum((mask & bits).bit_count() << bit for bit, bits in enumerate(self._cost_bits))

    def codes(self, mask: int) -> list[str]:
        found = []
        while mask:
            lowest = mask & -mask
            found.append(self._codes[lowest.bit_length() - 1])
            mask ^= lowest
        return found


def _bit_masks(by_figure: Mapping[int, list[int]]) -> list[int]:
    masks = [0] * max(0, max(by_figure, default=0)).bit_length()
    for figure, positions in by_figure.items():
        mask = _mask(positions)
        for place in range(len(masks)):
            if figure >> place & 1:
                masks[place] |= mask
    return masks


def _mask(positions: list[int]) -> int:
    # Setting bits in a byte array and converting once avoids building a long integer
    # anew for every bit.
    bits = bytearray(max(positions, default=-1) // 8 + 1)
    for position in positions:
        bits[position >> 3] |= 1 << (position & 7)
    return int.from_bytes(bits, "little")
