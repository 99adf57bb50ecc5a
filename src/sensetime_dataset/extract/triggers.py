"""Trigger words, each set one compiled alternation (English, about no company)."""

from __future__ import annotations

import re

I = re.IGNORECASE

# Verbs that report a round as done (present tense too: headlines say "raises").
FUNDING_VERB = re.compile(
    r"\b(?:rais(?:ed|es|ing)|clos(?:ed|es|ing)|complet(?:ed|es|ing)|secur(?:ed|es)|"
    r"receiv(?:ed|es)|obtain(?:ed|s)|land(?:ed|s)|bag(?:ged|s)|got|gets|net(?:ted|s)|"
    r"pric(?:ed|es|ing)|listed|debuted|financing\s+of|investment\s+of)\b", I)
# Round names: each branch names what it captures.
ROUND_NAME = re.compile(
    r"\bSeries\s+(?P<series>[A-H](?:\d|\+{1,2})?)(?![\w+])"
    r"|\bPre-?(?P<pre>[A-H])\+?(?![\w])"
    r"|\b(?P<tranche>[A-H][1-9])\s+(?:round|tranche)"
    r"|\b(?P<letter>[A-H])\s+rounds?\b"
    r"|(?P<seed>\bseed\s+(?:round|funding|financing|investment|stage))"
    r"|(?P<angel>\bangel\s+(?:round|funding|financing|investment))"
    r"|(?P<strategic>\bstrategic\s+(?:investment|financing|round|funding))"
    r"|(?P<ipo>\binitial\s+public\s+offering|\bIPO\b|\blisted\s+on\s+the)", I)
# Not a completed round of the subject: plans, aborted deals, forecasts.
FORWARD = re.compile(
    r"\b(?:plans?\s+to|planning\s+to|will\s+(?:seek|raise|use|begin|list|partner|launch)|"
    r"expects?\s+to|expected\s+to|intends?\s+to|aims?\s+to|aimed\s+to|is\s+seeking|"
    r"seeks?\s+to|in\s+talks|considering|could\s+raise|may\s+raise|would\s+raise|"
    r"people\s+familiar|postponed|shelved|suspended|called\s+off|cancel(?:led|ed)|"
    r"files?\s+for|filed\s+for|delayed|withdr[ae]w)\b", I)
# "announced plans to collaborate" is itself the news of a partnership.
ANNOUNCED_PLAN = re.compile(r"\bannounc\w*\s+plans?\s+to\b", I)
# A sum of several rounds, not one round.
TOTAL = re.compile(
    r"\b(?:in\s+total|total(?:ling)?|totaled|totalled|to\s+date|so\s+far|cumulative\w*|"
    r"accumulat\w+|altogether|in\s+(?:six|\w+)\s+months|since|combined|overall)\b", I)
VALUATION = re.compile(r"\bvalu(?:ed|ing|es|ation)\b[^.;$]{0,40}$", I)
FUND = re.compile(r"^\s*(?:\w+\s+){0,2}funds?\b", I)
ROUND_REFERENCE = re.compile(r"\b(?:the|this|that)\s+(?:round|financing|investment|tranche|offering)"
                             r"|\bround\b", I)
# Coreference to the document's subject.
# An investor-only sentence ("X also participated") belongs to the round in context only
# when it says so.
INVESTOR_FOLLOW_UP = re.compile(r"\b(?:also|existing|returning|cornerstone|other)\b|"
                                r"\binvestors?\s+(?:include|included|were)\b", I)
SUBJECT_REF = re.compile(r"\b(?:it|its|the\s+company|the\s+firm|the\s+startup|the\s+group|"
                         r"the\s+two\s+companies|which|who)\b", I)
OTHER_ACTOR = re.compile(r"\b(?:rivals?|competitors?|peers?|compatriots?)\b", I)
PREVIOUS = re.compile(r"\b(?:previous(?:ly)?|earlier|prior|before\s+that)\b", I)
CLAUSE_BREAK = re.compile(r",\s*(?:with|while|and|but|which|whereas|alongside)\b|;|\s[–—]\s"
                          r"|,\s*(?:the\s+company|it)\s+said", I)
PREPOSITION_BEFORE = re.compile(r"\b(?:on|at|in|with|from|by|of|to|for|into|onto|via)\s+(?:the\s+)?$", I)

PARTNER_KIND = [
    ("mou", r"memorandum\s+of\s+understanding|\bMoUs?\b|\bMOUs?\b"),
    ("joint-venture", r"joint[\s-]+venture"),
    ("joint-lab", r"joint\s+(?:lab|laboratory|research\s+(?:lab|laboratory|cent(?:er|re)))"),
    ("alliance", r"\balliance\b"),
    ("strategic-agreement", r"strategic\s+(?:cooperation\s+|partnership\s+)?agreement|"
                            r"strategic\s+cooperation"),
    ("collaboration", r"\bcollaborat\w*|\bco-?operat(?:e|ion)\b"),
    ("partnership", r"\bpartnership\b|\bpartnered\b|\bpartnering\b|\bpartners?\s+with\b|"
                    r"\bteamed\s+up\b|\bworks?\s+with\b|\bworked\s+with\b"),
    ("customer", r"\bas\s+(?:a|its|their)\s+(?:customer|client)\b|\bcustomers?\s+(?:include|such)"),
    ("supplier", r"\bas\s+(?:a|its)\s+supplier\b"),
    ("agreement", r"\bagreement\s+with\b|\bsigned\s+(?:a|an)\s+\w+\s+(?:deal|contract)\s+with\b"),
]
PARTNER = re.compile("|".join(f"(?P<{k.replace('-', '_')}>{p})" for k, p in PARTNER_KIND), I)
ENDED = re.compile(r"\b(?:ended|terminated|dissolved|expired|severed|cut\s+ties|"
                   r"pulled\s+out|exited|scrapped|earlier\s+partnership|former\s+partner)\b", I)

SANCTION_PROGRAM = re.compile(
    r"(?P<program>(?:(?:[A-Z][\w-]*|of|the)\s+){0,6}?(?:[A-Z][\w-]*\s+)?List\b"
    r"|(?:an?\s+|its\s+)?(?:investment\s+|trade\s+|export\s+)?blacklist"
    r"(?:\s+of\s+(?P<named>(?:[A-Z][\w-]*\s+){0,6}[A-Z][\w-]*))?"
    r"|Chinese\s+[Mm]ilitary(?:-[Ii]ndustrial)?\s+[Cc]ompan(?:y|ies)"
    r"|Specially\s+Designated\s+Nationals|sanctions?\s+list)")
SANCTION_VERB = re.compile(r"\b(?:add(?:ed|s|ing)?|placed?|put|designat(?:ed|es)|listed|labell?ed|"
                           r"blacklist(?:ed|s)|sanction(?:ed|s)|includ(?:ed|es)|named|"
                           r"imposed)\b", I)
SANCTION_LIFTED = re.compile(r"\b(?:removed|delisted|lifted|taken\s+off|struck\s+off|"
                             r"dropped\s+from)\b", I)
AUTHORITY = re.compile(
    r"(?:(?:U\.S\.|US|United\s+States|American|EU|European|UK|British|Chinese|Japanese)\s+)?"
    r"(?:(?:Department|Bureau|Office|Ministry|Commission)\s+of\s+(?:the\s+)?[A-Z][\w-]*"
    r"(?:\s+(?:and\s+)?[A-Z][\w-]*)*"
    r"|(?:[A-Z][\w-]*\s+)?(?:Department|Treasury|Commerce)(?:\s+Department)?)")

EVENT = [
    ("founding", r"\b(?:co-?)?founded\b|\bfounding\b|\b(?:was|were|been)\s+(?:established|"
                 r"incorporated|set\s+up)\b|\bestablished\s+(?:in|on)\b"),
    ("product", r"\b(?:launch(?:ed|es)|unveil(?:ed|s)|releas(?:ed|es)|introduc(?:ed|es)|"
                r"rolled\s+out|debuted)\s+(?:its|a|an|the|their)\b"),
    ("hub", r"\bopen(?:ed|s)\s+(?:a|an|its|the)\s+(?:new\s+)?(?:\w+\s+)?(?:office|headquarters|"
            r"cent(?:er|re)|campus|hub|facility|branch)\b"),
    ("leadership", r"\b(?:appointed|named|hired|promoted)\b[^.]{0,80}\b(?:chief\s+\w+\s+officer|"
                   r"CEO|CFO|CTO|COO|president|chairman|chairwoman|chair)\b"),
    ("award", r"\b(?:received|won|wins|awarded|receives)\b[^.]{0,80}\b(?:Award|Prize|award|prize|"
              r"medal|Medal)\b"),
    ("designation", r"\b(?:was|were|been)\s+(?:named|recognized|recognised|designated|selected|"
                    r"certified)\s+(?:as\s+)?(?:a|an|one\s+of)\b"),
    ("valuation", r"\b(?:valued\s+at|valuation\s+of)\b"),
]
EVENT_RE = re.compile("|".join(f"(?P<{k}>{p})" for k, p in EVENT), I)
FOUNDED_DATE = re.compile(r"\b(?:founded|established|founding|incorporated)\s+(?:\w+\s+){0,2}$", I)
SINCE_DATE = re.compile(r"\bsince\s+$", I)
