"""Trigger words, each set one compiled alternation (English, about no company)."""

from __future__ import annotations

import re

I = re.IGNORECASE


class Keyed:
    """A compiled pattern behind a keyword check. An alternation of words costs `re` a
    try at every position; str.find of a few keywords is much cheaper, and a sentence
    that holds none of them cannot match. Every match must contain one keyword."""

    def __init__(self, pattern: re.Pattern, keywords: tuple[str, ...]):
        self.pattern = pattern
        self.words = keywords
        # A case-blind pattern also in lower case, for the lower-cased document: `re`
        # runs it three to four times faster than with IGNORECASE.
        self.low = re.compile(pattern.pattern.lower().replace("(?p<", "(?P<"),
                              pattern.flags & ~re.I) \
            if pattern.flags & re.I else None
        # plain lower-case literals, case-sensitive: `re` scans for their first letters
        self.keywords = re.compile("|".join(re.escape(k) for k in keywords))

    def only(self, fired) -> "Keyed":
        """The pattern to search where the triggers and kinds `fired` have their keywords
        (see Kinds)."""
        return self

    def _may_match(self, string: str, pos: int, endpos: int) -> bool:
        low = _lower(string)
        return low is None or self.keywords.search(low, pos, endpos) is not None

    def search(self, string: str, pos: int = 0, endpos: int | None = None):
        endpos = len(string) if endpos is None else endpos
        return self.pattern.search(string, pos, endpos) \
            if self._may_match(string, pos, endpos) else None

    def finditer(self, string: str, pos: int = 0, endpos: int | None = None):
        endpos = len(string) if endpos is None else endpos
        return self.pattern.finditer(string, pos, endpos) \
            if self._may_match(string, pos, endpos) else iter(())

    def match(self, string: str, pos: int = 0, endpos: int | None = None):
        return self.pattern.match(string, pos, len(string) if endpos is None else endpos)

    def fullmatch(self, string: str):
        # a short string (a name): lower-cased here, not kept in the cache of _lower
        low = string.lower()
        if len(low) == len(string) and self.keywords.search(low) is None:
            return None
        return self.pattern.fullmatch(string)


_lowered: dict[int, tuple[str, str | None]] = {}  # id -> (string, its lower-case form)


def _lower(string: str) -> str | None:
    """`string` lower-cased, cached for the strings the rules are reading (a document
    and its sentences); None when lower-casing changes the length (offsets would not
    line up). The cache keeps the strings, so that an id is not reused meanwhile."""
    hit = _lowered.get(id(string))
    if hit is not None and hit[0] is string:
        return hit[1]
    if len(_lowered) > 256:
        _lowered.clear()
    low = string.lower()
    _lowered[id(string)] = (string, low if len(low) == len(string) else None)
    return _lowered[id(string)][1]


# Marks of a list line in plain text, each with the mojibake a UTF-8 text read as
# cp1252 makes of it: a dash between a name and what it is ("X — customer", "â€“"/"â€”")
# and a bullet opening a line ("â€¢").
DASH = r"(?:[–—]|â€[“”])"
BULLET = r"(?:[-*•·]|â€¢)"

# Verbs that report a round as done (present tense too: headlines say "raises").
FUNDING_VERB = Keyed(re.compile(
    r"\b(?:rais(?:ed|es|ing)|clos(?:ed|es|ing)|complet(?:ed|es|ing|ion\s+of)|secur(?:ed|es)|"
    r"receiv(?:ed|es)|obtain(?:ed|s)|land(?:ed|s)|bag(?:ged|s)|net(?:ted|s)|"
    # "got $5 million", "gets funding" (not "it got lost", "gets compared with")
    r"(?:got|gets)(?=\s+(?:(?:a|an|about|nearly|over|more\s+than|fresh|new)\s+)?"
    r"(?:[$€£¥₹\\\d]|[A-Z]{1,3}\$|RMB|funding|investment|financing|backing|capital))|"
    r"pric(?:ed|es|ing)|listed|debuted|financing\s+of|investment\s+of|"
    r"(?:began|started)\s+trading)\b", I),
      ('rais', 'clos', 'complet', 'secur', 'receiv', 'obtain', 'land', 'bag', 'got', 'gets',
       'net', 'pric', 'listed', 'debuted', 'financing', 'investment', 'trading'))


def _kinds(kinds: list[tuple[str, str]]) -> str:
    """One alternation of (kind, pattern) pairs; `m.lastgroup` names the kind that
    matched. The kind is an empty group after its pattern, not a group around it: `re`
    then saves no group at each position it tries (measured: EVENT four times faster)."""
    return "|".join(f"(?:{p})(?P<{k.replace('-', '_')}>)" for k, p in kinds)


class All(tuple):
    """Words of a branch in groups, of which every match holds one word of each group:
    `All(("won", "received"), ("award", "prize"))` (a gate finer than any one word)."""

    def __new__(cls, *groups: tuple[str, ...]):
        return super().__new__(cls, groups)


_NEVER = re.compile("(?!)")


def _branches(pattern: str) -> list[str]:
    """The top-level branches of an alternation, as written ("a|(?:b|c)" -> "a", "(?:b|c)")."""
    out, depth, in_class, escaped, start = [], 0, False, False, 0
    for i, c in enumerate(pattern):
        if escaped:
            escaped = False
        elif c == "\\":
            escaped = True
        elif in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        elif c in "()":
            depth += 1 if c == "(" else -1
        elif c == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
    return out + [pattern[start:]]


class _Group:
    """Consecutive branches of one kind that hold the same words: their pattern alone,
    searched in a sentence only where the keyword pass found a word of each of their
    word groups (`parts`, each a gate of its own in the automaton)."""

    def __init__(self, name: str, pattern: str, words, flags: int):
        self.name = name
        self.word_groups = tuple(words) if isinstance(words, All) else (tuple(words),)
        if not all(self.word_groups):
            raise ValueError(f"kind {name!r}: an empty group of words")
        self.parts = frozenset(Keyed(_NEVER, w) for w in self.word_groups)
        self._source = (_kinds([(name, pattern)]), flags)
        self._alone: Keyed | None = None

    @property
    def alone(self) -> Keyed:
        """The group's own pattern (compiled at its first use)."""
        if self._alone is None:
            self._alone = Keyed(re.compile(*self._source),
                                tuple(dict.fromkeys(w for g in self.word_groups for w in g)))
        return self._alone


class _AnyOf:
    """The matches of an alternation of `patterns` (compiled regular expressions, in
    declared order), each searched alone: the leftmost match of any, at a tie the first
    declared, as `re` finds with an alternation of them (at each position it tries the
    branches in order). No alternation of each combination is compiled: there were a
    few hundred combinations per process, at 3 ms each."""

    def __init__(self, patterns: list[re.Pattern]):
        self.patterns = patterns

    def search(self, string: str, pos: int = 0, endpos: int | None = None):
        endpos = len(string) if endpos is None else endpos
        best = None
        for p in self.patterns:
            m = p.search(string, pos, endpos)
            if m is not None and (best is None or m.start() < best.start()):
                best = m
        return best

    def finditer(self, string: str, pos: int = 0, endpos: int | None = None):
        endpos = len(string) if endpos is None else endpos
        # each pattern's next match, searched again only once a match yielded reaches
        # past its start (whether a pattern matches at a position does not depend on
        # where the search started)
        ahead = [p.search(string, pos, endpos) for p in self.patterns]
        while True:
            best = None
            for m in ahead:
                if m is not None and (best is None or m.start() < best.start()):
                    best = m
            if best is None:
                return
            yield best
            pos = best.end() if best.end() > best.start() else best.end() + 1
            if pos > endpos:
                return
            ahead = [m if m is None or m.start() >= pos else p.search(string, pos, endpos)
                     for p, m in zip(self.patterns, ahead)]


class _KindsFound:
    """What `Kinds.only` gives for several groups (or none): their patterns searched alone,
    as `pattern` and, for the lower-cased text, `low` (what a Sentence reads of a Keyed)."""

    def __init__(self, groups: list[_Group], words: tuple[str, ...]):
        self.words = words
        self.pattern = _AnyOf([g.alone.pattern for g in groups])
        lows = [g.alone.low for g in groups]
        self.low = _AnyOf(lows) if all(lows) else None


class Kinds(Keyed):
    """An alternation of kinds (`_kinds`) searched, in a sentence, for only the kinds whose
    keywords occur in it: the others cannot match there, and `re` tries every branch at
    every position (PARTNER cost 15 µs a search with all eleven). `words` declares, per
    kind, words of which every match of the kind holds one (checked at import: every
    kind has some; tests/test_extract_triggers.py checks them over the labelled corpus):
    a tuple of words, `All(...)` of groups of words, or a list with one of these per
    top-level branch of the kind's pattern. Consecutive branches that declare the same
    words are a group, searched alone (`_AnyOf`) where its words occur: a kind whose
    branches need different words ("supplier to", "won a contract from") is not searched
    whole wherever any of them occurs."""

    def __init__(self, kinds: list[tuple[str, str]], words: dict, flags: int = 0):
        names = [k for k, _ in kinds]
        if set(names) != set(words) or not all(words.values()):
            raise ValueError(f"keywords declared for kinds {sorted(words)}, "
                             f"the alternation has {sorted(names)}: declare words for each")
        self.kinds = kinds
        self.flags = flags
        self.groups: list[_Group] = []
        for name, pattern in kinds:
            declared = words[name]
            if isinstance(declared, list):
                branches = _branches(pattern)
                if len(declared) != len(branches):
                    raise ValueError(f"kind {name!r}: words declared for {len(declared)} "
                                     f"branches, its pattern has {len(branches)}")
                runs: list[tuple] = []
                for w, branch in zip(declared, branches):
                    if runs and runs[-1][0] == w:
                        runs[-1][1].append(branch)
                    else:
                        runs.append((w, [branch]))
            else:
                runs = [(declared, [pattern])]
            self.groups += [_Group(name, "|".join(b), w, flags) for w, b in runs]
        # the gates the keyword pass reports: each word group of each group
        self.gates = tuple(part for g in self.groups for part in g.parts)
        super().__init__(re.compile(_kinds(kinds), flags),
                         tuple(dict.fromkeys(w for g in self.groups
                                             for group in g.word_groups for w in group)))
        self._gate_set = frozenset(self.gates)
        self._chosen: dict[frozenset, Keyed | _KindsFound] = {}

    def only(self, fired) -> Keyed | _KindsFound:
        """The groups all of whose gates are in `fired`, in declared order."""
        key = self._gate_set.intersection(fired)  # in C, not a loop over the gates
        found = self._chosen.get(key)
        if found is None:
            chosen = [g for g in self.groups if g.parts <= key]
            found = self._chosen[key] = chosen[0].alone if len(chosen) == 1 else \
                _KindsFound(chosen, self.words)
        return found


# The characters `\s` matches (those for which str.isspace() is true; a test checks).
SPACES = ("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
          "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")


def _after_space(*words: str) -> tuple[str, ...]:
    """Keywords for words that a pattern reads only after white space ("\\s+round")."""
    return tuple(c + w for w in words for c in SPACES)


# Round names: each branch names what it captures (a branch's \b before its group:
# `re` tries a group only at word boundaries, twice as fast).
ROUND_NAME = Keyed(re.compile(
    r"\bSeries\s+(?P<series>[A-H](?:\d|\+{1,2})?)(?![\w+])"
    r"|\bPre-?(?P<pre>[A-H])\+?(?![\w])"
    r"|\b(?P<tranche>[A-H][1-9])(?:\s+(?:round|tranche)|(?=[ \t]*:[ \t]+[A-Z$€£¥₩\d]))"
    r"|\b(?P<letter>[A-H]\+{0,2})\s+rounds?\b"
    r"|\b(?P<seed>seed\s+(?:round|funding|financing|investment|stage)|"
    r"seed(?=\s+(?:from|led\s+by|cheque|check)\b)|"
    # a fact sheet's label: "Seed (2020): £2.1 million"
    r"seed(?=[ \t]*(?:\([^)\n]{1,20}\))?[ \t]*:))"
    r"|\b(?P<angel>angel\s+(?:round|funding|financing|investment)|"
    r"angel(?=[ \t]*(?:\([^)\n]{1,20}\))?[ \t]*:))"
    r"|\b(?P<strategic>strategic\s+(?:investment|financing|round|funding))"
    r"|\b(?P<ipo>initial\s+public\s+offering|(?<!pre-)\bIPO\b|\blisted\s+on\s+the|"
    r"\blisting\s+of\s+(?:the\s+|its\s+|our\s+)?shares\b|"
    # "quoted on AIM since its admission in June 2021", "admission to trading on AIM"
    r"(?<=since its )admission\b|\badmission\s+to\s+(?:trading\s+on\s+)?AIM\b|"
    r"\bshares\s+(?:began|started)\s+trading)", I),
      ('series', *(f"pre{dash}{letter}" for dash in ("", "-") for letter in "abcdefgh"),
       *_after_space("round", "tranche"),  # "B1 round", "C round" (not "around")
       *(f"{letter}{digit}:" for letter in "abcdefgh" for digit in "123456789"),  # "B1: KRW 12bn"
       'seed', 'angel', 'strategic', 'initial', 'ipo', 'listed', 'listing', 'admission', 'trading'))
# A round named in an aside about an investor ("X, which backed the company's seed round"):
# a reference to an earlier round, not a new one. ("X, who led the B1 round" is news.)
BACKED_BEFORE = re.compile(r"\b(?:which|who)\s+(?:also\s+|previously\s+|had\s+)*(?:backed|"
                           r"funded|invested\s+in|participated\s+in|had\s+provided)\s+"
                           r"(?:[\w'’$€£¥.,-]+\s+){0,3}$", I)
# Not a completed round of the subject: plans, aborted deals, forecasts.
FORWARD = Keyed(re.compile(
    r"\b(?:plans?\s+to|planning\s+to|will\s+(?:seek|raise|use|begin|list|partner|launch|"
    r"set\s+up|open|establish)|"
    r"expects?\s+to|expected\s+to|intends?\s+to|aims?\s+to|aimed\s+to|is\s+seeking|"
    r"was\s+seeking|were\s+seeking|"
    r"seeks?\s+to|in\s+talks|considering|could\s+raise|may\s+raise|would\s+raise|"
    r"people\s+familiar|postpone[sd]?|shelved|suspended|called\s+off|cancel(?:led|ed)|"
    r"files?\s+for|filed\s+for|delayed|withdr[ae]w)\b", I),
      ('plan', 'will', 'expect', 'intend', 'aim', 'seek', 'talks', 'consider', 'could', 'may',
       'would', 'familiar', 'postpone', 'shelved', 'suspended', 'called', 'cancel', 'file',
       'delayed', 'withdr'))
# A listing done, after a filing for it in the same sentence.
LISTED = re.compile(r"\b(?:listed|debuted|(?:began|started)\s+trading|went\s+public)\b", I)
# "announced plans to collaborate" is itself the news of a partnership.
ANNOUNCED_PLAN = Keyed(re.compile(r"\bannounc\w*\s+plans?\s+to\b", I), ('announc',))
# A sum of several rounds, not one round.
TOTAL = Keyed(re.compile(
    r"\b(?:in\s+total|total(?:ling)?|totaled|totalled|to\s+date|so\s+far|cumulative\w*|"
    r"accumulat\w+|altogether|in\s+(?:six|\w+)\s+months|since|combined|overall|"
    # "Before the listing, the company had raised more than US$400 million" (the
    # pluperfect: all it raised until then)
    r"before\s+(?:the\s+|its\s+)?(?:listing|IPO|flotation|going\s+public)\b[^.;$]{0,30}?"
    r"\bhad)\b", I),
      ('total', 'date', 'far', 'cumulative', 'accumulat', 'altogether', 'months', 'since',
       'combined', 'overall', 'before'))
VALUATION = re.compile(r"\bvalu(?:ed|ing|es|ation)\b[^.;$]{0,60}$", I)
FUND = re.compile(r"\s*(?:\w+\s+){0,2}funds?\b", I)  # matched at the amount's end: no "^"
ROUND_REFERENCE = Keyed(re.compile(r"\b(?:the|this|that)\s+(?:(?:latest|new|most\s+recent)\s+)?"
                                   r"(?:round|financing|investment|tranche|offering|extension)"
                             r"|\bround\b", I),
      ('round', 'financing', 'investment', 'tranche', 'offering', 'extension'))
# Gate of text.find_roles: every role phrase contains one of these words.
ROLES = Keyed(re.compile(r"(?!)"), ('led', 'lead', 'anchor', 'headed', 'participa', 'joined', 'also in',
                                    'backed', 'invest', 'alongside', 'along', 'took part',
                                    'follow', 'contributed', 'included', 'head', 'money',
                                    'returned', 'subscribed', 'increase', 'support',
                                    'board', 'came', 'upped', 'shareholder', 'allotment',
                                    'took', 'chipped', 'doubled', 'additional', 'putting',
                                    'put', 'ticket', 'taking up', 'in it too', 'backer',
                                    'drew', 'cheque', 'biggest check', 'largest check',
                                    'enters the', 'enter the', 'purchasing the', 'purchased the',
                                    'allottee', 'subscriber', 'cornerstone'))
# Coreference to the document's subject.
# An investor-only sentence ("X also participated") belongs to the round in context only
# when it says so.
INVESTOR_FOLLOW_UP = Keyed(re.compile(r"\b(?:also|existing|returning|cornerstone|again|"
                                r"too)\b|\bother\s+(?:[\w-]+\s+)?(?:investors?|backers?|shareholders?|"
                                r"firms?)\b|\bfollowed\s+on\b|\bnew\s+investors?\b|"
                                r"\binvestors?\s+(?:include|included|were)\b|"
                                r"\b(?:lead|anchor)\s+investor\b|"
                                # labels after a round: "Lead: X. Also in: Y"
                                r"\b(?:leads?|also\s+in|participants?|(?:co-?)?investors?|allottees?|"
                                r"subscribers?):|\bsole\s+investor\b|\bround\s+drew\b|"
                                r"\bnew\s+backers?\b|\bbackers?\s+(?:include|included|were)\b|"
                                r"\bwrote\s+the\s+(?:biggest|largest)\b|\benters?\s+the\s+capital\b|"
                                r"\breturned(?=\s+as\s+well\b|\s+too\b|\s*[.;])|\bmore\s+money\b|"
                                # "X led it", an investor back: "came back in", "re-upped",
                                # "doubled down"
                                r"\b(?:led|headed)\s+it\b|\bcame\s+back\b|\bre-?upped\b|"
                                r"\bdoubled\s+down\b", I),
      ('also', 'existing', 'returning', 'cornerstone', 'other', 'investor', 'again', 'too',
       'followed', 'lead', 'participant', 'led', 'headed', 'came', 'upped', 'doubled',
       'allottee', 'subscriber', 'drew', 'backer', 'wrote', 'enter', 'returned', 'money'))
# A company writing about itself (a post, a letter, a prospectus, an interview) says "we",
# "our", "us" and "our company".
SUBJECT_REF = Keyed(re.compile(r"\b(?:it|its|the\s+company|the\s+firm|the\s+start-?up|the\s+group|"
                         r"the\s+two\s+companies|which|who|we|our|us|the\s+shares|"
                         # "The Shanghai-based company", "the Ulm-based start-up" (possessive
                         # words: no backtracking over every word after "the")
                         r"the\s+(?:\w++-)++based\s+(?:company|firm|start-?up|group))\b", I),
      ('it', 'the company', 'the firm', 'the start', 'the group', 'the two', 'which', 'who',
       'we', 'our', 'us', 'the shares', 'based'))
# A line of a timeline or a milestone list ("2019-04: X signs ...", "✅ March 2023 – NH-1
# launched", "2018 | We established ..."): the subject's history, though the line may not
# name it, and no headline though its words are capitalised.
# (or a date in a column of its own: "2016-09     Founded ...", a gap of two spaces or a tab)
DATED_LINE = re.compile(r"[^\w\n]{0,6}(?:(?:19|20)\d\d(?:-[01]\d(?:-[0-3]\d(?=[ \t]{2}|\t))?|"
                        r"\s*\([A-Z][a-z]{2,8}\.?\))?|"
                        r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+"
                        r"(?:\d{1,2},?\s+)?(?:19|20)\d\d)"
                        r"(?:\s*(?:[:|–—]|-\s)|[ \t]{2,}|\t)")
OTHER_ACTOR = Keyed(re.compile(r"\b(?:rivals?|competitors?|peers?|compatriots?)\b", I),
      ('rival', 'competitor', 'peer', 'compatriot'))
PREVIOUS = Keyed(re.compile(r"\b(?:previous(?:ly)?|earlier|prior|before\s+that)\b", I),
      ('previous', 'earlier', 'prior', 'before'))
CLAUSE_BREAK = Keyed(re.compile(r",\s*(?:with|while|and|but|which|whereas|alongside)\b|;|\s[–—]\s"
                          r"|,\s*(?:the\s+company|it)\s+said", I), (',', ';', '–', '—'))
# An aside between commas before a verb: an apposition or a relative clause ("X, the
# London start-up, has raised", "X, which was founded by Y, raised", "X, China's leading AI
# company, has announced").
ASIDE = re.compile(r",\s+(?:the|a|an|which|who|founded|based|headquartered|"
                   r"[A-Z][\w-]*['’]s)\b[^,;.]{1,80},", I)
PREPOSITION_BEFORE = re.compile(r"\b(?:on|at|in|with|from|by|of|to|for|into|onto|via)\s+(?:the\s+)?$", I)

PARTNER_KIND = [
    ("listed", r"\b(?:partners|customers|clients)(?:,?\s+(?:and\s+)?(?:partners|customers|clients|"
               r"alliances))*,?\s+(?:such\s+as|including|include|like)\b"),
    ("mou", r"memorandum\s+of\s+understanding|\bMoUs?\b|\bMOUs?\b"),
    ("joint-venture", r"joint[\s-]+venture|"
                      # "set up a 'smart policing' company with X"
                      r"\bset\s+up\s+(?:a|an)\s+(?:[\w'’-]+\s+){0,3}?(?:company|venture|firm)\s+"
                      r"with\b"),
    ("joint-lab", r"joint\s+(?:lab|laboratory|research\s+(?:lab|laboratory|cent(?:er|re)))|"
                  # "A and B jointly established a machine-vision laboratory"
                  r"\bjointly\s+(?:established|set\s+up|founded|built|opened)\s+(?:a|an)\s+"
                  r"(?:[\w-]+\s+){0,2}(?:lab|laboratory)\b"),
    ("alliance", r"\b(?:alliance|consortium)\b"),
    ("strategic-agreement", r"strategic\s+(?:cooperation\s+|partnership\s+|alliance\s+)?agreement|"
                            r"strategic\s+cooperation"),
    # (a "collaborative memorandum of understanding" is a memorandum)
    ("collaboration", r"\bcollaborat\w*\b(?!\s+(?:memorandum|mou)\b)|\bco-?operat(?:e|ion)\b"),
    # "welcome X as our fabrication partner": X makes for the subject
    ("supplier", r"\bas\s+(?:(?:a|an|its|our|their)\s+)?(?:fabrication|manufacturing|production|"
                 r"supply)\s+partner\b|\b(?:supply|manufacturing)\s+(?:contract|agreement|deal)\b|"
                 r"\bas\s+(?:a|its)\s+supplier\b|"
                 # "which becomes Orvelle's preferred hardware supplier"
                 r"\bbec(?:ame|omes)\s+(?:[\w-]+\s+){0,2}?[\w-]+['’]s\s+(?:[\w-]+\s+){0,2}supplier\b|"
                 # "its data center was equipped by X and Y's chips", "powered by X GPUs"
                 r"\b(?:equipped|powered|built|runs|running)\s+(?:with|by|on)\b(?=\s+"
                 r"(?:[\w&'’.-]+\s+){1,6}?(?:chips?|gpus?|processors?|semiconductors?|"
                 r"accelerators?)\b)|"
                 # "software supplied by X", "the boards are made for us by X"
                 r"\bsupplied\s+by\b|\b(?:made|manufactured|produced|built)\s+for\s+"
                 r"(?:us|it|them|[A-Z][\w-]*)\s+by\b|"
                 # "sources its chips from X", "we buy our spawn from X", "buys its cells from X"
                 r"\b(?:sources?|buys?|bought|purchases?)\s+(?:its|our|their|the|all)\s+"
                 r"(?:[\w-]+\s+){0,2}?from\b|"
                 # "tapped X to supply the arm assemblies" (partners.py: X, right after)
                 r"\btapped(?=\s+(?:[\w&'’.-]+\s+){1,6}?to\s+(?:supply|make|build|manufacture)\b)|"
                 # "X supplies the wheel motors for every <product>": X, the doer
                 r"\bsuppl(?:y|ies|ied)\s+(?:[\w-]+\s+){1,6}?for\s+(?:every|each|all)\b|"
                 # "the stack sensors are built by X"
                 r"\b(?:are|is|were|was)\s+(?:built|made|manufactured|produced|assembled)\s+by\b"),
    ("partnership", r"\bpartnership\b|\bpartnerships\s+with\b|\bpartnered\b|\bpartnering\b|"
                    r"\bpartners?\s+with\b|"
                    r"\bteamed\s+up\b|\bwork(?:s|ed|ing)?\s+(?:together\s+|closely\s+)?with\b|"
                    r"\bintegrat(?:ed|es|e)\s+with\b|\bplug(?:s|ged)?\s+(?:directly\s+)?into\b|"
                    r"\bjoined\s+forces\s+with\b|\btie-?ups?\s+with\b|"
                    # "co-developed with X"; "X and <subject> are building a terminal"
                    r"\bco-?developed\s+with\b|\b(?:are|were)\s+(?:jointly\s+)?(?:building|developing)\b|"
                    # "X, a drayage marketplace, integrated <subject>'s API"
                    r"\bintegrated(?=\s+[A-Z][\w-]*['’]s\s+(?:API|SDK|platform|software|engine|"
                    r"technology|app)\b)|"
                    # "our implementation partner, X" (partners.py: X, right after)
                    r"\b(?:our|its|their)\s+(?:[\w-]+\s+)?partner,?(?=\s+[A-Z])|"
                    # "named A, B and C as construction partners"
                    r"\bas\s+(?:(?:a|an|its|our|their)\s+)?(?:[\w-]+\s+)?partners?\b"),
    ("customer", r"\bas\s+(?:(?:a|its|their|our)\s+)?(?:(?:first|largest|biggest|key|major|anchor|"
                 r"new)\s+)?(?:[\w-]+\s+)?(?:customer|client)\b|\bcustomers?\s+(?:include|such)|"
                 r"\b(?:has|have|had)\s+become\s+(?:a|its|their|our)\s+(?:[\w-]+\s+){0,2}(?:customer|client)\b|"
                 r"\bbec(?:ame|omes)\s+(?:a|its|their|our|[A-Z][\w-]*['’]s)\s+(?:[\w-]+\s+){0,2}"
                 r"(?:customer|client)\b|"
                 # "A and B are among its customers"
                 r"\b(?:are|is|were|was)\s+among\s+(?:its|their|our)\s+(?:[\w-]+\s+)?(?:customers|clients)\b|"
                 # the subject supplies X: "a tier-one supplier to X", "supplies drones to X"
                 r"\b(?:supplier|vendor)\s+(?:to|of)\b|"
                 r"\bsuppl(?:y|ies|ied|ying)\s+(?:[\w-]+\s+){1,4}?to\b|"
                 # "won a $48 million contract from X": X buys
                 r"\b(?:won|wins|secured|landed)\s+(?:a|an)\s+(?:[\w$€£.,-]+\s+){0,4}?"
                 r"(?:contract|tender|order)\s+from\b|"
                 # "X placed an order", "its main customer is X"
                 r"\bplaced\s+(?:a|an|its|their|our)\s+(?:[\w-]+\s+){0,2}orders?\b|"
                 r"\b(?:main|largest|biggest|first|key|anchor)\s+customer\s+(?:\w+\s+)?(?:is|was)\b|"
                 # "X has agreed to buy 200 MWh of <subject>'s units": X buys its products
                 # (a number and a unit, not a per cent nor shares: a stake is a round)
                 r"\b(?:agreed\s+to\s+buy|ordered|bought|purchased)\s+\d[\d.,]*\s+(?!per\b|percent\b)"
                 r"(?:(?!shares\b|stock\b)[\w-]+\s+){1,3}?(?=of\s)|"
                 # a line of a partners list: "X — customer (since 2025)"
                 + DASH + r"\s+(?:[\w-]+\s+){0,2}?(?:customer|client)\b|"
                 # "X also uses <subject>'s technologies" (partners.py: only the subject's)
                 r"\b(?:uses|used)(?=\s+[\w-]+['’]s\s+(?:[\w-]+\s+)?(?:technolog|platform|"
                 r"products?\b|software\b|solutions?\b|systems?\b|algorithms?\b|chips?\b|"
                 r"models?\b))|"
                 # "X has run all 900 of its stores on <subject>" (partners.py: only the
                 # subject named right after "on")
                 r"\b(?:runs?|ran|running)(?:\s+[\w-]+){0,6}? on(?=\s+[A-Z])|"
                 # "X has run <subject> on its fleet since 2024" (partners.py: the subject next)
                 r"\b(?:runs?|ran|run)(?=\s+[A-Z][\w-]*\s+on\b)|"
                 # "X signed on as a customer", "X signed on for 12 vessels"; "X has ordered 40
                 # units"; "X signs three-year contract for 12 robots"
                 r"\bsigned\s+(?:on|up)\s+(?:as\s+(?:a\s+)?(?:customer|client)|for)\b|"
                 r"\b(?:has|have|had)\s+ordered\s+\d[\d.,]*\s+(?!per\b|percent\b|shares\b)[\w-]+|"
                 r"\bsign(?:s|ed)\s+(?:a\s+)?(?:[\w-]+\s+){0,2}contract\s+for\b|"
                 # "went live at X"; "X chose / selected <subject>" (not "as one of" a
                 # state's list) and "X switched its clinics to <subject>" (partners.py:
                 # only the subject right after)
                 r"\bwent\s+live\s+(?:at|with)\b|\b(?:chose|selected|picked)(?=\s+[A-Z])(?![^.;]{0,40}\bas\s+one\s+of\b)|"
                 r"\bswitched\s+(?:[\w'’-]+\s+){0,4}?to(?=\s+[A-Z])|"
                 # "X, its largest customer, has installed ..."
                 r",\s+(?:its|our)\s+(?:largest|biggest|first|main|key|anchor|oldest)\s+"
                 r"(?:customer|client)\b|"
                 # "have used <subject> modules since 2022" (partners.py: the subject's)
                 r"\b(?:uses|used|use)\s(?=\s*[A-Z][\w-]*\s+(?:modules?|products?|software|platform|"
                 r"systems?|sensors?|robots?|chips?|apps?|devices?|technology)\b)|"
                 # "is also used by X"; "the qualified supplier list of X"
                 r"\b(?:is|are|was|were)\s+(?:also\s+|now\s+|already\s+)?used\s+by\b|"
                 r"\bsupplier\s+list\s+of\b|"
                 # "X has been a customer since 2024"; "was awarded a contract by X"; "X
                 # awarded <subject> a contract"; "have been adopted by X"; "received an order
                 # from X"; "<subject> powers X's app"; "X has deployed twelve <subject> robots"
                 r"\b(?:has|have)\s+been\s+a\s+(?:[\w-]+\s+)?(?:customer|client)\b|"
                 r"\bwas\s+awarded\s+(?:a|an)\s+(?:[\w$€£.,-]+\s+){0,4}?contract\s+by\b|"
                 r"\bawarded(?=\s+[A-Z][\w-]*\s+(?:a|an)\s+(?:[\w-]+\s+){0,3}?contract\b)|"
                 r"\b(?:has|have|had)\s+(?:also\s+)?been\s+adopted\s+by\b|"
                 # "<subject> supplies X's factories with", "as freight forwarder for X"
                 r"\bsuppl(?:y|ies|ied)(?=\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*['’]s\b)|"
                 r"\b(?:freight\s+forwarder|contractor|subcontractor)\s+for\b|"
                 r"\breceived\s+(?:an?\s+)?(?:[\w-]+\s+){0,3}?orders?\s+from\b|"
                 r"\bpowers(?=\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*['’]s\b)|"
                 r"\b(?:has|have)\s+deployed(?=\s+(?:[\w-]+\s+){0,2}?[A-Z])|"
                 # "the company's drones are deployed at X Hospital"
                 r"\b(?:is|are|was|were|been)\s+(?:now\s+|already\s+)?(?:deployed|installed)\s+at\b|"
                 # "signed its first customer in the United States, X" (partners.py: the
                 # name after it, not a place)
                 r"\bsigned\s+(?:its|our|a|the)\s+(?:first|new|largest|biggest)\s+(?:[\w-]+\s+)?"
                 r"(?:customer|client)\b|"
                 # an entry's "A customer since 2023, the carrier runs 40 robots"
                 r"\ban?\s+(?:[\w-]+\s+)?customer\s+since\b|"
                 # "X, which now buys the coated modules": X, the name before the comma
                 r",\s+which\s+(?:now\s+|also\s+|still\s+)?(?:buys|purchases|orders|ordered)\b|"
                 # "X began offering <subject's product> to its members" (partners.py: only
                 # the subject named right after)
                 r"\b(?:began|begun|started|now)\s+offering(?=\s+[A-Z])|"
                 # "Brantwell Insurance - we signed them in February": the name before
                 r"\b(?:we|it)\s+signed\s+them\b"),
    # (not "signed a strategic agreement with": a strategic-agreement, further right)
    ("agreement", r"\bagreement\s+(?:\w+\s+){0,2}?with\b|\blicen[sc](?:ed|es)\b|\b(?:signed|struck|inked|reached)\s+(?:a|an)\s+"
                  r"(?:(?!strategic\b)[\w-]+\s+){0,2}(?:deal|contract|agreement)\s+(?:\w+\s+){0,2}?with\b|"
                  # "X — retail distribution agreement covering ...", "an agreement to license"
                  + DASH + r"\s+(?:[\w-]+\s+){0,3}?agreement\b|\bagreement\s+to\s+licen[sc]e\b|"
                  # "a framework contract with X", "the distribution deal with X" (not an
                  # investment's or an acquisition's deal)
                  r"\b(?:a|an|the|its|their|our|framework)\s+(?:(?!strategic\b|investment\b|"
                  r"acquisition\b|merger\b|financing\b|funding\b|share\b)[\w-]+\s+){0,2}?"
                  r"(?:contract|deal|pact)\s+with\b|"
                  # "Under a distribution agreement signed in July, X will sell ..." (an
                  # entry's: X, its head)
                  r"\b(?:distribution|reseller|licen[cs]ing|co-?development|joint\s+development)\s+"
                  r"(?:agreement|deal|contract)\b(?!\s+with\b)|"
                  # "X will resell <subject>'s software" (partners.py: the subject's, next)
                  r"\b(?:resells?|resold|distributes?|distributed|resell|distribute)(?=\s+[A-Z])|"
                  # "X appointed as exclusive distributor for Japan": X, the name before
                  r"\b(?:was\s+|has\s+been\s+)?appointed\s+(?:as\s+)?(?:its\s+|the\s+|an?\s+)?"
                  r"(?:exclusive\s+|sole\s+|official\s+|authori[sz]ed\s+)?(?:distributor|reseller|"
                  r"dealer)\b"),
]
# Per kind, words of which every match of its pattern contains one (lower case); per
# branch where branches need different words (see Kinds).
_DASHES = ("–", "—", "â€")  # DASH's first characters
PARTNER_WORDS = {
    "listed": All(("partners", "customers", "clients"), ("such", "includ", "like")),
    "mou": ("memorandum", "mou"),
    "joint-venture": [("joint",), All(("set",), ("company", "venture", "firm"))],
    "joint-lab": ("joint",),  # ("jointly" holds it)
    "alliance": ("alliance", "consortium"),
    "strategic-agreement": ("strategic",),
    "collaboration": ("collaborat", "cooperat", "co-operat"),
    "supplier": [All(("partner", "contract", "agreement", "deal"),
                     ("fabrication", "manufacturing", "production", "supply"))] * 2 +
                [("supplier",)] * 2 +
                [All(("equipped", "powered", "built", "run"),
                     ("chip", "gpu", "processor", "semiconductor", "accelerator")),
                 ("supplied by",), All(("made for", "manufactured for", "produced for", "built for"),),
                 ("source", "buy", "bought", "purchase"), ("tapped",),
                 All(("suppl",), ("for every", "for each", "for all")),
                 All(("built by", "made by", "manufactured by", "produced by", "assembled by"),)],
    "partnership": ("partner", "teamed", "work", "integrat", "plug", "forces", "tie-up", "tieup",
                    "co-develop", "codevelop", "are building", "were building", "are developing",
                    "were developing", "are jointly", "were jointly"),
    "customer": [("customer", "client")] * 5 + [  # "as its customer", "customers include"
        ("suppl", "vendor"), ("suppl", "vendor"),  # "supplier to", "supplies X to"
        All(("won", "wins", "secured", "landed"), ("contract", "tender", "order")),
        All(("placed",), ("order",)),
        All(("main", "largest", "biggest", "first", "key", "anchor"), ("customer",)),
        ("buy", "ordered", "bought", "purchased"),
        All(_DASHES, ("customer", "client")),  # "X — customer"
        All(("uses", "used"), ("technolog", "platform", "product", "software", "solution",
                               "system", "algorithm", "chip", "model")),
        All(("run", "ran"), (" on",)),
        All(("run", "ran"), (" on",)), ("signed on", "signed up"), ("ordered",), All(("sign",), ("contract for",)),
        ("went live",), ("chose", "selected", "picked"), ("switched",),
        All(("largest", "biggest", "first", "main", "key", "anchor", "oldest"),
            ("customer", "client")),
        ("use ", "uses ", "used "), ("used by",), ("supplier list",),
        All(("been a",), ("customer", "client")), All(("awarded",), ("contract",)),
        ("awarded",), ("adopted by",), ("suppl",), All(("forwarder", "contractor"), ("for",)), All(("received",), ("order",)),
        ("powers",), ("deployed",), ("deployed at", "installed at"),
        All(("signed",), ("customer", "client")), ("customer since",),
        ("buys", "purchases", "orders", "ordered"),
        ("offering",),
        All(("signed",), ("them",))],
    "agreement": [("agreement", "licen")] * 2 + [
        All(("signed", "struck", "inked", "reached"), ("deal", "contract", "agreement")),
        All(_DASHES, ("agreement",)),
        All(("agreement",), ("licen",)),
        ("contract", "deal", "pact"),
        All(("distribution", "reseller", "licen", "development"), ("agreement", "deal", "contract")),
        ("resel", "resol", "distribut"),
        All(("appointed",), ("distributor", "reseller", "dealer"))],
}
PARTNER = Kinds(PARTNER_KIND, PARTNER_WORDS, I)
ENDED = Keyed(re.compile(r"\b(?:ended|terminated|dissolved|expired|severed|cut\s+ties|"
                   r"pulled\s+out|exited|scrapped|earlier\s+partnership|former\s+partner|"
                   r"concluded(?=\s*\))|"
                   # a closed span of years: "worked with X from 2021 until 2024"
                   r"from\s+(?:19|20)\d\d\s+(?:until|till|to)\s+(?:19|20)\d\d)\b", I),
      ('ended', 'terminated', 'dissolved', 'expired', 'severed', 'cut', 'pulled', 'exited',
       'scrapped', 'earlier', 'former', 'concluded', 'from'))

SANCTION_PROGRAM = Keyed(re.compile(
    r"(?P<program>(?:(?:[A-Z][\w-]*|of|the)\s+){0,6}?(?:[A-Z][\w-]*\s+)?List\b"
    r"|(?:an?\s+|its\s+)?(?:investment\s+|trade\s+|export\s+)?blacklist(?![\w-])"
    r"(?:\s+of\s+(?P<named>(?:[A-Z][\w-]*\s+){0,6}[A-Z][\w-]*))?"
    r"|Chinese\s+[Mm]ilitary(?:-[Ii]ndustrial)?\s+[Cc]ompan(?:y|ies)"
    r"|Specially\s+Designated\s+Nationals|sanctions?\s+list"
    # lists a news report names in lower case: "added X to its unreliable entity list",
    # "placed X on its export control control list", "the entity list"
    r"|\b(?:(?:unreliable\s+)?entity|export\s+control(?:\s+control)?|denied\s+persons?|"
    r"military\s+end[\s-]users?)\s+list\b"
    # a sanctions regime ("designated under the UK's Russia sanctions regime") and an
    # annex of a regulation ("appears in Annex IV of the EU's Russia export-control
    # regulation", "Annex I to Regulation (EU) No 269/2014")
    r"|(?:[A-Z][\w-]*\s+){0,3}sanctions\s+regime\b"
    r"|\bAnnex\s+[IVX]+\s+(?:to|of)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,5}?[Rr]egulation\b"
    r"(?:\s+\(E[UC]\)\s+(?:No\s+)?\d+/\d+)?)"),
      ('list', 'military', 'specially', 'sanction', 'annex'))
SANCTION_VERB = Keyed(re.compile(r"\b(?:add(?:ed|s|ing)?|placed?|put|designat(?:ed|es)|listed|labell?ed|"
                           r"blacklist(?:ed|s)|sanction(?:ed|s)|includ(?:ed|es)|named|"
                           r"imposed)\b", I),
      ('add', 'place', 'put', 'designat', 'listed', 'label', 'blacklist', 'sanction', 'includ',
       'named', 'imposed'))
SANCTION_LIFTED = Keyed(re.compile(r"\b(?:removed|delisted|lifted|taken\s+off|struck\s+off|"
                             r"dropped\s+from)\b", I),
      ('removed', 'delisted', 'lifted', 'taken', 'struck', 'dropped'))
# A notice that lists entries under a sentence ("The following entity is added to the list
# ... set out in Annex I to Regulation (EU) No 269/2014:"), each entry a block of fields
# ("Name: X (alias)", "Date of listing: 20.5.2025"): the entry's name is what is listed.
ADDED_ENTRIES = re.compile(r"\bThe\s+following\s+(?:entity|entities|persons?|natural\s+or\s+legal\s+"
                           r"persons?)\s+(?:is|are|shall\s+be)\s+(?:hereby\s+)?(?:added|included)\b"
                           r"[^\n]*:[ \t]*$", re.I | re.M)
ENTRY_NAME = re.compile(r"^[ \t]*(?:\d+\.[ \t]*)?Name:[ \t]*(?P<name>[^\n(]*[^\s(])", re.M)
LISTING_DATE = re.compile(r"^[ \t]*Date\s+of\s+(?:listing|designation):[ \t]*", re.I | re.M)
AUTHORITY = Keyed(re.compile(
    r"(?:(?:U\.S\.|US|United\s+States|American|EU|European|UK|British|Chinese|Japanese)\s+)?"
    r"(?:(?:Department|Bureau|Office|Ministry|Commission)\s+of\s+(?:the\s+)?[A-Z][\w-]*"
    r"(?:\s+(?:and\s+)?[A-Z][\w-]*)*"
    r"|(?:[A-Z][\w-]*\s+)?(?:Department|Treasury|Commerce)(?:\s+Department)?"
    # an office named by a list of words: "Foreign, Commonwealth and Development Office"
    r"|(?!The\b)(?:[A-Z][\w-]*,\s+)+(?:[A-Z][\w-]*\s+and\s+)?[A-Z][\w-]*\s+Office"
    # a ministry a report names in lower case: "Japan's trade ministry"
    r"|(?!The\b)[A-Z][\w-]*['’]s\s+(?:trade|commerce|economy|finance|foreign|defen[cs]e)\s+"
    r"ministry"
    # the issuer of an EU regulation, in its heading's capitals too
    r"|Council\s+of\s+the\s+European\s+Union|COUNCIL\s+OF\s+THE\s+EUROPEAN\s+UNION)"),
      ('department', 'bureau', 'office', 'ministry', 'commission', 'treasury', 'commerce',
       'council'))

EVENT = [
    ("founding", r"\b(?:co-?)?founded\b|\bfounding\b(?!\s+(?:members?|partners?|investors?))|\b(?:was|were|been)\s+(?:established|"
                 r"incorporated|set\s+up)\b|\bestablished\s+(?:in|on)\b|"
                 # a fact sheet's field: "Established: March 2019", "Founded Date: Jun 2019"
                 r"(?<![^\n])[ \t]*(?:established|incorporated)(?:[ \t]+date)?[ \t]*:|"
                 r"\bspun\s+(?:out|off)\s+(?:of|from)\b|\bstarted\s+out\b|"
                 r"\b(?:was|were)\s+started\s+(?:in|on|by)\b|"
                 # a chronology's "X AG entered in the commercial register of the Canton of Zug"
                 r"\b(?:entered|registered)\s+in\s+the\s+(?:commercial|trade|companies)\s+register\b|"
                 # the writer's own company: "when we started Sorvath in 2021"
                 r"\b(?:we|i)\s+(?:started|incorporated)\s+(?!(?:to|the|a|an|our|producing|"
                 r"production|selling|shipping|trading|working|offering|investing)\b)|"
                 # "A and B set up Brenvik in 2019" (events.py: only the subject right after)
                 r"\bset\s+up\s+(?!(?:a|an|the|its|their|our|his|her|shop)\b)(?=\w)"),
    ("lab", r"\b(?:open(?:ed|s)|launch(?:ed|es)|set\s+up|establish(?:ed|es))\s+(?:a|an|its|their)\s+"
            r"(?!joint)(?:first\s+)?(?:[\w-]+\s+){0,5}?(?:lab|laboratory)\b"),
    # an office, a regional headquarters, an R&D centre (the schema's hub); a factory or
    # a plant is `other` (below)
    ("hub", r"\b(?:open(?:ed|s|ing)?|launch(?:ed|es)|set\s+up|establish(?:ed|es))\s+"
            r"(?:(?:a|an|its|the|our|their)\s+)?(?:new\s+)?(?:[\w&-]+\s+){0,3}?(?:office|"
            r"headquarters|cent(?:er|re)|campus|hub|branch|subsidiary)\b|"
            r"\b(?:office|headquarters|hub|campus)\s+(?:in\s+[\w-]+\s+)?(?:was\s+)?open(?:s|ed)\b|"
            # "the R&D centre in Wuhan was officially opened", "was put into use",
            # "commenced operation"
            r"\b(?:office|headquarters|hub|campus|cent(?:er|re))\b[^.;]{0,60}?\b"
            r"(?:(?:was|were)\s+(?:\w+ly\s+)?(?:opened|inaugurated|put\s+into\s+(?:use|operation|"
            r"service))|(?:commenced|began|started)\s+operations?)\b|"
            r"\bmov(?:ed|ing)\s+(?:[\w-]+\s+){0,4}?into\s+(?:our|its|their|a|the)\s+new\s+"
            r"(?:[\w-]+\s+){0,2}?(?:office|headquarters|hub|campus)\b"),
    ("product", r"\b(?:launch(?:ed|es|ing)?|unveil(?:ed|s)|releas(?:ed|es)|introduc(?:ed|es)|"
                r"rolled\s+out|debuted)\s+(?:its|a|an|the|their|our)\b"
                r"(?!\s+(?:joint|strategic|partnership|collaboration)\b)|"
                r"\b(?:was|were)\s+(?:(?:first|\w+ly)\s+){0,2}"
                r"(?:released|launched|introduced|unveiled)\b|"
                # a product by its name: "It launched Clara in November 2021", a timeline's
                # "Launched AM-Na1, its first ..." (the name's capital is checked in
                # events.py: this pattern is searched lower-cased); "a second system,
                # launched in 2023" (after a comma: "the start-up launched in 2019" is none)
                r"\b(?:launch(?:ed|es)?|unveiled|introduced|released)\s+(?!(?:commercially|publicly|globally|with|in|on|at|by|of|"
                r"its|a|an|the|their)\b)[\"“]?[\w-]+(?=(?:\s+[\w.-]+){0,3}[\"”]?(?:,|\s+in\b|\s+on\b|\s*$))|"
                r",\s+launched\s+in\s+(?:the\s+(?:spring|summer|autumn|fall|winter)\s+of\s+)?"
                r"(?:(?:19|20)\d\d|(?:January|February|March|April|May|June|July|August|September|"
                r"October|November|December)\b)|"
                r"\bbegan\s+(?:shipping|selling|offering)\b|"
                # a chronology's nouns: "Launch of the second-generation robot", "First
                # prototype ... presented to the public"
                r"(?<!the\s)\blaunch\s+of\s+(?:the|its)\b|\bpresented\s+to\s+the\s+public\b|"
                # "the pod that debuted at the Trondheim Boat Show in August 2023"
                r"\bdebuted\s+at\s+(?:the|a|an)\s+(?:[\w&'’-]+\s+){0,4}?(?:show|fair|expo|"
                r"exhibition|conference|summit|festival)\b|"
                r"\bbecame\s+(?:generally\s+|commercially\s+|widely\s+)?available\b|"
                r"\bmade\s+(?:[\w-]+\s+){1,6}?(?:generally|commercially)\s+available\b|"
                r"\b(?:went|goes)\s+(?:live|on\s+sale)\b|"
                r"\b(?:came\s+(?:on|onto)|reached|hit)\s+the\s+market\b|"
                r"\breached\s+(?:shops|stores|shelves|customers)\b|"
                # a line of a timeline: "Kelbrook Flow 2.0 released, with ...", "NH-1
                # launched commercially"
                r"\b(?:released|launched|unveiled)(?=\s*[,;.\n]|\s+(?:commercially|publicly|"
                r"globally|with)\b)|"
                # "after they announced their AI generative model, SenseNova 5.0"
                # (one space after "announced": the phrase is its keyword, see below)
                r"\bannounced (?:its|their|the)\s+(?:new\s+|latest\s+|first\s+)?"
                r"(?:[\w-]+\s+){0,3}?(?:model|platform|chip|robot|device|vehicle|drug|"
                r"software)\b(?!\s+(?:partnership|agreement|deal|business|division|unit)\b)"),
    ("leadership", r"\b(?:appointed|named|hired|promoted|brought\s+(?:on|in)|bec(?:ame|omes)|"
                   r"join(?:ed|s)\s+(?:[\w-]+\s+){0,4}?as|stepped\s+down|succeeded|took\s+over|"
                   r"took\s+up\s+(?:her|his|their|the)\s+(?:post|role|position)|"
                   r"came\s+on\s+board\s+as|welcom(?:ed|es)\s+(?:[\w.-]+\s+){1,4}?as|"
                   r"handed\s+(?:over\s+)?(?:the\s+)?(?:post|role|job)\s+of)\b"
                   # a title a long aside away; "Dr." inside the aside
                   r"(?:[^.]|(?<=\b(?:Dr|Mr|Ms))\.){0,130}?\b(?:chief\s+(?:\w+\s+){1,2}officer|"
                   r"chief\s+scientist|"
                   r"chief\s+executive|CEO|CFO|CTO|COO|president|chairman|chairwoman|chair|"
                   r"advis[eo]r|managing\s+director|VP)\b|"
                   # "CFO Annika Brohm, appointed in July from ...": the title before the name
                   r"\b(?:CEO|CFO|CTO|COO)\s+[\w'’.-]+(?:\s+[\w'’.-]+){0,2},\s+(?:who\s+was\s+)?"
                   r"(?:appointed|hired|named)\b|"
                   # "its founder X died", "the death of its founder X"
                   r"\b(?:co-?founder|founder|chairman|chairwoman|CEO|chief\s+executive|"
                   r"president)\b[^.]{0,60}?\b(?:died|passed\s+away)\b|"
                   r"\bdeath\s+of\s+(?:its|the|their|our)\s+(?:[\w-]+\s+)?(?:co-?founder|founder|"
                   r"chairman|chairwoman|CEO|chief\s+executive|president)\b"),
    ("award", r"\b(?:received|won|wins|awarded|receives|took(?:\s+home)?|picked\s+up|scooped|"
              r"collected|earned|chosen\s+as|named)\b"
              r"[^.]{0,80}\b(?:Awards?|Prizes?|awards?|prizes?|"
              r"medal|Medal|of\s+the\s+Year)\b|"
              # a place on a list: "named to the Materials Futures 50", "was on the X 30 list"
              r"\bnamed\s+(?:to|on)\s+the\b|\bnamed\s+(?:as\s+)?one\s+of\b|"
              r"\b(?:awards?|prizes?)\s+(?:honou?ree|winner|recipient)\b|"
              r"\bwinner\s+of\s+the\b[^.]{0,60}\b(?:awards?|prizes?)\b|"
              r"\b(?:was|were|is)\s+on\s+the\s+(?:[\w-]+\s+){1,4}?list\b"),
    ("designation", r"\b(?:was|were|been)\s+(?:named|recognized|recognised|designated|selected|"
                    r"certified)\s+(?:as\s+|to\s+)?(?:a|an|one\s+of|\w+['’]s)\b|"
                    r"\bdesignated\s+(?:[\w-]+\s+){1,3}as\s+(?:a|an|one\s+of|its|the)\b|"
                    r"\b(?:was|were)\s+(?:\w+ly\s+)?selected\s+into\s+the\b"),
    ("research", r"\bpapers?\s+(?:were\s+|was\s+)?accepted\s+(?:at|by|into|in)\b|"
                 r"\b(?:our|its|their)\s+(?:[\w-]+\s+){0,4}?paper\s+(?:in|on)\b|"
                 r"\bpublished\s+(?:\w+\s+){0,3}papers?\b|"
                 r"\bpublished\s+in\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?journal\b|"
                 r"\bpublished\s+(?:the|a|an|its|our)\s+(?:[\w-]+\s+){0,4}?(?:analysis|study|"
                 r"results|paper)\b"),
    ("ipo", r"\bfiled\s+for\s+(?:an?\s+|its\s+)?(?:initial\s+public\s+offering|IPO|listing)\b|"
            r"\b(?:received|won|got)\s+(?:regulatory\s+)?approval\s+(?:to\s+list|for\s+(?:an?\s+|its\s+)?IPO)|"
            r"\b(?:submitted|filed|lodged)\s+(?:its|an?)\s+(?:listing\s+application|prospectus|"
            r"application\s+(?:to\s+list|for\s+(?:an?\s+)?(?:IPO|listing|initial\s+public\s+offering)))\b|"
            # a listing put off, resumed or resized: "will postpone its IPO", "its offering
            # was relaunched", "the IPO, which had been downsized ..., was delayed"
            r"\b(?:postpone[sd]?|delay(?:s|ed)?|relaunch(?:es|ed)?|downsiz(?:es|ed)|"
            r"suspend(?:s|ed)?|shelved?|resume[sd]?)\s+(?:its|the|their)\s+(?:[\w$.-]+\s+){0,4}?"
            r"(?:IPO|initial\s+public\s+offering|listing|offering)\b|"
            r"\b(?:IPO|initial\s+public\s+offering|listing|offering)(?:,[^.;]{0,120}?,)?\s+"
            r"(?:was|were|has\s+been|had\s+(?:already\s+)?been)\s+(?:\w+ly\s+)?(?:postponed|"
            r"delayed|relaunched|downsized|suspended|shelved|resumed)\b"),
    ("index-inclusion", r"\b(?:added|included|admitted)\s+(?:[\w-]+\s+){0,2}?(?:to|in|into)\s+the\s+"
                        r"(?:[\w&-]+\s+){0,5}index(?:es)?\b|"
                        r"\bconstituent\s+(?:stock\s+)?of\s+the\s+(?:[\w&-]+\s+){0,5}index\b"),
    ("press-report", r"\b(?:reported|revealed)\s+(?:(?:in|on)\s+[\w ,]{1,20}?\s+)?that\b"),
    # a plant opened or started, jobs cut: events a curator records as `other`
    ("other", r"\b(?:open(?:ed|s|ing)|launch(?:ed|es)|set\s+up|establish(?:ed|es))\s+"
              r"(?:(?:a|an|its|the)\s+)?(?:new\s+|first\s+|second\s+)?(?:[\w&£$€.,-]+\s+){0,3}?"
              r"(?:factory|plant|facility|production\s+(?:hall|site)|assembly\s+line)\b|"
              r"\b(?:factory|plant)\b[^.;]{0,40}?\bwhich\s+(?:opened|started)\b|"
              r"\b(?:factory|plant|facility|base)\b[^.;]{0,40}?\b(?:began|started|commenced)\s+"
              r"(?:operating|operations)\b|"
              r"\b(?:began|started|starts|commenced)\s+(?:[A-Z]{2,5}\s+|series\s+|mass\s+)?(?:production|producing)\b|\bbrought\s+(?:[\w-]+\s+){1,6}?on\s*-?line\b|"
              r"\b(?:cut|cuts|laid\s+off|shed)\s+(?:about\s+|around\s+|some\s+|nearly\s+)?"
              r"[\d,]+\s+(?:[\w-]+\s+)?(?:jobs|staff|employees|workers|positions)\b|"
              # a stake sold: "sold out of the security venture", "sold its stake in X"
              r"\bsold\s+(?:out\s+of|(?:its|their|our)\s+(?:[\w-]+\s+)?(?:stake|shares|"
              r"holding|interest)\s+in)\b"),
]
# Per kind, words of which every match of its pattern contains one (lower case); per
# branch where branches need different words (see Kinds).
_LAUNCH = ("launch", "unveil", "releas", "introduc", "rolled", "debuted", "began", "presented")
EVENT_WORDS = {
    "founding": ("found", "establish", "incorporat", "set", "spun", "started", "register"),
    "lab": ("lab",),
    # a verb of opening and a place: "opened an office", "the hub ... was inaugurated"
    "hub": All(("open", "launch", "set", "establish", "mov", "inaugurat", "put", "commenced",
                "began", "started"),
               ("office", "headquarters", "cent", "campus", "hub", "branch", "subsidiary")),
    "product": [_LAUNCH] * 8 + [("available",)] * 2 + [
        ("went", "goes"),
        All(("came", "reached", "hit"), ("market", "shops", "stores", "shelves", "customers")),
        All(("came", "reached", "hit"), ("market", "shops", "stores", "shelves", "customers")),
        ("released", "launched", "unveiled"),
        All(("announced its", "announced their", "announced the"),
            ("model", "platform", "chip", "robot", "device", "vehicle", "drug", "software"))],
    "leadership": [("appointed", "named", "hired", "promoted", "brought", "became", "becomes",
                   "joined", "joins", "stepped", "succeeded", "took", "board", "handed",
                   "welcom")] + [All(("ceo", "cfo", "cto", "coo"), ("appointed", "named", "hired")),
                                 ("died", "passed"), ("death",)],
    "award": [
        All(("receiv", "won", "wins", "awarded", "took", "picked", "scooped", "collected",
             "earned", "chosen", "named"), ("award", "prize", "medal", "year")),  # "won ... award"
        ("named",), ("named",),  # "named to the X 50", "named one of"
        All(("award", "prize"), ("honoree", "honouree", "winner", "recipient")),
        All(("award", "prize"), ("honoree", "honouree", "winner", "recipient")),
        ("list",)],  # "was on the X list"
    "designation": ("named", "recogni", "designat", "selected", "certified"),
    "research": ("paper", "published"),
    "ipo": ("filed", "approval", "submitted", "lodged", "postpone", "delay", "relaunch",
            "downsiz", "suspend", "shelve", "resume"),
    "index-inclusion": ("index",),
    "press-report": ("reported", "revealed"),
    "other": [
        # "opened a factory", "the plant, which started"
        All(("open", "launch", "set", "establish", "started"), ("factory", "plant", "facility",
                                                                "production", "assembly")),
        All(("open", "launch", "set", "establish", "started"), ("factory", "plant", "facility")),
        # "began operating", "started mass production"
        All(("began", "started", "starts", "commenced"), ("operat", "production", "producing")),
        All(("began", "started", "starts", "commenced"), ("operat", "production", "producing")),
        All(("brought",), ("line",)),  # "brought ... online"
        All(("cut", "laid", "shed"), ("jobs", "staff", "employees", "workers", "positions")),
        All(("sold",), ("out", "stake", "shares", "holding", "interest"))],
}
EVENT_RE = Kinds(EVENT, EVENT_WORDS, I)
FOUNDED_DATE = re.compile(r"\b(?:founded|established|founding|incorporated)\s+(?:\w+\s+){0,2}$", I)
SINCE_DATE = re.compile(r"\bsince\s+$", I)


# An investor as the doer: "X has agreed to invest €45 million in the company", "when X
# invested NT$50 million", "X has agreed to buy a 20% stake in the company for $150 million".
INVEST_IN = Keyed(re.compile(
    r"\b(?:agreed\s+to\s+invest|invested|invests|(?:agreed\s+to\s+(?:buy|acquire|take)|bought|"
    r"acquired|took|takes)\s+(?:an?\s+)?(?:[\d.]+\s*(?:%|per\s*cent|percent)\s+|minority\s+|"
    r"majority\s+)?(?P<stake>stake))\b", I), ('invest', 'stake'))

# New shares issued to an investor, a listed company's placing: "the Company allotted and
# issued 80,000,000 new shares to X", "entered into a subscription agreement with X"
SHARES_TO = Keyed(re.compile(
    r"\b(?:allott?ed|issued|allot\s+and\s+issue)\s+(?:[\w,]+\s+){0,4}?(?:new\s+)?"
    r"(?:ordinary\s+|H\s+)?shares\s+to\b|\bsubscription\s+agreement\s+with\b", I),
    ('allot', 'issue', 'subscription'))
# "The aggregate gross proceeds from the Subscription will amount to HK$300 million"
PROCEEDS = re.compile(r"\s*(?:The\s+)?(?:aggregate\s+)?(?:gross\s+)?proceeds\b[^.;]{0,60}?"
                      r"\b(?:amount(?:ed|s)?\s+to|(?:are|were|was|is|will\s+be)|of)\s+"
                      r"(?:approximately\s+|about\s+)?", I)

# Every trigger's keywords in one Aho-Corasick automaton: one pass over the lower-cased
# document tells which triggers can match in which sentence, instead of one keyword
# search per trigger and sentence (measured: 0.03 s/MB against 0.29 s/MB). Punctuation
# keywords (CLAUSE_BREAK) and pronouns (SUBJECT_REF: "it" is inside "with", "its",
# "capital") are left out: they occur in nearly every sentence.
def _automaton():
    import ahocorasick

    families: dict[str, set] = {}  # keyword -> the triggers (and kinds) it gates
    for value in SCANNED:
        for word in value.words:
            families.setdefault(word, set()).add(value)
    automaton = ahocorasick.Automaton()
    for word, keyed in families.items():
        automaton.add_word(word, (len(word), frozenset(keyed)))
    automaton.make_automaton()
    return automaton


UNSCANNED = frozenset({CLAUSE_BREAK, SUBJECT_REF})
SCANNED = frozenset([v for v in globals().values() if isinstance(v, Keyed)] +
                    [g for v in globals().values() if isinstance(v, Kinds) for g in v.gates]) \
    - UNSCANNED
EVERY = SCANNED | UNSCANNED
AUTOMATON = _automaton()


def fired(low: str, spans: list[tuple[int, int]]) -> list[set]:
    """For each span (start, end) of the lower-cased text, the triggers whose keywords
    start inside it, and the unscanned ones (they may match anywhere)."""
    out = [set(UNSCANNED) for _ in spans]
    i, n = 0, len(spans)
    for end, (length, keyed) in AUTOMATON.iter(low):
        start = end - length + 1
        while i < n and spans[i][1] <= start:
            i += 1
        if i == n:
            break
        if spans[i][0] <= start:
            out[i] |= keyed
    return out


# The status of a round, read from its sentence and the one after it: conditions still
# to be met, an agreement not yet closed, or only an announcement.
STATUS = [
    ("pending-closing", re.compile(r"\bsubject\s+to\s+(?:\w+\s+){0,2}(?:approvals?|conditions)\b|"
                                   r"\bconditionally\s+agreed\b|"
                                   r"\bexpected\s+to\s+(?:close|complete)\b|\bpending\s+(?:\w+\s+)?"
                                   r"(?:approvals?|closing)\b|\byet\s+to\s+close\b", I)),
    ("agreed", re.compile(r"\bagreed\s+to\s+(?:invest|buy|acquire|take)\b|\bsigned\s+(?:a|an)\s+"
                          r"(?:definitive\s+|binding\s+)?(?:agreement|term\s+sheet)\s+to\s+invest\b", I)),
    ("announced", re.compile(r"\bannounced\s+(?:a|an|its)\s+(?!\w*\s*(?:completion|close|closing)\b)", I)),
]
DONE = re.compile(r"\b(?:rais(?:ed|es)|closed|completed|completion|close\s+of|secured|received|"
                  r"landed|bagged|pulled\s+in|has\s+(?:raised|closed))\b", I)
# "X was the lead investor": the organization before the role, not after it.
ROLE_AFTER_NAME = re.compile(r"(?:\bwas|\bis|\bwere|\bare|\bserved\s+as|\bacted\s+as|\bas)\s+"
                             r"(?:the\s+|a\s+)?(?:sole\s+)?$", I)
