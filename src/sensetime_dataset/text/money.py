"""Amounts of money in English prose: "US$600 million", "RMB500m", "3.1 billion US
dollars", "more than $3 billion", "HK$3.85 per share".

A number is read as money when it has a currency, or a scale word (million, bn) with a
currency or a bound ("nearly 20 million": currency None). A bare number ("20 firms",
"2017") is not money.
"""

from __future__ import annotations

import re
from typing import NamedTuple


class Money(NamedTuple):  # immutable; made three times faster than a frozen dataclass
    amount: float          # in units: 600000000.0
    currency: str | None   # ISO 4217, None when the text gives none
    bound: str             # exact | more-than | about | up-to
    start: int
    end: int
    per: str | None = None  # "share" for a price per share: not a round amount


# Symbols and codes written before the number; longest first so "US$" wins over "$".
# The backslash form is an escaped dollar left by a markdown conversion ("\$620 million").
PREFIX = {
    "us$": "USD", "usd $": "USD", "usd$": "USD", "usd": "USD", "u.s.$": "USD", "us $": "USD",
    "hk$": "HKD", "hkd": "HKD", "hk $": "HKD", "rmb": "CNY", "cny": "CNY", "¥": None,
    "eur": "EUR", "€": "EUR", "gbp": "GBP", "£": "GBP", "jpy": "JPY", "s$": "SGD", "sgd": "SGD",
    "a$": "AUD", "c$": "CAD", "r$": "BRL", "r": "ZAR",
    # ISO codes written before the amount ("MXN 320 million", "SEK 210m")
    "aud": "AUD", "cad": "CAD", "nzd": "NZD", "mxn": "MXN", "brl": "BRL", "zar": "ZAR",
    "sek": "SEK", "nok": "NOK", "dkk": "DKK", "pln": "PLN", "czk": "CZK", "try": "TRY",
    "ils": "ILS", "ngn": "NGN", "kes": "KES", "idr": "IDR", "vnd": "VND", "thb": "THB",
    "myr": "MYR", "php": "PHP", "cop": "COP", "ars": "ARS", "clp": "CLP", "aed": "AED",
    "sar": "SAR", "nt$": "TWD", "twd": "TWD", "chf": "CHF", "inr": "INR", "krw": "KRW", "₩": "KRW", "₹": "INR",
    "\\$": "USD", "$": "USD",
    # UTF-8 read as Windows-1252 (mojibake): "â‚¬12 million", "Â£6m"
    "â‚¬": "EUR", "â‚¹": "INR", "â£": "GBP", "â¥": None,  # (keys in lower case: "Â£")
}
# The codes added for more countries: read only in capitals (some are English words)
_CODES_IN_CAPITALS = {"aud", "cad", "nzd", "mxn", "brl", "zar", "sek", "nok", "dkk", "pln", "czk",
                      "try", "ils", "ngn", "kes", "idr", "vnd", "thb", "myr", "php", "cop", "ars",
                      "clp", "aed", "sar"}
# Words written after the number and its scale.
SUFFIX = {
    "us dollars": "USD", "u.s. dollars": "USD", "american dollars": "USD",
    "hong kong dollars": "HKD", "hk dollars": "HKD", "singapore dollars": "SGD",
    "dollars": "USD", "yuan": "CNY", "renminbi": "CNY", "rmb": "CNY", "euros": "EUR",
    "euro": "EUR", "pounds sterling": "GBP", "pounds": "GBP", "yen": "JPY", "won": "KRW",
    "mexican pesos": "MXN", "pesos": None, "reais": "BRL", "rand": "ZAR", "zloty": "PLN",
    "usd": "USD", "hkd": "HKD", "cny": "CNY", "eur": "EUR", "gbp": "GBP", "jpy": "JPY",
}
SCALE = {"thousand": 1e3, "k": 1e3, "million": 1e6, "mln": 1e6, "mn": 1e6, "m": 1e6,
         "billion": 1e9, "bln": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12,
         # Indian English: "₹85 crore" is 850 million rupees, "₹40 lakh" 4 million
         "crore": 1e7, "crores": 1e7, "lakh": 1e5, "lakhs": 1e5}
BOUND = {"more than": "more-than", "over": "more-than", "above": "more-than",
         "in excess of": "more-than", "upwards of": "more-than", "at least": "more-than",
         "exceeding": "more-than",
         "about": "about", "around": "about", "nearly": "about", "almost": "about",
         "approximately": "about", "roughly": "about", "some": "about", "close to": "about",
         "an estimated": "about", "approx.": "about", "circa": "about",
         "up to": "up-to", "as much as": "up-to", "as many as": "up-to"}


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# The number first (a digit starts every match, so `re` skips quickly to digits); the
# currency symbol and the bound before it are read backwards from the number. The gap
# between number and scale may be a space, a lost no-break space written "?", or
# nothing ("$620m"). The first digit stands outside the alternation: `re` then jumps
# from digit to digit instead of trying the pattern at every position (measured: the
# scan three times faster); the branches read as "\d{1,3}(?:,\d{3})+..." and "\d+...".
NUMBER = re.compile(
    r"(?P<number>\d(?:\d{0,2}(?:,\d{3})+(?:\.\d+)?|\d*(?:\.\d+)?))"
    rf"(?:[ \u00a0]?\??[ \u00a0]?(?P<scale>{_alternation(SCALE)})\b)?"
    rf"(?:\s(?P<suffix>{_alternation(SUFFIX)})\b)?"
    r"(?P<per>\s(?:per|a)\s(?:share|ADS|unit))?",
    re.IGNORECASE,
)
# A match of HEAD starts at a bound, at a prefix or at the end: the look-ahead on their
# first characters lets `re` pass the other positions of the window quickly (measured:
# twice as fast; the match is the same).
_HEAD_STARTS = "".join(sorted({re.escape(k[0]) for k in (*BOUND, *PREFIX)}))
HEAD = re.compile(
    rf"(?=[{_HEAD_STARTS}]|\s?$)"
    rf"(?:(?P<bound>\b(?:{_alternation(BOUND)}))\s+)?"
    rf"(?P<prefix>(?<![A-Za-z])(?:{_alternation(PREFIX)}))?\s?$",
    re.IGNORECASE,
)
_HEAD_CHARS = 32  # "approximately USD $" fits


# The last characters a PREFIX can end with, and its letter codes: HEAD (a slow
# backwards search) is read only where one of them stands before the number.
_SYMBOLS = {k[-1] for k in PREFIX if not k[-1].isalpha()}
_CODES = {k for k in PREFIX if k.isalpha()}


def _may_have_prefix(text: str, start: int, lo: int = 0) -> bool:
    j = start - 1 if start > lo and text[start - 1].isspace() else start
    if j == lo:
        return False
    c = text[j - 1]
    if c in _SYMBOLS:
        return True
    return c.isalpha() and text[max(lo, j - 3):j].lower() in _CODES


def find_money(text: str, start: int = 0, end: int | None = None) -> list[Money]:
    """Every amount of money in `text` (in text[start:end], read as if cut out of the
    text, with offsets in `text`), in order."""
    lo, hi = start, len(text) if end is None else end
    if lo and (text[lo - 1].isalnum() or text[lo - 1] == "_"):
        # HEAD's look-behind and word boundary would see the word before `start`
        return [Money(m.amount, m.currency, m.bound, m.start + lo, m.end + lo, m.per)
                for m in find_money(text[lo:hi])]
    found = []
    for m in NUMBER.finditer(text, lo, hi):
        start = m.start()
        scale, suffix = m["scale"], m["suffix"]
        if not (scale or suffix or _may_have_prefix(text, start, lo)):
            continue  # a bare number: no currency, no scale
        head = HEAD.search(text, max(lo, start - _HEAD_CHARS), start)
        prefix, bound = head["prefix"], head["bound"]
        if prefix and ((prefix.lower() == "r" and not scale) or
                       (prefix.lower() in _CODES_IN_CAPITALS and not prefix.isupper())):
            # "R45 million" is rand, "R2" alone a name ("the R2 model"); "TRY 5 million" is
            # lira, "try 5 million times" is not: no currency written
            prefix = None
        if start > lo and not prefix and (text[start - 1].isalnum() or
                                          text[start - 1] in ".,-/"):
            continue  # inside a word ("B1"), or the tail of a date or a decimal
        currency = PREFIX[prefix.lower()] if prefix else None
        if suffix and (currency is None or prefix in ("$", "\\$")):
            # A bare "$" names no country: "$767 million Hong Kong dollars" is HKD.
            currency = SUFFIX[suffix.lower()]
        # "20 million users" is read as an amount without currency: the reader cannot
        # tell a count from money; callers that need money require a currency.
        if not (prefix or suffix or (scale and (bound or _is_word_scale(scale)))):
            continue
        amount = float(m["number"].replace(",", "")) * (SCALE[scale.lower()] if scale else 1)
        first = head.start("bound") if bound else head.start("prefix") if prefix else start
        found.append(Money(amount, currency, BOUND[bound.lower()] if bound else "exact",
                           first, m.end(), "share" if m["per"] else None))
    return found


def _is_word_scale(scale: str) -> bool:
    """A spelled-out scale ("million") makes a bare number an amount; a one-letter
    one ("5m", "3b") alone could be metres or anything else."""
    return len(scale) > 2
