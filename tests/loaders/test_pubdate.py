"""Publication dates read from the top of a text (loaders/pubdate.py)."""
from __future__ import annotations

from datetime import date

import pytest

from govgraph.loaders.pubdate import date_from_text_head


@pytest.mark.parametrize("text,want", [
    # a date line of its own: a transcript's day, a masthead, a page's 发布日期
    ("晚间新闻 2024-03-02\n市政府召开常务会议\n本台消息……", date(2024, 3, 2)),
    ("2022年07月15日 星期五\n第02版:要闻\n区委常委会召开会议", date(2022, 7, 15)),
    ("区政协召开主席会议\n发布日期：2021-09-30 来源：区融媒体中心\n9月29日，区政协……", date(2021, 9, 30)),
    # a date inside a headline's sentence is the meeting's, not the paper's
    ("市人大常委会决定第三次会议2023年5月8日召开\n本报讯 ……", None),
    # the same lines run together by a scraper that dropped the line breaks: the date still stands apart
    ("晚间新闻 2024-03-02 市政府召开常务会议 本台消息（晚间新闻）：市长2日主持召开……", date(2024, 3, 2)),
    ("区政协召开主席会议 作者:   日期: 2021-09-30   浏览量: 12 29日，区政协……", date(2021, 9, 30)),
    ("第二版:要闻 >2020-06-11编印 区人大常委会召开主任会议 6月10日上午……", date(2020, 6, 11)),
    ("区委常委会召开会议 决定第五次全会2023年5月8日召开 本报讯 3日上午……", None),
])
def test_date_from_text_head(text, want):
    assert date_from_text_head(text) == want
