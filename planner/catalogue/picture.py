"""Layered pictures of parts of the prerequisite graph, drawn as SVG by a template."""

from dataclasses import dataclass

import networkx as nx

from planner.domain.catalogue import PHASES

NODE_W, NODE_H, GAP_X, GAP_Y, MARGIN, BAND_TOP = 118, 34, 44, 14, 16, 26


@dataclass(frozen=True)
class Node:
    code: str
    x: int
    y: int
    css: str
    title: str


@dataclass(frozen=True)
class Edge:
    x1: int
    y1: int
    x2: int
    y2: int


@dataclass(frozen=True)
class Band:
    label: str
    x: int
    width: int


@dataclass(frozen=True)
class Picture:
    width: int
    height: int
    nodes: list[Node]
    edges: list[Edge]
    bands: list[Band]


def _depths(graph: nx.DiGraph) -> dict[str, int]:
    depth = {}
    for generation, codes in enumerate(nx.topological_generations(graph)):
        for code in codes:
            depth[code] = generation
    return depth


def _draw(graph, columns: dict[str, int], css: dict[str, str], titles: dict[str, str], bands=()) -> Picture:
    rows: dict[int, list[str]] = {}
    for code in sorted(columns, key=lambda c: (columns[c], c)):
        rows.setdefault(columns[code], []).append(code)
    top = BAND_TOP if bands else 0
    place = {}
    for column, codes in rows.items():
        for row, code in enumerate(codes):
            place[code] = (MARGIN + column * (NODE_W + GAP_X), top + MARGIN + row * (NODE_H + GAP_Y))
    nodes = [Node(c, x, y, css.get(c, ""), titles.get(c, c)) for c, (x, y) in place.items()]
    edges = [
        Edge(place[a][0] + NODE_W, place[a][1] + NODE_H // 2, place[b][0], place[b][1] + NODE_H // 2)
        for a, b in sorted(graph.edges)
        if a in place and b in place
    ]
    n_columns = max(rows, default=0) + 1
    tallest = max((len(codes) for codes in rows.values()), default=1)
    return Picture(
        width=2 * MARGIN + n_columns * NODE_W + (n_columns - 1) * GAP_X,
        height=top + 2 * MARGIN + tallest * NODE_H + (tallest - 1) * GAP_Y,
        nodes=nodes,
        edges=edges,
        bands=list(bands),
    )


def neighbourhood_picture(graph: nx.DiGraph, code: str, titles: dict[str, str]) -> Picture:
    """The module with what it requires (all the way down) and what it unlocks next."""
    codes = set(nx.ancestors(graph, code)) | {code} | set(graph.successors(code))
    sub = graph.subgraph(codes)
    css = {c: "required" for c in codes}
    css[code] = "current"
    css.update({c: "unlocks" for c in graph.successors(code)})
    return _draw(sub, _depths(sub), css, titles)


def area_picture(
    graph: nx.DiGraph,
    codes: list[str],
    phase_of: dict[str, str],
    phase_labels: dict[str, str],
    titles: dict[str, str],
) -> Picture:
    """The area's modules and their prerequisites, in a band per phase."""
    nodes = set(codes)
    for code in codes:
        nodes |= nx.ancestors(graph, code)
    sub = graph.subgraph(nodes)
    depth = _depths(sub)
    columns, bands, offset = {}, [], 0
    for phase in PHASES:
        members = [c for c in nodes if phase_of.get(c) == phase]
        if not members:
            continue
        base = min(depth[c] for c in members)
        local = {c: depth[c] - base for c in members}
        # Squeeze gaps so that each band is as narrow as its own chains.
        used = sorted(set(local.values()))
        for c in members:
            columns[c] = offset + used.index(local[c])
        width = len(used)
        bands.append(
            Band(
                str(phase_labels[phase]),
                MARGIN // 2 + offset * (NODE_W + GAP_X),
                width * (NODE_W + GAP_X) - GAP_X + MARGIN,
            )
        )
        offset += width
    css = {c: ("current" if c in codes else "required") for c in nodes}
    return _draw(sub, columns, css, titles, bands)
