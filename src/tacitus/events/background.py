"""Background: what a sentence recalls rather than reports (earlier happenings, time phrases)."""

from __future__ import annotations

from typing import Any

from tacitus.events.syntax import is_participle_modifier

BACKGROUND_PREPS = {"since", "after", "before", "following", "during", "amid", "despite", "until"}
PAST_MARKERS = {"ago", "last", "previous", "previously", "earlier", "formerly", "once", "past"}
# "felt silenced", "seemed isolated": a participle describing how someone is, not something done to them.
STATE_VERBS = {"feel", "seem", "appear", "look", "sound", "become", "remain"}
STATE_FORMS = STATE_VERBS | {"felt", "feels", "seemed", "seems", "appeared", "looked", "became", "remained"}


def in_background(noun: Any) -> bool:
    """An event noun inside a time phrase ("since the invasion", "after a week of unrest"): context, not news."""
    token = noun
    for _ in range(4):
        head = token.head
        if head == token:
            return False
        if token.dep_ == "pobj" and head.lower_ in BACKGROUND_PREPS:
            return True
        if head.pos_ in ("VERB", "AUX"):
            return False
        token = head
    return False


def _dated_back(token: Any) -> bool:
    lower = token.lower_
    if lower in PAST_MARKERS:
        return True
    return bool(token.ent_type_ == "DATE" and (lower[:2] in ("19", "20") and lower[:4].isdigit()))


def recalled(verb: Any) -> bool:
    """A verb in a relative clause or participle on a noun that recalls an earlier happening:
    "the helicopter that was captured last week", "property seized in the 1970s", "athletes killed at
    the games" (a participle without an agent describes its noun)."""
    if verb.dep_ == "advcl" and verb.head != verb and any(c.lower_ == "when" for c in verb.children):
        # "… assets they lost when the dictator expelled them 18 years ago": a recalled time.
        return _dated_back_phrase(verb)
    if verb.dep_ not in ("relcl", "acl") or verb.head == verb:
        return False
    if is_participle_modifier(verb) and not any(c.dep_ == "agent" for c in verb.children):
        return True
    if any(c.dep_ == "aux" and c.lower_ == "had" for c in verb.children):
        return True
    return _dated_back_phrase(verb)


def _dated_back_phrase(verb: Any) -> bool:
    """A time phrase on the verb that points back ("last week", "18 years ago", "in the 1970s")."""
    for child in verb.children:
        if child.dep_ not in ("npadvmod", "advmod", "prep"):
            continue
        near = [child, *child.children, *(g for t in child.children for g in t.children)]
        if any(_dated_back(t) for t in near):
            return True
    return False


def described_state(verb: Any) -> bool:
    """A past participle that says how someone felt or seemed ("felt silenced"): no event."""
    if verb.tag_ != "VBN":
        return False
    if verb.dep_ in ("acomp", "xcomp", "oprd") and verb.head.lemma_.lower() in STATE_VERBS:
        return True
    # The parser sometimes reads "felt" in "felt silenced" as an auxiliary.
    return any(c.dep_ in ("aux", "auxpass") and c.lemma_.lower() in STATE_FORMS for c in verb.children)
