"""PLOVER and CAMEO: event codes, Goldstein weights, quad classes and the CAMEO→PLOVER map.

The knowledge lives in two editable data files, ``data/cameo.tsv`` (one row per CAMEO
code) and ``data/plover.yaml`` (PLOVER types, modes, contexts, auxiliary modes).  Each is
parsed and checked once per process (``lru_cache``); lookups return immutable values.

>>> cameo_entry("163").plover, goldstein("163"), quad_class("163")
('SANCTION', -8.0, 'material-conflict')
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from eventwire.datafiles import read_tsv
from eventwire.errors import DataFileError

__all__ = [
    "QUAD_CLASSES",
    "CameoEntry",
    "PloverType",
    "UnknownCodeError",
    "cameo_codes",
    "cameo_entry",
    "goldstein",
    "is_valid_cameo",
    "plover_aux_modes",
    "plover_contexts",
    "plover_definition",
    "plover_modes",
    "plover_quad",
    "plover_types",
    "quad_class",
    "quad_number",
]

# GDELT's QuadClass 1-4, named; the CAMEO root decides the class.
QUAD_CLASSES = (
    "verbal-cooperation",
    "material-cooperation",
    "verbal-conflict",
    "material-conflict",
)
_QUAD_BY_ROOT: Mapping[int, int] = MappingProxyType({
    **{root: 1 for root in range(1, 6)},
    **{root: 2 for root in range(6, 9)},
    **{root: 3 for root in range(9, 14)},
    **{root: 4 for root in range(14, 21)},
})
_CAMEO_COLUMNS = ("code", "name", "goldstein", "plover", "mode", "context")
_CAMEO_FILE = "cameo.tsv"
_PLOVER_FILE = "plover.yaml"


class UnknownCodeError(LookupError):
    """A CAMEO code or PLOVER type that the ontology does not define."""


@dataclass(frozen=True, slots=True)
class CameoEntry:
    """One CAMEO code with its Goldstein weight and PLOVER equivalent."""

    code: str
    name: str
    goldstein: float
    plover: str | None  # None where PLOVER has no event (CAMEO 01x comments)
    mode: str | None
    context: tuple[str, ...]
    root: str  # the 2-digit cue category, e.g. "16" for "163"
    quad: str  # one of QUAD_CLASSES


@dataclass(frozen=True, slots=True)
class PloverType:
    name: str
    definition: str
    quad: str
    modes: Mapping[str, str]  # mode name -> short description


@dataclass(frozen=True, slots=True)
class _Plover:
    types: Mapping[str, PloverType]
    contexts: Mapping[str, str]
    aux_modes: Mapping[str, str]


# ---------------------------------------------------------------- CAMEO lookups


def cameo_entry(code: str) -> CameoEntry:
    """The entry for a CAMEO code given as a string of 2-4 digits ("04", "042", "0421")."""
    entry = _cameo_table().get(code) if isinstance(code, str) else None
    if entry is None:
        raise UnknownCodeError(
            f"unknown CAMEO code {code!r}: expected a code of the CAMEO codebook as a string "
            "of 2-4 digits with its leading zero, e.g. '042' or '1385'"
        )
    return entry


def is_valid_cameo(code: object) -> bool:
    return isinstance(code, str) and code in _cameo_table()


def cameo_codes() -> list[str]:
    """All codes in codebook order (roots before their 3- and 4-digit codes)."""
    return list(_cameo_table())


def goldstein(code: str) -> float:
    return cameo_entry(code).goldstein


def quad_class(code: str) -> str:
    """GDELT quad class of a CAMEO code: 'verbal-cooperation' ... 'material-conflict'."""
    return cameo_entry(code).quad


def quad_number(code: str) -> int:
    """GDELT QuadClass number 1-4 of a CAMEO code."""
    return QUAD_CLASSES.index(quad_class(code)) + 1


# ---------------------------------------------------------------- PLOVER lookups


def plover_types() -> tuple[str, ...]:
    return tuple(_plover().types)


def plover_modes(plover_type: str) -> tuple[str, ...]:
    return tuple(_plover_type(plover_type).modes)


def plover_definition(plover_type: str) -> str:
    return _plover_type(plover_type).definition


def plover_quad(plover_type: str) -> str:
    """Quad class of a PLOVER type, for events coded in PLOVER without a CAMEO code."""
    return _plover_type(plover_type).quad


def plover_contexts() -> tuple[str, ...]:
    return tuple(_plover().contexts)


def plover_aux_modes() -> tuple[str, ...]:
    """historical, future, hypothetical, negation: whether an event is asserted."""
    return tuple(_plover().aux_modes)


def _plover_type(plover_type: str) -> PloverType:
    found = _plover().types.get(plover_type)
    if found is None:
        raise UnknownCodeError(
            f"unknown PLOVER type {plover_type!r}: expected one of {', '.join(_plover().types)}"
        )
    return found


# ---------------------------------------------------------------- loading and checking


@lru_cache(maxsize=1)
def _plover() -> _Plover:
    path, text = _read_data(_PLOVER_FILE)
    data = yaml.safe_load(text)
    if not isinstance(data, dict) or not {"types", "contexts", "aux_modes"} <= data.keys():
        raise _bad_data(path, 1, "expected the keys types, contexts and aux_modes")
    types = {name: _plover_type_from_yaml(path, name, spec) for name, spec in data["types"].items()}
    return _Plover(
        types=MappingProxyType(types),
        contexts=MappingProxyType(dict(data["contexts"])),
        aux_modes=MappingProxyType(dict(data["aux_modes"])),
    )


def _plover_type_from_yaml(path: str, name: str, spec: Any) -> PloverType:
    if not isinstance(spec, dict) or spec.get("quad") not in QUAD_CLASSES:
        raise _bad_data(path, "-", f"type {name}: needs one of the quad classes")
    if not spec.get("definition"):
        raise _bad_data(path, "-", f"type {name}: needs a definition")
    return PloverType(
        name=name,
        definition=spec["definition"],
        quad=spec["quad"],
        modes=MappingProxyType(dict(spec.get("modes") or {})),
    )


@lru_cache(maxsize=1)
def _cameo_table() -> Mapping[str, CameoEntry]:
    path = _cameo_path()
    table: dict[str, CameoEntry] = {}
    for line_no, row in read_tsv(path, _CAMEO_COLUMNS):
        entry = _cameo_row(str(path), line_no, row)
        if entry.code in table:
            raise _bad_data(str(path), line_no, f"duplicate code {entry.code}")
        if len(entry.code) > 2 and entry.code[:-1] not in table:
            raise _bad_data(str(path), line_no, f"code {entry.code} before its parent")
        table[entry.code] = entry
    return MappingProxyType(table)


def _cameo_path() -> Path:
    return Path(str(resources.files(__name__) / "data" / _CAMEO_FILE))


def _cameo_row(path: str, line_no: int, row: dict[str, str]) -> CameoEntry:
    code, name, weight, plover_type, mode, context = (row[column] for column in _CAMEO_COLUMNS)
    root_number = int(code[:2]) if code.isdigit() and 2 <= len(code) <= 4 else 0
    if root_number not in _QUAD_BY_ROOT:
        raise _bad_data(path, line_no, f"bad CAMEO code {code!r}")
    value = _float_or_nan(weight)
    if not -10.0 <= value <= 10.0:
        raise _bad_data(path, line_no, f"Goldstein {weight!r} not in [-10, 10]")
    contexts = tuple(part.strip() for part in context.split(";") if part.strip())
    _check_plover_fields(path, line_no, plover_type, mode, contexts)
    return CameoEntry(
        code=code,
        name=name,
        goldstein=value,
        plover=plover_type or None,
        mode=mode or None,
        context=contexts,
        root=code[:2],
        quad=QUAD_CLASSES[_QUAD_BY_ROOT[root_number] - 1],
    )


def _check_plover_fields(
    path: str, line_no: int, plover_type: str, mode: str, contexts: tuple[str, ...]
) -> None:
    ontology = _plover()
    if plover_type and plover_type not in ontology.types:
        raise _bad_data(path, line_no, f"unknown PLOVER type {plover_type!r}")
    if mode and (not plover_type or mode not in ontology.types[plover_type].modes):
        raise _bad_data(path, line_no, f"mode {mode!r} is not a mode of {plover_type or 'no type'}")
    unknown = [context for context in contexts if context not in ontology.contexts]
    if unknown:
        raise _bad_data(path, line_no, f"unknown PLOVER context(s) {', '.join(unknown)}")


def _float_or_nan(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        return float("nan")


def _bad_data(path: str, line: int | str, reason: str) -> DataFileError:
    return DataFileError("E201", path=path, line=line, reason=reason)


def _read_data(filename: str) -> tuple[str, str]:
    resource = resources.files(__name__) / "data" / filename
    return str(resource), resource.read_text(encoding="utf-8")
