"""Generic readers of values in English prose: money, dates, investor roles, sentences,
organization names. They know no company; the extractor and the build's value checker
both use them."""

from .dates import DateMention, dateline, find_dates, parse_date
from .money import Money, find_money
from .names import Gazetteer, GazetteerMatch, NameMention, find_names, is_abbreviation, \
    split_list
from .roles import RoleMention, find_roles
from .sentences import split_sentences

__all__ = ["DateMention", "Gazetteer", "GazetteerMatch", "Money", "NameMention", "RoleMention",
           "dateline", "find_dates", "find_money", "find_names", "find_roles", "is_abbreviation",
           "parse_date", "split_list", "split_sentences"]
