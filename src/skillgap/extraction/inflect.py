"""English inflections for paraphrase words: a suffix rule and a short table of irregular verbs.

Enough for the verbs a résumé uses about its work ("design", "model", "shard", "write"); no
model or word list is downloaded. British and American spellings are both produced
("modelled"/"modeled", "normalise"/"normalize").
"""

from __future__ import annotations

import re

# base -> past, past participle. A verb that ends in one of these ("rewrite") inherits them.
IRREGULAR = {
    "write": ("wrote", "written"),
    "build": ("built", "built"),
    "run": ("ran", "run"),
    "lead": ("led", "led"),
    "draw": ("drew", "drawn"),
    "set": ("set", "set"),
    "put": ("put", "put"),
    "cut": ("cut", "cut"),
    "take": ("took", "taken"),
    "find": ("found", "found"),
    "hold": ("held", "held"),
    "make": ("made", "made"),
    "keep": ("kept", "kept"),
    "give": ("gave", "given"),
    "speed": ("sped", "sped"),
    "split": ("split", "split"),
    "drive": ("drove", "driven"),
    "shoot": ("shot", "shot"),
}
# Stress on the last syllable doubles its consonant, which a spelling rule cannot see.
DOUBLED = {
    "debug",
    "commit",
    "submit",
    "control",
    "refer",
    "omit",
    "admit",
    "permit",
    "equip",
    "emit",
    "transmit",
}

_VOWELS = "aeiou"
_CVC = re.compile(r"^[^aeiou]*[aeiou][^aeiouwxy]$")  # one syllable ending consonant-vowel-consonant


def verb_forms(verb: str) -> tuple[set[str], set[str]]:
    """``(bare, inflected)``: the base and "-s" forms, and the "-ed"/"-ing"/participle forms.

    Only the last word of a phrasal verb is a verb stem when the first is a particle; here
    the first word carries the inflection ("speed up": "sped up", "speeding up").
    """
    head, _, rest = verb.lower().partition(" ")
    tail = f" {rest}" if rest else ""
    bare: set[str] = set()
    inflected: set[str] = set()
    for stem in _spellings(head):
        plain, forms = _inflect(stem)
        bare.update(form + tail for form in plain)
        inflected.update(form + tail for form in forms)
    return bare, inflected - bare


def plural_forms(noun: str) -> set[str]:
    """The phrase and its plural (the last word inflected): "read replica", "read replicas"."""
    text = noun
    forms = {text}
    head, _, last = text.rpartition(" ")
    if not last[-1:].isalpha() or last.endswith("s") or (len(last) <= 2 and last.islower()):
        return forms  # already plural, or a particle ("in front of")
    lower = last.lower()
    if lower.endswith(("x", "z", "ch", "sh")):
        plural = last + "es"
    elif lower.endswith("y") and len(lower) > 1 and lower[-2] not in _VOWELS:
        plural = last[:-1] + "ies"
    else:
        plural = last + "s"
    forms.add(f"{head} {plural}" if head else plural)
    return forms


def _spellings(stem: str) -> set[str]:
    """ "normalise" and "normalize"; other words as they are."""
    for pair in (("ise", "ize"), ("yse", "yze")):
        if stem.endswith(pair) and len(stem) > 5:
            return {stem[:-3] + pair[0], stem[:-3] + pair[1]}
    return {stem}


def _inflect(stem: str) -> tuple[list[str], list[str]]:
    for base, (past, participle) in IRREGULAR.items():
        if stem.endswith(base):
            prefix = stem[: -len(base)]
            third = _third_person(base)
            ing = _ing(base)
            return [stem, prefix + third], [prefix + past, prefix + participle, prefix + ing]
    third = _third_person(stem)
    if stem.endswith("e") and not stem.endswith("ee"):
        return [stem, third], [stem + "d", stem[:-1] + "ing"]
    if stem.endswith("y") and len(stem) > 1 and stem[-2] not in _VOWELS:
        return [stem, third], [stem[:-1] + "ied", stem + "ing"]
    doubled = stem + stem[-1]
    if stem[-1] == "l" and len(stem) > 3 and stem[-2] in _VOWELS and stem[-3] not in _VOWELS:
        # "model": "modelled" (British) and "modeled" (American)
        return [stem, third], [stem + "ed", stem + "ing", doubled + "ed", doubled + "ing"]
    if _CVC.match(stem) or stem in DOUBLED:
        return [stem, third], [doubled + "ed", doubled + "ing"]
    return [stem, third], [stem + "ed", stem + "ing"]


def _third_person(stem: str) -> str:
    if stem.endswith(("s", "x", "z", "ch", "sh")):
        return stem + "es"
    if stem.endswith("y") and len(stem) > 1 and stem[-2] not in _VOWELS:
        return stem[:-1] + "ies"
    return stem + "s"


def _ing(stem: str) -> str:
    if stem.endswith("e") and not stem.endswith("ee"):
        return stem[:-1] + "ing"
    if _CVC.match(stem) or stem in DOUBLED:
        return stem + stem[-1] + "ing"
    return stem + "ing"
