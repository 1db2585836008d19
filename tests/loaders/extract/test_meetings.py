"""find_meetings and group_meetings on single sentences: what is a meeting held, its body, kind and number."""
from __future__ import annotations

import pytest

from govgraph.loaders.extract.grouping import complete_bodies, group_meetings
from govgraph.loaders.extract.meetings import find_meetings
from govgraph.loaders.extract.organs import strip_term


def _held(upto, text):
    return [(m.name, m.body, m.ordinal) for m in upto(group_meetings, text).meetings]


@pytest.mark.parametrize("text,want", [
    # a body as the object of 主持召开, with no kind after it
    ("12月6日，市委书记许光友主持召开市委常委会，研究有关工作。", [("市委常委会", "市委常委会", None)]),
    # a congress session's presidium keeps its session
    ("市十七届人大五次会议主席团召开第四次会议。",
     [("市十七届人大五次会议主席团第四次会议", "市十七届人大五次会议主席团", 4)]),
    # 政协 before its place is the level's 政协
    ("政协淮安市九届二次常委会议召开。", [("政协淮安市九届二次常委会议", "市政协", 2)]),
    # a party committee's 常委会议 is a meeting of its standing committee, as 常委会会议 is
    ("县委十五届第45次常委会议召开。", [("县委十五届第45次常委会议", "县委常委会", 45)]),
    ("本报讯 3月5日，县委召开常委会议，县委书记蔡文斌主持。", [("县委常委会议", "县委常委会", None)]),
    # a meeting named by its topic, with no body
    ("市长查俊主持召开市长碰头会，研究有关工作。", [("市长碰头会", "", None)]),
    ("李克强在河南考察并主持召开灾后恢复重建专题会议。", [("灾后恢复重建专题会议", "", None)]),
    # level, term and number before the body
    ("县长主持召开县政府党组（扩大）会议和县十六届第9次政府常务会议。",
     [("县政府党组（扩大）会议", "县政府党组", None), ("县十六届第9次政府常务会议", "县政府", 9)]),
    # the held verb after a date and a place
    ("十三届全国人大常委会第二十六次委员长会议27日下午在北京人民大会堂举行。",
     [("十三届全国人大常委会第二十六次委员长会议", "全国人大常委会", 26)]),
    # the subject of 召开 with a place and a date between
    ("市政协在机关三楼会议室召开了七届委员会第九次主席会议。", [("市政协七届委员会第九次主席会议", "市政协", 9)]),
    ("本报讯 区委常委会近日举行会议。", [("区委常委会会议", "区委常委会", None)]),
    # a meeting named through a clause: the body is the one named last before 的
    ("郭文海主持召开区委全面深化改革领导小组更名为区委全面深化改革委员会后的第一次会议。",
     [("区委全面深化改革委员会第一次会议", "区委全面深化改革委员会", 1)]),
    # a sitting is part of the session that holds it, not a meeting of its own
    ("11月30日下午，省十二届人大常委会第三十七次会议召开第二次全体会议。",
     [("省十二届人大常委会第三十七次会议", "省人大常委会", 37)]),
    # a number without 第
    ("二届市委召开108次常委会会议。", [("二届市委108次常委会会议", "市委常委会", 108)]),
    # a 政协's standing committee meeting is the 政协's
    ("1月22日，市政协十三届十八次常委会会议召开。", [("市政协十三届十八次常委会会议", "市政协", 18)]),
    # a body's name may hold quotes, a title and a dash, and 协同 or 发展和改革
    ("李强主持召开国务院“十五五”规划《纲要草案》编制工作领导小组会议。",
     [("国务院“十五五”规划《纲要草案》编制工作领导小组会议", "国务院“十五五”规划《纲要草案》编制工作领导小组", None)]),
    ("韩正主持召开京津冀协同发展领导小组会议。", [("京津冀协同发展领导小组会议", "京津冀协同发展领导小组", None)]),
    # a standing body named for the whole country, and the ordinal its name begins with
    ("第七次全国人口普查领导小组全体会议6日下午在京召开。",
     [("第七次全国人口普查领导小组全体会议", "第七次全国人口普查领导小组", None)]),
    ("全国绿化委员会全体会议8日在北京召开。", [("全国绿化委员会全体会议", "全国绿化委员会", None)]),
    # 党的 inside a body's name; an investigation team holds meetings
    ("省委书记王宁主持召开省委党的建设工作领导小组会议。",
     [("省委党的建设工作领导小组会议", "省委党的建设工作领导小组", None)]),
    ("1月26日下午，国务院调查组在新余召开第一次全体会议。", [("国务院调查组第一次全体会议", "国务院调查组", 1)]),
    # a communiqué opens with the plenary, a comma, then when and where it was held
    ("中国共产党第二十届中央纪律检查委员会第二次全体会议，于2023年1月9日至10日在北京举行。",
     [("中国共产党第二十届中央纪律检查委员会第二次全体会议", "中国共产党第二十届中央纪律检查委员会", 2)]),
    # a body named for an event in quotes
    ("5月8日下午，国务院湖南长沙浏阳市华盛烟花制造燃放有限公司“5·4”特别重大爆炸事故调查组召开第一次全体会议。",
     [("国务院湖南长沙浏阳市华盛烟花制造燃放有限公司“5·4”特别重大爆炸事故调查组第一次全体会议",
       "国务院湖南长沙浏阳市华盛烟花制造燃放有限公司“5·4”特别重大爆炸事故调查组", 1)]),
    # a numbered 全会 is a committee's plenary session
    ("12月28日，市委十三届五次全会召开。", [("市委十三届五次全会", "市委", 5)]),
    # the presidium's standing chairs meet for the presidium, numbered or not
    ("十四届全国人大四次会议主席团常务主席第三次会议12日上午在人民大会堂举行。",
     [("十四届全国人大四次会议主席团常务主席第三次会议", "十四届全国人大四次会议主席团", 3)]),
    # the recently held meeting as the subject that acted is the report's own
    ("日前召开的区政协九届十二次主席会议，审议通过了有关事项。", [("区政协九届十二次主席会议", "区政协", 12)]),
    # a recent day, then the meeting as the subject that adopted or heard
    ("央视网消息：日前，国务院常务会议审议通过了某地重大事故调查报告。", [("国务院常务会议", "国务院", None)]),
    ("6月27日，中共中央政治局会议审议并通过《关于某某问题的报告》。", [("中共中央政治局会议", "中共中央政治局", None)]),
])
def test_held_meetings(upto, text, want):
    assert _held(upto, text) == want


@pytest.mark.parametrize("text", [
    "虞丽娟向大会报告市政协十四届二次会议以来的提案工作情况。",  # since that session: a reference
    "会议讨论通过了市政协七届八次常委会议召开的时间、地点、议程。",  # planned
    "本台明天将直播全国政协十四届二次会议开幕会。",  # planned
    "赵乐际同全国人大常委会会议列席代表座谈。",  # a talk with the session's attendees
    "召开紧急会议，研究有关事项。",  # too little to name a meeting by
    "传达学习市委常委会会议精神。",
    "会议传达学习了党的二十届三中全会精神。",
    "4月和7月，习近平总书记先后两次主持召开中共中央政治局会议，分析研究经济形势。",  # meetings counted
    "12月17日，中国农工民主党第十七届中央委员会第三次全体会议在京开幕。",  # a party of the 政协, not government
    "中国民主同盟第十二届中央委员会第五次全体会议12月28日在北京召开。",
    "赵乐际强调，十四届全国人大二次会议召开在即，要精心做好准备。",  # about to open
    # …but not a meeting of years ago, or one another speaker mentions
    "2016年，中央全面深化改革领导小组会议审议通过《关于全面推行河长制的意见》。",
    "发言人表示，十三届全国人大三次会议审议通过涉港国家安全立法决定。",
    "会议决定，市政协十三届六次会议定于1月25日召开。",
    # holding a meeting as what this one discussed or prepared for
    "会议研究了召开区十八届人大四次会议有关事项。",
    "这次常委会会议的一项重要任务是为召开县十七届人大二次会议作准备。",
    # decided or agreed, with the date between
    "会议同意2026年1月8日召开区委十届九次全体会议。",
    "会议还决定，3月1日至2日召开市政协十届常委会第五次会议。",
    "会议决定将上述草案提请5月27日上午召开的市政协十届常委会第六次会议审议。",
])
def test_no_meeting_is_held(upto, text):
    assert _held(upto, text) == []


def test_a_paragraph_opening_with_one_meeting_is_that_meetings(upto):
    text = ("6月2日上午，自治区人民政府党组书记、主席韦振岳先后主持召开自治区人民政府党组（扩大）会议和自治区人民政府"
            "第七次常务会议。\n党组（扩大）会议研究了《甲方案》。\n常务会议审议通过《乙条例》。")
    doc = upto(group_meetings, text)
    party, executive = doc.meetings
    opening = (0, text.index("党组（扩大）会议研究"))
    assert party.segments[0] == opening and executive.segments[0] == opening
    assert text[party.segments[1][0]:].startswith("党组（扩大）会议研究")
    assert text[executive.segments[1][0]:].startswith("常务会议审议")


def test_the_mentions_of_one_meeting_make_one_meeting(upto):
    text = ("全国政协十四届常委会第十七次会议闭幕\n政协第十四届全国委员会常务委员会第十七次会议24日下午在京闭幕。")
    doc = upto(find_meetings, text, body_start=text.index("\n") + 1)
    assert len([m for m in doc.meeting_mentions if m.held]) == 2
    assert len(upto(group_meetings, text, body_start=text.index("\n") + 1).meetings) == 1


def test_a_bare_party_group_takes_its_owner_from_the_chairs_title(upto):
    doc = upto(complete_bodies, "市人大常委会党组书记、主任李伊林主持召开党组扩大会议。")
    assert [m.body for m in doc.meetings] == ["市人大常委会党组"]


def test_a_committee_shortened_to_wei_is_the_committee_named_in_full(upto):
    text = "总理主持召开国家能源委员会会议\n总理9日主持召开国家能源委会议。副总理出席。"
    assert [m.body for m in upto(group_meetings, text, body_start=text.index("\n") + 1).meetings] == ["国家能源委员会"]


def test_a_communique_names_its_body_before_the_date_it_met(upto):
    text = "某次代表大会选举产生的市纪律检查委员会，于2022年10月23日在市里举行第一次全体会议。王五主持会议。"
    assert [(m.body, m.ordinal) for m in upto(group_meetings, text).meetings] == [("市纪律检查委员会", 1)]


@pytest.mark.parametrize("body,want", [
    ("二十届首都规划建设委员会", "首都规划建设委员会"),  # a commission with a name of its own
    ("第十六届人民政府", "第十六届人民政府"),  # an organ only its term tells apart
    ("第24届冬奥会工作领导小组", "第24届冬奥会工作领导小组"),  # the number counts the event
])
def test_a_term_leading_a_bodys_name_goes_where_the_name_still_says_which(body, want):
    assert strip_term(body) == want
