"""JSON Schema of the catalogue interchange format (the contract other tools write)."""

from planner.domain.catalogue import FORMATS, GO_TYPES, LEVELS, PHASES, REACH_KINDS, SCALE, SECTORS

_CODE = {"type": "string", "pattern": r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,19}$"}
# Codes of school boards, samenwerkingsverband regions and institutes (reach): longer, as
# they come from elsewhere (a board's BRIN-like number, a region's code such as PO-2801).
REACH_CODE_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,39}$"
_REACH_CODE = {"type": "string", "pattern": REACH_CODE_PATTERN}
_SOURCE = {"type": "string", "maxLength": 200}
_TEXT = {
    "type": "object",
    "properties": {"nl": {"type": "string", "minLength": 1}, "en": {"type": "string"}},
    "required": ["nl"],
    "additionalProperties": False,
}
# Names and titles go into 200-character columns.
_NAME = {
    **_TEXT,
    "properties": {
        "nl": {"type": "string", "minLength": 1, "maxLength": 200},
        "en": {"type": "string", "maxLength": 200},
    },
}
_LEVEL = {"type": "integer", "enum": list(LEVELS)}
_LEVEL_MAP = {"type": "object", "additionalProperties": _LEVEL, "propertyNames": _CODE}

AREA = {
    "type": "object",
    "required": ["code", "group", "name", "levels"],
    "properties": {
        "code": _CODE,
        "group": {"enum": ["support", "basis"]},
        "name": _NAME,
        "description": _TEXT,
        "requirements": {
            "type": "array",
            "items": {"enum": ["pedagogical", "subject-didactic", "subject-content"]},
            "uniqueItems": True,
        },
        "class_context": {"type": "boolean"},
        "source": _SOURCE,
        "levels": {
            "type": "object",
            # "0" (not yet) is optional: a teacher can stand below the first descriptor.
            "properties": {str(level): _TEXT for level in SCALE},
            "required": [str(level) for level in LEVELS],
            "additionalProperties": False,
        },
    },
}

# Everyone in the module's sectors, or one school board, region or institute's alumni.
REACH = {
    "type": "object",
    "required": ["kind"],
    "properties": {"kind": {"enum": list(REACH_KINDS)}, "code": _REACH_CODE},
    "additionalProperties": False,
    # A sector-wide module naming a code is refused by the import with a clearer message.
    "if": {"properties": {"kind": {"const": "sector"}}},
    "else": {"required": ["code"]},
}

MODULE = {
    "type": "object",
    "required": ["code", "title", "hours", "format", "phases", "sectors", "outcomes"],
    "properties": {
        "code": _CODE,
        "title": _NAME,
        "summary": _TEXT,
        "provider": {
            "type": "object",
            "required": ["code", "name", "kind"],
            "properties": {
                "code": _CODE,
                "name": {"type": "string", "minLength": 1, "maxLength": 200},
                "kind": {"enum": ["institute", "school-board", "samenwerkingsverband", "external"]},
            },
        },
        "hours": {"type": "integer", "minimum": 1, "maximum": 2000},
        "cost_eur": {"type": "integer", "minimum": 0, "maximum": 100_000},
        "duration_periods": {"type": "integer", "minimum": 1, "maximum": 8},
        "format": {"enum": list(FORMATS)},
        "team_format": {"type": "boolean"},
        "phases": {"type": "array", "items": {"enum": list(PHASES)}, "minItems": 1, "uniqueItems": True},
        "sectors": {"type": "array", "items": {"enum": list(SECTORS)}, "minItems": 1, "uniqueItems": True},
        "outcomes": {**_LEVEL_MAP, "minProperties": 1},
        "requires": {
            "type": "object",
            "properties": {
                "modules": {"type": "array", "items": _CODE, "uniqueItems": True},
                "levels": _LEVEL_MAP,
            },
            "additionalProperties": False,
        },
        "reach": REACH,
        "source": _SOURCE,
        "retired": {"type": "boolean"},
    },
}

TARGET = {
    "type": "object",
    "required": ["phase", "sector", "levels"],
    "properties": {
        "phase": {"enum": list(PHASES)},
        # A kind of go school (sbo, so, vso) refines the go profile.
        "sector": {"enum": [*SECTORS, *GO_TYPES, "*"]},
        "levels": _LEVEL_MAP,
        "source": _SOURCE,
    },
}

DOCUMENT = {
    "type": "object",
    "required": ["framework", "areas", "modules"],
    "properties": {
        "framework": {
            "type": "object",
            "required": ["code", "name"],
            "properties": {
                "code": {"type": "string", "minLength": 1, "maxLength": 40},
                "version": {"type": "string", "maxLength": 20},
                "name": _NAME,
                "description": _TEXT,
                "source": {"type": "string"},
            },
        },
        "areas": {"type": "array", "items": AREA, "minItems": 1},
        "modules": {"type": "array", "items": MODULE},
        "targets": {"type": "array", "items": TARGET},
    },
}
