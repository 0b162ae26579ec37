"""Reading the project's own data files: TOML validated by a pydantic model, shipped JSON.

The taxonomy and the context rules are TOML a person edits, so a problem must name the file,
the record and the field; the prebuilt tables (the taxonomy snapshot, the tokenizer's pieces)
are JSON shipped inside the package, absent only in a broken install.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from importlib import resources
from typing import Any, TypeVar

import tomllib
from pydantic import BaseModel, ValidationError

from skillgap.errors import SkillgapError

Model = TypeVar("Model", bound=BaseModel)
Describe = Callable[[str, dict[str, Any], ValidationError], str]


def validated_toml(
    text: str, filename: str, model: type[Model], error: type[SkillgapError], describe: Describe
) -> tuple[dict[str, Any], Model]:
    """The raw table and the model it validates to; ``error`` names the file and problem."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as problem:
        raise error(f"{filename}: not valid TOML: {problem}") from None
    try:
        return raw, model.model_validate(raw)
    except ValidationError as problem:
        raise error(describe(filename, raw, problem)) from None


def shipped_json(package: str, filename: str) -> dict[str, Any]:
    """A JSON table shipped in ``package``; empty when the file is absent."""
    try:
        text = resources.files(package).joinpath(filename).read_text("utf-8")
    except FileNotFoundError:
        return {}
    return json.loads(text)
