"""What the rules need to know about a document: its sentences, its anchor date for
relative dates, its subject (the company it is about), and per-sentence readings."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import islice

from ..text.names import LEGAL_FORMS, NOT_NAME, find_names
from ..text import DateMention, Money, NameMention, find_money, split_sentences
from ..text.sentences import strip_span
from ..text.dates import dateline_mention, parse_date, resolve_dates, scan_dates
from . import triggers as T

# Words a name's first word must not be for it to stand for the whole name ("China
# Merchants" is not "China"): short or generic words.
# No subject: a round's letter and what follows it ("B Extension" of "Series B Extension"),
# a country's abbreviation, a court
_NO_SUBJECT = re.compile(r"[A-H] |(?:US|USA|UK|EU|UAE|PRC)$|"
                         r".*\b(?:Court|Tribunal|Council|COUNCIL|Ministry|MINISTRY)$")
# "KETTERING, Ohio (RV6) - A Kettering company ...": a dateline's place in capitals, on a
# line of its own date or none
_PLACE_LINE = re.compile(r"^[ \t]*(?P<place>[A-Z]{3,}(?:[ -][A-Z]{3,})*),[ \t]+[A-Z][a-z]+(?:[ \t]+"
                         r"\([^)\n]{1,20}\))?[ \t]+[-–—]", re.M)
# the last word of an organization's name
_ORG_WORD = re.compile("|".join(LEGAL_FORMS) + r"|Robotics|Energy|Health|Therapeutics|Foods|"
                       r"Motors|Aerospace|Logistics|Biotech|Pharma|Materials|Semiconductor")
_GENERIC_HEAD = re.compile(r"^(?:[A-Z]{1,2}|The|New|China|Chinese|US|U\.S\.|United|Hong|"
                           r"National|International|Global|Asia|World|First)$")
# "– Washington –", "Beijing, China –": the place of a dateline
_PLACE_TAIL = re.compile(r"(?:,\s*[A-Z][\w ]*)?\s*[–—-]\s")
# Marks of a person, not an organization: "X, Chairman of", "X said", "said X", "Dr. X".
_PERSON_AFTER = re.compile(
    r",?\s*(?:the\s+)?(?:[A-Z][\w&]*\s+){0,3}(?:Chairman|Chairwoman|President|CEO|Founder|"
    r"Co-founder|co-founder|founder|Partner|Director|Managing|Head|Professor|Vice|Chief|"
    r"chairman|president|partner|director|professor)\b|\s+(?:said|says|told|added)\b")
# "Quarrybend Aerospace founder Dale Prewitt": the title is the person's after it, and the
# name before it the company's
_TITLE_THEN_PERSON = re.compile(r"\s+(?:co-?founder|founder|chairman|president|partner|director)"
                                r"\s+[A-Z][a-z]+\s+[A-Z][a-z]")
_TITLES = {"Officer", "Executive", "Chairman", "Chairwoman", "President", "Director",
           "Professor", "Founder", "Co-founder", "Scientist", "Engineer", "Manager"}
_PERSON_BEFORE = re.compile(r"(?:\b(?:said|says|Dr\.|Mr\.|Mrs\.|Ms\.|Prof\.|Professor|"
                            r"CEO|founder|chairman|Chairman|President)\s*)$")
# The words _PERSON_BEFORE ends with: a window not ending so cannot match.
_PERSON_WORDS = ("said", "says", "Dr.", "Mr.", "Mrs.", "Ms.", "Prof.", "Professor", "CEO",
                 "founder", "chairman", "Chairman", "President")
# Words that tell which country's currency "¥" is (counted in the lower-cased text)
_SHARED_SIGN = re.compile("¥|peso")
_COUNTRIES_OF = {
    "¥": (("JPY", (" yen", "jpy", "japan", "tokyo", "osaka", "k.k.", "kabushiki")),
          ("CNY", (" yuan", "rmb", "cny", "china", "chinese", "beijing", "shanghai", "shenzhen",
                   "hangzhou"))),
    "peso": (("MXN", ("mexico", "mexican", "guadalajara", "monterrey")),
             ("COP", ("colombia", "bogot", "medell")),
             ("ARS", ("argentin", "buenos aires")), ("CLP", ("chile", "santiago")),
             ("PHP", ("philippine", "manila")))}
_YEAR_HEADING = re.compile(r"^[#=\s]*(?:(?:annual|year|review|report|highlights)\s+){0,2}"
                           r"((?:19|20)\d{2})(?:\s+in\s+review|\s+review|\s+highlights)?[=\s]*$",
                           re.MULTILINE | re.IGNORECASE)  # "2021", "=== 2021 ===", "ANNUAL REVIEW 2025"
# A numbered item with its own date, "5. Process Europe - 3 October 2025" (a coverage
# report's clipping, a digest's item): the anchor of the lines under it
_ITEM_DATELINE = re.compile(r"^[ \t]*\d{1,2}[.)][ \t]+[^\n]{1,80}?[ \t][-–—|·][ \t]*"
                            r"(?P<date>[^\n]{6,30}?\d{4})[ \t]*$|"
                            # a news page's entry: "2026.07.15 [IR]"
                            r"^[ \t]*(?P<entry>(?:19|20)\d\d[.-][01]\d[.-][0-3]\d)(?=[ \t]+\[|[ \t]*$)",
                            re.MULTILINE)
_CAPITALISED_WORD = re.compile(r"[A-Z][\w&'’-]*")
# "... Series B in Y", "a 15 per cent stake in Y", "to take 15% of Y": Y is invested in
# ("Takes 10% Stake in Battery-Pack Maker Y": a headline's capitals, a description of Y)
_INVESTED_IN = re.compile(r"(?:\b(?:[Ss]take|[Ii]nvestment|[Ff]inancing|[Rr]ound|Series\s+[A-Z]\w*|"
                          r"[Ii]nvest(?:s|ed|ing)?)|%|\bper\s*cent)\s+(?:[\w$€£.,-]+\s+){0,3}?"
                          r"(?:in|of)\s+(?:[A-Za-z]+-[A-Za-z]+\s+[A-Z][a-z]+\s+)?$")
_PLACE_BEFORE = re.compile(r",?[ \t]*")  # "Ulm, " right before the dateline's date
# 'X (the "Company")': a filing's definition of the company it is about
_DEFINED_COMPANY = re.compile(r"\s*\((?:the\s+)?[\"“](?P<term>Company|Issuer)[\"”]")
# "in Hong Kong debut", "Incorporated in the Cayman Islands": a name after "in" is a
# place, unless something is invested in it ("a stake in Y", "invests $5 million in Y",
# "shares in Y") or it owns what follows ("in Y's Series B"); "in" on the name's line
# ("Log in" ending a page's menu line is no preposition of the headline under it)
_IN_BEFORE = re.compile(r"\bin[^\S\n]+(?:the[^\S\n]+)?$")
_HELD_IN = re.compile(r"\b(?:stake|interest|investment|financing|funding|round|shares?|"
                      r"Series\s+[A-Z]\w*|invest(?:s|ed|ing)?)\s+(?:[\w$€£.,-]+\s+){0,3}?"
                      r"in\s+(?:the\s+)?$")
_DEFINED_TERM = re.compile(r"[\"“](?:Company|Issuer)[\"”]")  # cheap, before names are read
# The publisher's name over a page: a newspaper's masthead opening the document ("FERNLEIGH
# GAZETTE") or the first part of a site's breadcrumb line ("Aldermoor University | News and
# events | Research"): no subject, wherever it is written.
_MASTHEAD = re.compile(r"[^\S\n]*(?P<name>[^\n|]+?)[^\S\n]+(?:(?:Gazette|Times|Herald|Post|Journal|"
                       r"Chronicle|Echo|Courier|Tribune|Observer|Advertiser)[^\S\n]*$|"
                       r"\|[^\n|]+\|)", re.I | re.M)
_DISCLAIMER = re.compile(r"\btakes?\s+no\s+responsibility\s+for\s+the\s+contents\b", re.I)
# "Co-investors: Fenwyck Capital, Pennycress Angels", "Lead investor: Mardle Ventures": a
# fact sheet's label and its names, no headline
_LABEL = re.compile(r"(?:Lead\s+investors?|Co-investors?|Investors?|Backers?|Participants?|Lead|"
                    r"Allottees?|Subscribers?|"
                    r"Also\s+in|Customers?|Partners?|Integrations?):[ \t]+[A-Z]")
# "• Ostrander Capital", "• Greyhaven Ventures (lead)": a bulleted list's name, no headline
_NAME_ITEM = re.compile(T.BULLET + r"[ \t]*(?:[A-Z][\w&'’.-]*[ \t]?){1,5}(?:\([^)\d\n]{1,30}\))?\s*")
# "X — customer (since 2025)": a list line describing a name, no headline
_DESCRIBED = re.compile(r"\s" + T.DASH + r"\s+[a-z]")
# "Aside from X, it also counts Y as investors": X is set beside the doer, a pronoun,
# whose name the sentence does not write (a news teaser about the subject)
_BESIDE_PRONOUN = re.compile(r"[^\S\n]*(?:Aside\s+from|Apart\s+from|Besides|Along\s+with|"
                             r"In\s+addition\s+to|Other\s+than|Unlike|Like)\s[^,.\n]{1,80},\s*"
                             r"(?:it|they|the\s+(?:company|firm|group|start-?up))\s")
# "Meitu, a popular Chinese selfie application, ...": a lone word opening a sentence,
# described as an organization right after it
_DESCRIBED_AS_ORGANIZATION = re.compile(
    r",\s+(?:a|an)\s+(?:[\w-]+\s+){0,3}?(?:company|firm|app|application|platform|maker|"
    r"manufacturer|developer|operator|provider|group|bank|fund|start-?up|brand|retailer|giant|"
    r"conglomerate|carrier|insurer|lender|university|institute|agency|subsidiary)\b|"
    # "Cellbright, the Cambridge battery start-up that ..." (a word or more between "the"
    # and the noun: "Separately, the company said" describes no word)
    r",\s+the\s+(?:[\w-]+\s+){1,3}?(?:company|firm|maker|manufacturer|developer|operator|"
    r"provider|start-?up|retailer|insurer|lender|carrier|bank)\b|"
    # "Previda, one of Portugal's largest health insurers, ..."
    r",\s+one\s+of\s+(?:[\w'’-]+\s+){0,4}?(?:companies|firms|platforms|makers|manufacturers|"
    r"developers|operators|providers|groups|banks|funds|brands|retailers|carriers|insurers|"
    r"lenders|universities|agencies|utilities|chains|hospitals)\b")
_DESCRIPTOR = re.compile(r"-[a-z]+ed$")  # "Shenzhen-based", "Nasdaq-listed": an adjective
# (not "Co-op", "Hewlett-Packard": names)


# The most words an organization's name has (the longest in the labelled corpus and the
# project's sources has 12).
MAX_NAME_WORDS = 12


# The longest sentence the rules read (characters). A prose sentence is far shorter (the
# longest in the labelled corpus and the project's sources has 476); a longer one is a
# run-on text without full stops (a page dump, a list on one line), and several rules
# cost the square or the cube of a sentence's length: it is read in pieces, cut at the
# last clause break before this length, else at the last space.
MAX_SENTENCE = 1000


def _pieces(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """The span [a, b) of a sentence, in pieces of at most MAX_SENTENCE characters."""
    out = []
    while b - a > MAX_SENTENCE:
        cut = None
        for sep in (";", ","):
            i = text.rfind(sep + " ", a, a + MAX_SENTENCE)
            if i > a:
                cut = i + 1
                break
        if cut is None:
            i = text.rfind(" ", a, a + MAX_SENTENCE)
            cut = i if i > a else a + MAX_SENTENCE
        out.append(strip_span(text, a, cut))
        a, _ = strip_span(text, cut, b)
    out.append((a, b))
    return [(x, y) for x, y in out if x < y]


class cached_property:
    """functools.cached_property without its lock (Python 3.11 takes one at every first
    read: 3% of the extraction's time). A Sentence is read by one thread."""

    def __init__(self, func):
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    def __get__(self, obj, cls=None):
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.func(obj)
        return value


_UNSEEN = object()  # a trigger not yet searched in a sentence (None: searched, not found)


@dataclass
class Sentence:
    start: int
    end: int
    text: str
    doc: "Document"
    fired: set  # the triggers whose keywords occur in the sentence (triggers.fired)
    _found: dict = field(default_factory=dict, init=False, repr=False)  # trigger -> find

    def has(self, k) -> bool:
        """Whether trigger `k` can match in the sentence (its keywords occur)."""
        return k in self.fired

    @cached_property
    def low(self) -> str | None:
        return self.doc.low[self.start:self.end] if self.doc.low is not None else None

    def find(self, k):
        """Trigger `k` searched in the sentence's own text (offsets in the sentence;
        the match may be of the lower-cased text: read its offsets, not its groups'
        text). Kept: several rules ask for the same trigger (FORWARD, ROUND_NAME)."""
        found = self._found.get(k, _UNSEEN)  # .get: most triggers are asked once
        if found is _UNSEEN:
            if k not in self.fired:  # self.has(k), inlined: asked 10 times a sentence
                found = None
            else:
                g = k.only(self.fired)
                found = g.low.search(self.low) if g.low and self.low is not None \
                    else g.pattern.search(self.text)
            self._found[k] = found
        return found

    def _pattern(self, k):
        k = k.only(self.fired)
        if k.low and self.doc.low is not None:
            return k.low, self.doc.low
        return k.pattern, self.doc.text

    def search(self, k, a: int | None = None, b: int | None = None):
        """Trigger `k` searched in [a, b) of the document (default: the sentence)."""
        if not self.has(k):
            return None
        pattern, text = self._pattern(k)
        return pattern.search(text, self.start if a is None else a,
                              self.end if b is None else b)

    def finditer(self, k, a: int | None = None, b: int | None = None):
        if not self.has(k):
            return iter(())
        pattern, text = self._pattern(k)
        if a is None and b is None and k in self._found:
            # The whole sentence, whose first match is known: the scan starts there
            # (the same matches: the character before a sentence is never a word's).
            first = self._found[k]
            if first is None:
                return iter(())
            return pattern.finditer(text, self.start + first.start(), self.end)
        return pattern.finditer(text, self.start if a is None else a,
                                self.end if b is None else b)

    @cached_property
    def names(self) -> list[NameMention]:
        """Organization-like names, read when a rule first asks (about half of the
        sentences of a document never are)."""
        return self.doc.names_of(self)

    @cached_property
    def money(self) -> list[Money]:
        found = find_money(self.doc.text, self.start, self.end)
        for i, m in enumerate(found):
            # "¥1.8 billion": yen or yuan; "320 million pesos": Mexico's, Colombia's ... as
            # the document's country says (no currency when it does not)
            if m.currency is None and (sign := _SHARED_SIGN.search(self.doc.text, m.start, m.end)):
                found[i] = m._replace(currency=self.doc.currency_of(sign.group(0)))
        return found

    @cached_property
    def dates(self) -> list[DateMention]:
        """Date mentions, the dateline's own date left out when another date is given."""
        found = resolve_dates(self.doc.scanned_dates, self.doc.text,
                              self.doc.anchor_at(self.start), self.start, self.end,
                              narrative=self.doc.dateline_span is None)
        span = self.doc.dateline_span
        others = [d for d in found if not (span and span[0] <= d.start < span[1])]
        return others

    @cached_property
    def title_case(self) -> bool:
        """A headline: most words capitalised and no final full stop, alone on its line
        (not "Also in: X, Y" after a sentence on the same line, nor "X — customer")."""
        text = self.doc.text
        if self.text.rstrip().endswith(".") or T.DATED_LINE.match(self.text) or \
                _DESCRIBED.search(self.text) or _LABEL.match(self.text) or \
                _NAME_ITEM.fullmatch(self.text) or \
                text[text.rfind("\n", 0, self.start) + 1:self.start].strip():
            return False
        words = [w for w in self.text.split() if w[0].isalpha()]
        caps = sum(w[0].isupper() for w in words)
        return bool(words) and caps >= 0.6 * len(words)

    def orgs(self, a: int | None = None, b: int | None = None) -> list[NameMention]:
        """Organization names within [a, b) of the document, subject excluded."""
        a = self.start if a is None else a
        b = self.end if b is None else b
        return [n for n in self.names if a <= n.start and n.end <= b
                and not self.doc.is_subject(n.name)]

    def mentions_subject(self, a: int | None = None, b: int | None = None) -> bool:
        a = self.start if a is None else a
        b = self.end if b is None else b
        return self.doc.subject_in(a, b) is not None or bool(self.search(T.SUBJECT_REF, a, b))

    def subject_as_written(self) -> str | None:
        return self.doc.subject_in(self.start, self.end)


def _word_at(text: str, word: str, a: int, b: int) -> int:
    """Where `word` first stands in text[a:b] as a whole word (the edges of the span
    count as word boundaries, as in a slice), else -1."""
    i = text.find(word, a, b)
    while i >= 0:
        end = i + len(word)
        if (i == a or not (text[i - 1].isalnum() or text[i - 1] == "_")) and \
                (end == b or not (text[end].isalnum() or text[end] == "_")):
            return i
        i = text.find(word, i + 1, b)
    return -1


class Document:
    def __init__(self, text: str, anchor: str | None = None):
        self.text = text
        self.scanned_dates = scan_dates(text)  # once; each sentence resolves its own
        line = dateline_mention(text, self.scanned_dates)
        self.anchor = line.value if line else anchor
        self.dateline_span = (line.start, line.end) if line else None
        # A history by years: "### 2021" dates "On 9 July" below it
        self.year_headings = [(m.start(), m.group(1)) for m in _YEAR_HEADING.finditer(text)]
        items = [(m.start(), value) for m in _ITEM_DATELINE.finditer(text)
                 if (value := parse_date(m["date"] or m["entry"])) and len(value) == 10]
        # (one is the document's dateline)
        self.items = [(m.start(), value) for m in _ITEM_DATELINE.finditer(text)
                      if m["entry"] and (value := parse_date(m["entry"]))] if len(items) > 1 else []
        if len(items) > 1:
            self.year_headings = sorted(self.year_headings + items)
        spans = [piece for a, b in split_sentences(text, keep_headings=True)
                 for piece in _pieces(text, a, b)]
        low = text.lower()
        # the lower-cased text, where its offsets are the text's
        self.low = low if len(low) == len(text) else None
        fired = T.fired(low, spans) if self.low is not None else [T.EVERY] * len(spans)
        self.sentences = [Sentence(a, b, text[a:b], self, f)
                          for (a, b), f in zip(spans, fired)]
        # answers per name, asked again by every rule
        self._subject_names: dict[str, bool] = {}
        self._authority_names: dict[str, bool] = {}
        self._currencies: dict[str, str | None] = {}
        # the term a filing defines its subject by ('X (the "Company")'), capitalised
        self.defined_term: str | None = None
        self.subject = self._find_subject()
        # the subject's forms, longest first: its name, its head word and its defined term
        # (a shouted name, "VELTRIUM GLASS NV", as the body writes it too: "Veltrium")
        forms = {self.subject, self._head(self.subject)} if self.subject else set()
        forms |= {f.title() for f in forms if f.isupper() and len(f) > 3}
        self.subject_forms = sorted(forms | ({self.defined_term} if self.defined_term else set()),
                                    key=lambda f: (-len(f), f)) if self.subject else []

    def currency_of(self, sign: str) -> str | None:
        """The currency a sign that several countries write ("¥", "peso") stands for in
        this document: that of the country it names most (its words counted), else None
        (no country named, or a tie)."""
        if sign not in self._currencies:
            low = self.text.lower()
            counts = {code: sum(low.count(w) for w in words) for code, words in _COUNTRIES_OF[sign]}
            code, n = max(counts.items(), key=lambda kv: kv[1])
            self._currencies[sign] = code if n and list(counts.values()).count(n) == 1 else None
        return self._currencies[sign]

    def entry_date_at(self, pos: int) -> str | None:
        """The date of the news page's entry ("2026.06.01 [Others]") that `pos` is in, else
        None: what an entry tells without a date of its own happened that day."""
        date = None
        for start, value in self.items:
            if start > pos:
                break
            date = value
        return date

    def anchor_at(self, pos: int) -> str | None:
        """The anchor of relative dates at `pos`: the year of the section heading (or the
        date of the numbered item) above it, else the dateline (or the date given by the
        caller)."""
        year = None
        for start, value in self.year_headings:
            if start > pos:
                break
            year = value
        return year or self.anchor

    def names_of(self, s: Sentence) -> list[NameMention]:
        names = [n for n in find_names(self.text, s.start, s.end)
                 if "-" not in n.name or not _DESCRIPTOR.search(n.name)]
        names = [n for n in names if self._organization_like(n, s)]
        if s.title_case:
            names = [n for n in (self._body_name(n, s) for n in names) if n]
        return names

    def _organization_like(self, n: NameMention, s: Sentence) -> bool:
        """Not a person, and not a lone capitalised word that opens a sentence ("Third,")
        unless the document also writes it capitalised elsewhere."""
        if n.name.rsplit(" ", 1)[-1] in _TITLES or (
                _PERSON_AFTER.match(self.text, n.end) and
                not _TITLE_THEN_PERSON.match(self.text, n.end)) or \
                (self.text[max(0, n.start - 12):n.start].rstrip().endswith(_PERSON_WORDS) and
                 _PERSON_BEFORE.search(self.text, max(0, n.start - 12), n.start)):
            return False
        if n.name == "Group" and self.text[n.start - 4:n.start].lower() == "the ":
            return False  # a filing's "the Group": the subject (T.SUBJECT_REF), no name
        if " " not in n.name and not n.name.isupper() and \
                not self.text[s.start:n.start].strip(" “\"'‘("):
            return self._written_inside(n.name) or \
                bool(_DESCRIBED_AS_ORGANIZATION.match(self.text, n.end))
        return True

    def _written_inside(self, word: str) -> bool:
        """Whether `word` is also written capitalised inside a sentence, after a
        lower-case letter or a comma and a space ("... with Acme"): str.find of the
        one word asked about, not a list of every capitalised word of the document."""
        if not _CAPITALISED_WORD.fullmatch(word):
            return False
        text = self.text
        i = text.find(word, 2)
        while i >= 0:
            end = i + len(word)
            if text[i - 1] == " " and ("a" <= text[i - 2] <= "z" or text[i - 2] == ",") and \
                    (end == len(text) or not (text[end].isalnum() or text[end] in "_&'’-")):
                return True  # a whole capitalised word there, not the head of a longer one
            i = text.find(word, i + 1)
        return False

    def _body_name(self, n: NameMention, s: Sentence) -> NameMention | None:
        """In a headline every word is capitalised: keep the longest run of words of a
        name that the body of the document also writes."""
        words = n.name.split(" ")
        text = self.text
        # at most MAX_NAME_WORDS words: a longer run of capitalised words is a headline's
        # (or a shouted line's), and trying every run of a long one is cubic in its length
        shouted = n.name.isupper()  # "ELLORY WATER — THE QUARTERLY": the body's "Ellory"
        if shouted and len(words) > 1 and (_ORG_WORD.fullmatch(words[-1].title()) or
                                           words[-1].replace(".", "") in LEGAL_FORMS):
            return n  # "SEORYUN ROBOTICS" over its annual review: the whole name
        for k in range(min(len(words), MAX_NAME_WORDS), 0, -1):
            for i in range(0, len(words) - k + 1):
                written = " ".join(words[i:i + k])
                if len(written) <= 2 or written in NOT_NAME or written.capitalize() in NOT_NAME:
                    continue
                for candidate in (written, written.title()) if shouted else (written,):
                    if _word_at(text, candidate, s.end, len(text)) >= 0:  # in the body
                        start = n.start + len(" ".join(words[:i])) + (1 if i else 0)
                        return NameMention(candidate, start, start + len(candidate), n.legal)
        return None

    def _find_subject(self) -> str | None:
        """The most mentioned organization among those named in the title, the first
        sentence and the dateline sentence (mentions counted by a name's head word)."""
        # the first five sentences that name something (a notice's heading lines of
        # codes and numbers name nothing)
        # 'X (the "Company")': a filing's own definition of its subject, wherever in its
        # opening (a notice's heading lines may fill the lead before it)
        for s in self.sentences[:40]:
            if _DEFINED_TERM.search(s.text):
                for n in s.names:
                    if defined := _DEFINED_COMPANY.match(self.text, n.end):
                        self.defined_term = defined["term"]
                        return n.name
        # a notice adding entries to a list: the (first) entry it adds
        if "Name:" in self.text and (added := T.ADDED_ENTRIES.search(self.text)) and \
                (entry := T.ENTRY_NAME.search(self.text, added.end())):
            return entry["name"]
        # An exchange's disclaimer opening a listed company's announcement ("... take no
        # responsibility for the contents of this announcement") names the exchange, not
        # the subject.
        lead = list(islice((s for s in self.sentences[:40]
                            if s.names and not _DISCLAIMER.search(s.text)), 5))
        if self.dateline_span:
            lead += [s for s in self.sentences
                     if s.start <= self.dateline_span[0] < s.end]
        candidates, places = [], set()
        text = self.text
        publisher = None
        places.update(m["place"].casefold() for m in _PLACE_LINE.finditer(text, 0, 3000))
        # the first line only, and a short one: the pattern scans to the line's end
        # from each of its characters (quadratic on a long line)
        end = text.find("\n", 0, 200)
        if (masthead := _MASTHEAD.match(text[:end if end >= 0 else 200])) is not None:
            # (also "Aldermoor University's School", "A FERNLEIGH firm")
            publisher = self._head(masthead["name"].strip()).casefold()
        for s in lead:
            previous = None
            for n in s.names:
                if self.dateline_span and s.start <= self.dateline_span[0] < s.end \
                        and n.end <= self.dateline_span[0]:
                    # the place of a dateline ("Ulm, 7 May 2024."): no subject wherever
                    # it is written ("The Ulm start-up"), in any case ("HONG KONG")
                    if _PLACE_BEFORE.fullmatch(text, n.end, self.dateline_span[0]):
                        places.add(n.name.casefold())
                    continue
                if _IN_BEFORE.search(text, max(0, n.start - 9), n.start) and \
                        not _HELD_IN.search(text, max(0, n.start - 60), n.start) and \
                        not text.startswith(("'s", "’s"), n.end):
                    places.add(n.name.casefold())  # "in Hong Kong debut": a place
                # a regulator is not the subject, nor the tail of its name that the
                # name reader cut at "and" ("Department of Energy and Climate Change")
                if not self.is_authority(n.name) and not (
                        previous and text[previous.end:n.start] == " and "
                        and self.is_authority(text[previous.start:n.end])):
                    candidates.append(n.name)
                previous = n
        # ("Ashwellby City Council" is no subject, nor "the Ashwellby company" it names)
        bodies = {self._head(c).casefold() for c in candidates
                  if " " in c and _NO_SUBJECT.match(c)}
        candidates = [c for c in candidates if c.casefold() not in places
                      and self._head(c).casefold() not in bodies
                      and (publisher is None or self._head(c).casefold() != publisher)
                      and not _NO_SUBJECT.match(c)
                      # "FIVE MINUTES WITH", "HATTIE LUND": a shouted line, no organization
                      and not (c.isupper() and " " in c and c.title() not in text
                               and not _ORG_WORD.fullmatch(c.rsplit(" ", 1)[-1].title())
                               and c.rsplit(" ", 1)[-1].replace(".", "") not in LEGAL_FORMS)]
        if not candidates:
            return None
        counts = Counter()
        # The doer of the headline and of the first sentence after the dateline is
        # usually the subject: a bonus for the first name of each.
        firsts = [self._doer_or_invested(s.names, s.start) for s in self.sentences[:1]
                  if s.names]
        if self.dateline_span:
            s = next((s for s in self.sentences if s.end > self.dateline_span[1]
                      and any(n.start > self.dateline_span[1] for n in s.names)), None)
            after = [n for n in s.names if n.start > self.dateline_span[1]
                     and not _PLACE_TAIL.match(self.text, n.end)] if s else []
            if after and _BESIDE_PRONOUN.match(text, max(s.start, self.dateline_span[1])):
                after = []  # the doer is a pronoun: no name is
            firsts += [self._doer_or_invested(after, s.start)] if after else []
        elif self.sentences and self.sentences[0].title_case:
            # no dateline: the lead, the first sentence under the headline that names one
            s = next((s for s in self.sentences[1:6] if s.names), None)
            if s:
                lead = self._doer_or_invested(s.names, s.start)
                # the headline's doer named again, perhaps shorter or longer: the
                # headline's form, not a second form of the same company
                firsts.append(next((f for f in firsts if self._head(f) == self._head(lead)),
                                   lead))
        for name in firsts:
            if name in candidates:
                counts[name] += 2
        for name in dict.fromkeys(candidates):  # in order: a tie goes to the first named
            counts[name] += self._mentions(name) + 0.1 * len(name.split())  # ties: the fuller
        return counts.most_common(1)[0][0]

    def _mentions(self, name: str) -> int:
        """How often the document writes the name's head word (a shouted one in title case
        too)."""
        head = self._head(name)
        return self.text.count(head) + (self.text.count(head.title())
                                        if head.isupper() and len(head) > 3 else 0)

    def _doer_or_invested(self, names: list[NameMention], lo: int) -> str:
        """The first name, unless another is what it invests in ("X leads $65 million
        Series B in Y", "X to take 15% of Y"): then Y, the company the news is about."""
        for n in names[1:]:
            if _INVESTED_IN.search(self.text, max(lo, n.start - 60), n.start):
                return n.name
        return names[0].name

    @staticmethod
    def _head(name: str) -> str:
        head = name.split(" ")[0].rstrip(",")
        return name if _GENERIC_HEAD.match(head) or len(head) < 3 else head

    def subject_in(self, a: int, b: int) -> str | None:
        """The first form of the subject written as a whole word in text[a:b] (at one
        place, the longest), else None. str.find: no pattern compiled per document."""
        best = None
        for form in self.subject_forms:
            i = _word_at(self.text, form, a, b)
            if i >= 0 and (best is None or i < best[0]):
                best = (i, form)
        return best[1] if best else None

    def is_subject(self, name: str) -> bool:
        try:
            return self._subject_names[name]
        except KeyError:
            bare = name.removesuffix("'s").removesuffix("’s")
            # or one of them written longer ("Deltora Materials" in a report about "Deltora")
            found = bare in self.subject_forms or \
                any(bare.startswith(f + " ") for f in self.subject_forms)
            self._subject_names[name] = found
            return found

    def is_authority(self, name: str) -> bool:
        """A regulator's name ("Department of Commerce"): never the subject nor a partner."""
        try:
            return self._authority_names[name]
        except KeyError:
            found = self._authority_names[name] = bool(T.AUTHORITY.fullmatch(name))
            return found
