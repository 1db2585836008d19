"""Names padded for print: a two-character name set to the width of three (副市长王  伟、李晓燕; 记者 陈 静).

Papers pad a two-character name with a space so that a list of names lines up; once the layout is gone, the
space splits the name, and no rule reads ``王 伟`` as one. This closes the space up, in a line whose runs of
spaces are already one: a surname, a space, one character, then what ends a name (a list's separator, a role
verb, the next byline label), after a title, a separator or a line's start. Nothing else with a space is touched
(省十三届人大一次会议 明年1月25日, 省（区 市）).
"""
from __future__ import annotations

import re

from .extract.lexicon import CORE_TITLE_RE, SURNAMES

_LEVELS = "省市县区州旗盟乡镇村"
_PADDED = re.compile(
    rf"([{''.join(sorted(SURNAMES))}]) ([\u4e00-\u9fff])"
    rf"(?=[、，,。；;：:）)]|$|出席|主持|参加|列席|同志|等| ?(?:通 ?讯 ?员|记 ?者|摄 ?影|[（(]))"
)
_TITLE_AT_END = re.compile(f"(?:{CORE_TITLE_RE})$")


def close_padded_names(line: str) -> str:
    """``line`` with each two-character name that print padded written together."""
    if " " not in line:
        return line

    def close(m: re.Match) -> str:
        i = m.start()
        if m.group(2) in _LEVELS:
            return m.group(0)
        if i == 0 or line[i - 1] in "、，,：:（( ■●◆▲□★" or _TITLE_AT_END.search(line, max(0, i - 8), i):
            return m.group(1) + m.group(2)
        return m.group(0)

    return _PADDED.sub(close, line)
