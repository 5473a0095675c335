"""Reading who did what to whom from a dependency parse: roles, negation, modality, headlines."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from tacitus.parse import doc_text

SUBJECT_DEPS = {"nsubj"}
OBJECT_DEPS = {"dobj"}
PREP_DEPS = {"prep", "agent", "dative"}
RELATIVE_PRONOUNS = {"who", "which", "that", "whom"}
PERSONAL_PRONOUNS = {"he", "she", "it", "they", "we", "i"}
POSSESSIVE_PRONOUNS = {"its", "their", "his", "her", "our"}
PERSON_PRONOUNS = {"he", "she", "his", "her", "him"}
PLACE_ENTITIES = {"GPE", "LOC", "ORG", "NORP", "FAC"}
CONDITION_MARKS = {"if", "unless"}
INVERSION_WORDS = {"should", "were", "had"}
HEADLINE_MAX_WORDS = 20
FUTURE_AUX = {"will", "shall", "'ll", "wo"}
HYPOTHETICAL_AUX = {"would", "could", "might", "may", "should", "'d", "can", "must"}
OBLIGATION_AUX = {"must", "should"}
FAILURE_HEADS = {"fail", "neglect"}
NON_FINITE_DEPS = {"xcomp", "advcl", "pcomp", "acl", "ccomp", "conj", "csubj"}
UNREALIZED_MODIFIERS = {
    "upcoming",
    "planned",
    "proposed",
    "possible",
    "potential",
    "future",
    "expected",
    "scheduled",
    "likely",
}
# Words that measure what their "of" phrase names ("three days of talks", "25,000 tons of food aid").
MEASURE_NOUNS = {
    "series", "round", "wave", "spate", "string", "day", "week", "month", "hour", "year", "night", "set",
    "ton", "tonne", "dollar", "euro", "million", "billion", "thousand", "hundred", "unit", "batch",
    "shipment", "package", "kind", "lot", "number", "amount", "part", "load",
}  # fmt: skip
PROCESS_NOUNS = {"process", "task", "work", "job", "business"}
CULPABLE_ADJECTIVES = {"guilty", "responsible", "culpable"}
# What is issued or sent to say something: a participle on it says what its sender says.
SAYING_NOUNS = {
    "statement",
    "declaration",
    "communique",
    "communiqué",
    "letter",
    "message",
    "resolution",
    "note",
    "appeal",
}
# Adjectives and verbs whose infinitival complement is an intended action: "is ready to send troops".
INTENT_HEADS = {
    "ready", "willing", "prepared", "plan", "intend", "prepare", "aim", "poised", "determined", "set", "be",
    "want", "wish", "hope", "due",
}  # fmt: skip
# What a demand or proposal asks for is not yet done: "demanded that control be taken away from …".
ASKING_HEADS = {"demand", "urge", "ask", "insist", "request", "propose", "suggest", "recommend", "call"}
REPORTING_LEMMAS = {
    "say", "state", "announce", "tell", "add", "declare", "insist", "claim", "report", "note", "stress",
    "warn", "write", "confirm", "reiterate", "assert", "argue", "believe", "think", "conclude", "suggest",
}  # fmt: skip
CLAUSE_DEPS = {"ccomp", "xcomp", "advcl", "conj", "relcl", "acomp"}
# Verbs whose object does what their infinitive says: "urged Iran to withdraw" (Iran withdraws), unlike
# "summoned the envoy to complain" (the one who summoned complains).
OBJECT_CONTROL = {
    "urge", "ask", "order", "tell", "force", "invite", "persuade", "allow", "encourage", "press", "pressure",
    "request", "advise", "instruct", "compel", "help", "enable", "require", "permit", "expect", "want", "call",
    "appeal", "warn", "push", "lobby", "convince", "direct", "authorize", "authorise", "oblige", "get", "need",
    "prompt", "beg", "implore", "challenge", "remind", "cause", "train", "recruit", "hire", "pay", "mandate",
    "empower", "let", "make", "commission", "exhort", "entreat", "nominate", "elect", "appoint", "choose",
}  # fmt: skip
# A modifier clause dated back ("seized in the 1970s", "captured last week", "had taken hostage") recalls
# an earlier happening: background to the news, not a new event.
# Words that count what their "of" phrase names: "some of its troops", "dozens of protesters".
COUNTING_WORDS = {
    "some", "many", "most", "several", "all", "few", "dozen", "hundred", "thousand", "million", "score",
    "none", "each", "both", "any", "majority", "minority", "handful", "half", "rest", "remainder", "couple",
}  # fmt: skip


def is_participle_modifier(verb: Any) -> bool:
    """ "athletes killed at the games": a past participle modifying its patient."""
    return bool(verb.dep_ == "acl" and verb.tag_ == "VBN")


def headline_passive(verb: Any) -> bool:
    """Headline "Briton Killed In Attack": a bare past participle with its patient as subject."""
    if verb.tag_ != "VBN" or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    return is_headline(verb)


def is_passive(verb: Any) -> bool:
    if is_participle_modifier(verb) or any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return True
    return headline_passive(verb)


def object_heads(host: Any, passive: bool) -> list[Any]:
    if passive:
        if is_participle_modifier(host):
            return [host.head]
        if headline_passive(host):
            return [c for c in host.children if c.dep_ in ("nsubj", "nsubjpass")]
        return [c for c in host.children if c.dep_ == "nsubjpass"]
    return [c for c in host.children if c.dep_ in OBJECT_DEPS]


def preposition_objects(host: Any, preps: Iterable[str]) -> list[Any]:
    wanted = set(preps)
    objects: list[Any] = []
    holders = [host, *(c for c in host.children if c.dep_ == "prt")]
    for holder in holders:
        for child in holder.children:
            if child.dep_ in PREP_DEPS and child.lower_ in wanted:
                objects.extend(c for c in child.children if c.dep_ in ("pobj", "pcomp"))
    return objects


def mended_subject(head: Any) -> Any:
    """A participle the parser took for the subject ("The Red Cross operating in Iraq said"): the noun it hangs from."""
    if head.tag_ in ("VBG", "VBN") and head.dep_ in SUBJECT_DEPS:
        for child in head.children:
            if child.dep_ in SUBJECT_DEPS and child.pos_ in ("NOUN", "PROPN") and child.i < head.i:
                return child
    return head


def subject_heads(verb: Any, depth: int = 0) -> list[Any]:
    """The noun heads that did the action of `verb`, following control and coordination."""
    if depth > 6:
        return []
    passive = is_passive(verb)
    if passive:
        heads = [o for c in verb.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
    else:
        heads = [mended_subject(c) for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if heads:
        if verb.dep_ == "relcl" and heads[0].lower_ in RELATIVE_PRONOUNS:
            return [verb.head]
        return heads
    if verb.pos_ in ("NOUN", "PROPN") and verb.dep_ == "ROOT" and is_headline(verb):
        # Headline "Estonia summons Russian ambassador" read as one noun phrase: the name before the verb.
        return [c for c in verb.children if c.dep_ in ("compound", "nmod") and c.i < verb.i]
    if passive:
        return []
    head = verb.head
    if head == verb:
        return []
    if verb.dep_ == "xcomp":
        objects = [c for c in head.children if c.dep_ in OBJECT_DEPS]
        if objects and head.pos_ == "VERB" and head.lemma_.lower() in OBJECT_CONTROL:
            return objects
        return subject_heads(head, depth + 1)
    if verb.dep_ == "conj" and is_passive(head) and not is_participle_modifier(head):
        # "was indicted by the court and will resign": the one indicted resigns.
        patients = [c for c in head.children if c.dep_ == "nsubjpass"]
        return patients or subject_heads(head, depth + 1)
    if verb.dep_ in ("conj", "acomp", "advcl") and head.pos_ in ("VERB", "AUX", "ADJ"):
        return subject_heads(head, depth + 1)
    if verb.dep_ == "pcomp" and head.lower_ == "of" and head.head.lemma_.lower() in PROCESS_NOUNS:
        # "initiated the process of returning the gorillas": who began the process does it.
        return subject_heads(head.head.head, depth + 1) if head.head.dep_ == "dobj" else []
    if verb.dep_ == "pcomp" and culpable(verb):
        # "are guilty of violating the ceasefire": the ones found guilty did it.
        return subject_heads(head.head, depth + 1)
    if verb.dep_ == "acl" and head.lemma_.lower() in SAYING_NOUNS and head.dep_ == "dobj" and head.head != head:
        # "issued a declaration demanding that …": the one who issued it demands.
        return subject_heads(head.head, depth + 1)
    if verb.dep_ in ("relcl", "acl"):
        return [head]
    return []


def culpable(word: Any) -> bool:
    """A gerund or event noun someone is found guilty of or responsible for ("responsible for the killings")."""
    prep = word.head
    adjective = prep.head
    return bool(
        word.dep_ in ("pcomp", "pobj")
        and prep.dep_ == "prep"
        and adjective.lemma_.lower() in CULPABLE_ADJECTIVES
        and adjective.dep_ == "acomp"
    )


def carrying_verb(noun: Any) -> Any | None:
    """The verb a noun is the object of, also through a measure ("launched a series of attacks",
    "began two days of talks")."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in MEASURE_NOUNS:
        noun, head = head.head, head.head.head
    return head if noun.dep_ == "dobj" and head.pos_ == "VERB" and head != noun else None


def counted(head: Any) -> Any:
    """What a number or counting word counts ("two of its nationals" → nationals); else the word itself."""
    token = head
    for _ in range(3):
        if token.pos_ != "NUM" and token.lemma_.lower() not in COUNTING_WORDS | MEASURE_NOUNS:
            break
        counted_nouns = preposition_objects(token, ("of",))
        if not counted_nouns:
            break
        token = counted_nouns[0]
    return token


def possessive_pronoun(head: Any) -> Any | None:
    """ "their forces", "its troops": the possessive pronoun standing for the actor."""
    return next((c for c in head.children if c.dep_ == "poss" and c.lower_ in POSSESSIVE_PRONOUNS), None)


def condition_subjects(verb: Any) -> list[Any]:
    """Subjects of an if/unless clause hanging on the verb or on its complement."""
    clauses = [c for c in verb.children if _is_condition_clause(c)]
    clauses += [g for c in verb.children if c.dep_ in ("xcomp", "ccomp") for g in c.children if _is_condition_clause(g)]
    return [s for clause in clauses for s in clause.children if s.dep_ in SUBJECT_DEPS]


def pronoun_antecedents(pronoun: Any) -> list[Any]:
    """For a subject pronoun inside a clause, the subject of a governing clause ("Iraq said it would …")."""
    if pronoun.lower_ not in PERSONAL_PRONOUNS and pronoun.lower_ not in POSSESSIVE_PRONOUNS:
        return []
    person = pronoun.lower_ in PERSON_PRONOUNS
    token = pronoun.head
    while token.pos_ not in ("VERB", "AUX") and token.head != token:
        token = token.head
    for _ in range(5):
        if token.dep_ not in CLAUSE_DEPS or token.head == token:
            return []
        token = token.head
        # "he" is a person, never the country or organisation named as a clause's subject.
        found = [h for h in subject_heads(token) if h.pos_ != "PRON" and not (person and h.ent_type_ in PLACE_ENTITIES)]
        if found:
            return found
    return []


def with_conjuncts(heads: list[Any]) -> list[Any]:
    unique: dict[int, Any] = {}
    for head in heads:
        unique.setdefault(head.i, head)
        for conjunct in head.conjuncts:
            unique.setdefault(conjunct.i, conjunct)
    return list(unique.values())


def auxiliaries(verb: Any, depth: int = 0) -> set[str]:
    """Auxiliaries of the verb and of the verbs and adjectives it depends on ("must be ready to mediate")."""
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if depth < 4 and verb.dep_ in ("conj", "xcomp", "acomp") and verb.head != verb:
        auxes |= auxiliaries(verb.head, depth + 1)
    return auxes


def _is_condition_clause(token: Any) -> bool:
    return token.dep_ == "advcl" and any(m.lower_ in CONDITION_MARKS for m in token.children if m.dep_ == "mark")


def _inverted_condition(verb: Any) -> bool:
    """ "Should Syria attack, …", "Were Iran to …", "Had they …": a condition without if."""
    sentence = verb.sent
    first = sentence[0]
    if first.lower_ not in INVERSION_WORDS or first.dep_ not in ("aux", "auxpass", "advcl", "ROOT", "mark"):
        return False
    comma = next((t.i for t in sentence if t.text == ","), None)
    return comma is not None and verb.i < comma


def in_condition(verb: Any) -> bool:
    """The verb is inside an if/unless clause: what the condition describes, not what anyone did."""
    if _inverted_condition(verb):
        return True
    token = verb
    for _ in range(5):
        if _is_condition_clause(token):
            return True
        if token.head == token or token.dep_ not in ("conj", "xcomp", "ccomp", "advcl"):
            return False
        token = token.head
    return False


def has_condition(verb: Any) -> bool:
    """An if/unless clause hangs on the verb (or on the verb it depends on): a conditional action."""
    token = verb
    for _ in range(4):
        if any(_is_condition_clause(c) for c in token.children):
            return True
        if token.head == token or token.dep_ not in ("conj", "xcomp"):
            return False
        token = token.head
    return False


def is_reported(verb: Any) -> Any | None:
    """The reporting verb whose content clause holds `verb` ("Iraq said it would …"), if any."""
    token = verb
    for _ in range(4):
        if token.head == token:
            return None
        if token.dep_ == "ccomp" and token.head.lemma_.lower() in REPORTING_LEMMAS:
            return token.head
        if token.dep_ not in ("conj", "xcomp", "ccomp", "acomp"):
            return None
        token = token.head
    return None


def is_purpose(verb: Any) -> bool:
    """ "… to mediate", "… to protest": an infinitive of purpose, as real as the action it serves."""
    return (
        verb.dep_ == "advcl" and verb.head != verb and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    )


def intended(verb: Any) -> bool:
    """An infinitive under ready/willing/plan to …: the action is intended, not done."""
    token = verb
    for _ in range(3):
        if token.dep_ != "xcomp" or token.head == token:
            return False
        if token.head.lemma_.lower() in INTENT_HEADS:
            return True
        token = token.head
    return False


def is_question(sentence: Any) -> bool:
    return bool(sentence.text.rstrip().rstrip("\"'”’").endswith("?"))


def is_headline(token: Any) -> bool:
    """The token stands on a short line of its own without closing punctuation: headline style."""
    text = doc_text(token.doc)
    start = text.rfind("\n", 0, token.idx) + 1
    end = text.find("\n", token.idx)
    line = text[start : end if end >= 0 else len(text)].strip()
    if not line or line[-1] in ".!?\"'”’:;,":
        return False
    return len(line.split()) <= HEADLINE_MAX_WORDS and (end >= 0 or start > 0)


def headline_infinitive(verb: Any) -> bool:
    """Headline "Turkey to buy Russian missiles": an announced, future action."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and verb.dep_ == "ROOT"


def modality(verb: Any, sentence: Any, headline: bool = False) -> str:
    """asserted, question, conditional, future or hypothetical."""
    if is_question(sentence) and not headline:
        return "question"
    if is_purpose(verb):
        return modality(verb.head, sentence, headline)
    if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in ASKING_HEADS and verb.head != verb:
        return "hypothetical"
    if any(c.lower_ == "whether" for c in verb.children):
        return "hypothetical"  # "debating whether to launch a strike"
    if verb.dep_ == "acl" and _to_infinitive(verb) and verb.head.pos_ == "NOUN":
        # "a request to interrogate detainees", "the plan to build a dam": asked for or planned, not done.
        return "future"
    if in_condition(verb) or has_condition(verb):
        return "conditional"
    auxes = auxiliaries(verb)
    if auxes & FUTURE_AUX or any(c.lower_ == "going" and c.dep_ == "aux" for c in verb.children):
        return "future"
    if "would" in auxes and is_reported(verb) is not None:
        return "future"
    if intended(verb) or (headline and headline_infinitive(verb)):
        return "future"
    if auxes & HYPOTHETICAL_AUX:
        return "hypothetical"
    return "asserted"


def obliged(verb: Any) -> bool:
    auxes = auxiliaries(verb)
    if auxes & OBLIGATION_AUX:
        return True
    head = verb.head
    return verb.dep_ == "xcomp" and head.lemma_.lower() in ("have", "need") and head != verb


def negated(tokens: Iterable[Any]) -> bool:
    """A negation on the verb, or the verb is what someone failed to do ("failed to reach agreement")."""
    listed = list(tokens)
    governing = [t.head for t in listed if t.dep_ in ("xcomp", "ccomp") and t.head != t]
    if any(c.dep_ == "neg" or c.lower_ in ("never", "not") for token in listed + governing for c in token.children):
        return True
    return any(t.dep_ == "xcomp" and t.head.lemma_.lower() in FAILURE_HEADS for t in listed)


def non_finite(verb: Any) -> bool:
    """An infinitive, gerund or participle (no tense of its own): "to assist", "consoling"."""
    if verb.tag_ in ("VBG", "VB") and verb.dep_ in NON_FINITE_DEPS:
        return True
    return verb.dep_ in ("pcomp", "acl") or any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def noun_modality(noun: Any, sentence: Any) -> str:
    """An event noun is as real as what the sentence says of it: "the upcoming summit", "the
    withdrawal could encourage …", "will attend the meeting"."""
    if any(c.lemma_.lower() in UNREALIZED_MODIFIERS for c in noun.children if c.dep_ in ("amod", "compound")):
        return "future"
    if in_condition(noun):
        return "conditional"
    head = noun.head
    for _ in range(4):
        if head.pos_ in ("VERB", "AUX"):
            return modality(head, sentence)
        if head.head == head:
            break
        head = head.head
    return "question" if is_question(sentence) else "asserted"


def complements(verb: Any) -> list[Any]:
    """The clauses a verb takes as its complement; a to-infinitive the parser hung as an adverbial
    clause on a verb with no object counts too ("have sworn to fight")."""
    has_object = any(c.dep_ in OBJECT_DEPS for c in verb.children)
    return [
        c
        for c in verb.children
        if c.dep_ in ("xcomp", "ccomp") or (c.dep_ == "advcl" and not has_object and _to_infinitive(c))
    ]


def _to_infinitive(verb: Any) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def purpose_of_object(verb: Any) -> bool:
    """ "summoned the envoy to complain": an infinitive on a verb with an object, sharing its target."""
    head = verb.head
    return bool(
        verb.dep_ == "xcomp"
        and head != verb
        and _to_infinitive(verb)
        and any(c.dep_ in OBJECT_DEPS for c in head.children)
    )


def purpose_clauses(verb: Any) -> list[Any]:
    """Infinitives saying what the action was for: "opened fire to disperse the crowd"."""
    has_object = any(c.dep_ in OBJECT_DEPS for c in verb.children)
    return [c for c in verb.children if _to_infinitive(c) and (c.dep_ == "advcl" or (c.dep_ == "xcomp" and has_object))]


def second_hop(noun: Any, preps: tuple[str, ...]) -> list[Any]:
    """Objects one step beyond a noun that is not an actor: "a war against Iraq", "crimes committed
    by the militia", "abuses by the police"."""
    found = preposition_objects(noun, (*preps, "by"))
    for clause in noun.children:
        if is_participle_modifier(clause):
            found += [o for c in clause.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
    return found


def modifier_noun(noun: Any) -> bool:
    """An event noun that only modifies another noun ("riot police", "protest leaders") is no event."""
    return bool(noun.dep_ == "compound" and noun.head != noun and noun.head.pos_ in ("NOUN", "PROPN"))


def carried_actions(word: Any, carriers: frozenset[str]) -> list[Any]:
    """What an uncoded carrying verb or noun holds: "continue [military aid]", "begin to [withdraw]",
    "delivery of [aid]"; a verb that is no carrier ("end months of fighting") holds nothing."""
    if word.pos_ == "NOUN":
        return [o for o in preposition_objects(word, ("of",)) if o.pos_ == "NOUN"]
    if word.lemma_.lower() not in carriers:
        return []
    found = [c for c in word.children if c.dep_ == "dobj" and c.pos_ == "NOUN"]
    return found + [c for c in word.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]
