"""date_meetings, attach_documents, attach_references, find_reporters and locate on single sentences."""
from __future__ import annotations

from datetime import date

import pytest

from govgraph.loaders.extract.dates import date_meetings, infer_year
from govgraph.loaders.extract.documents import attach_documents
from govgraph.loaders.extract.places import locate
from govgraph.loaders.extract.references import attach_references
from govgraph.loaders.extract.reporters import find_reporters


@pytest.mark.parametrize("text,published,want", [
    ("中共中央政治局常务委员会1月7日全天召开会议。", date(2020, 1, 8), (date(2020, 1, 7), "全天")),
    ("第三十八次会议30日上午在北京闭幕。全国人大常委会第三十八次会议召开。", date(2023, 6, 30),
     (date(2023, 6, 30), "上午")),
    ("27日下午，十三届全国人大常委会第二十六次委员长会议在北京举行。", date(2019, 2, 28), (date(2019, 2, 27), "下午")),
    ("昨天下午，市政府召开2007年第13次常务会议。", None, (None, "下午")),
    # a bare 晚 is the evening; 晚会 is another word
    ("3月5日晚，市委常委会召开会议。", date(2024, 3, 6), (date(2024, 3, 5), "晚上")),
    ("十三届全国人大三次会议21日晚在人民大会堂举行预备会议。", date(2020, 5, 22), (date(2020, 5, 21), "晚上")),
    ("3月5日晚会前，市委常委会召开会议。", date(2024, 3, 6), (date(2024, 3, 5), None)),
    # a communiqué's plenary: the day after 于, not the day the communiqué was adopted
    ("（2023年1月10日中国共产党第二十届中央纪律检查委员会第二次全体会议通过）\n"
     "中国共产党第二十届中央纪律检查委员会第二次全体会议，于2023年1月9日至10日在北京举行。",
     date(2023, 1, 11), (date(2023, 1, 9), None)),
    # two days written as one (28、29日): the first
    ("7月28、29日，市委十三届五次全会召开。", date(2025, 7, 30), (date(2025, 7, 28), None)),
    # no publication day: the year the meeting reviews or plans settles it
    ("1月22日，市政协十三届十八次常委会会议召开，审议《关于表彰2024-2025年度优秀委员的决定》。", None,
     (date(2026, 1, 22), None)),
    ("3月12日，区委全面深化改革委员会召开第一次会议，审议2019年改革工作的安排。", None, (date(2019, 3, 12), None)),
])
def test_date_meetings(upto, text, published, want):
    m = upto(date_meetings, text, published=published).meetings[-1]
    assert (m.date, m.part_of_day) == want


def test_a_meeting_its_sentence_dates_years_back_is_background(upto):
    text = "2005年7月28、29日，浙江省委十一届八次全会召开，会议审议通过了有关决定。"
    assert upto(date_meetings, text, published=date(2025, 7, 28)).meetings == []
    assert len(upto(date_meetings, text, published=date(2005, 7, 30)).meetings) == 1


def test_infer_year_needs_one_year():
    assert infer_year("审议2019年工作要点和2020年工作安排", 2) is None
    assert infer_year("表彰2015—2016年度先进单位", 1) == 2017
    assert infer_year("表彰2015—2016年度先进单位", 9) is None


@pytest.mark.parametrize("text,want", [
    ("市政府召开常务会议，审议并原则通过《甲办法》。", [("甲办法", "reviewed"), ("甲办法", "approved")]),
    # a verb inside an earlier title is not this title's verb
    ("省人大常委会召开会议，通过了《某某讨论决定重大事项规定》、关于修改《安全生产条例》的决定。",
     [("某某讨论决定重大事项规定", "approved"), ("安全生产条例", "approved")]),
    # 研究 in an organ's name is not a verb; 介绍 only mentions
    ("市政府召开常务会议。市政府发展研究中心介绍了《乙意见》。", [("乙意见", "mentioned")]),
    # approved earlier by another body: not this meeting's
    ("市政府召开常务会议。《丙办法》于2006年2月5日经国家发改委主任办公会议审议通过。", [("丙办法", "mentioned")]),
    # a list approved at the sentence's end
    ("市委召开常委会会议，讨论了《丁细则》、研究了有关事宜等四项议题，并原则通过。",
     [("丁细则", "reviewed"), ("丁细则", "approved")]),
    # a motion asks for review and approval; the sitting that hears it has not approved anything yet
    ("省人大常委会召开会议。副省长作了关于提请审议批准《戊公约》的议案的说明。", [("戊公约", "reviewed")]),
    # the verbs after 关于《…》 name the report, they are not what the meeting did
    ("全国人大常委会第九十二次委员长会议举行。张业遂向会议作了关于《甲条约》审议情况及批准条约的决定草案代拟稿的汇报。",
     [("甲条约", "mentioned")]),
    # a motion the meeting put forward, and a talk's title, are not what it reviewed; 研究员 is a post
    ("全国人大常委会第九十二次委员长会议举行。委员长会议向全国人大常委会提出了关于提请审议《乙办法（修订草案）》的议案。",
     [("乙办法（修订草案）", "mentioned")]),
    ("全国人大常委会第十二次会议举行。中国科学院计算技术研究所研究员孙某作了题为《智能计算的发展》的讲座。",
     [("智能计算的发展", "mentioned")]),
    # a committee's recommendation that the congress approve: not this meeting's approval
    ("主席团召开会议。财政经济委员会建议第十四届全国人民代表大会第三次会议批准《己计划》。", [("己计划", "mentioned")]),
    ("市人大常委会召开会议，听取了市政府关于提请批准《己规划》的议案。", [("己规划", "mentioned")]),
    # the meeting's own approval still counts when the motion's verb comes later
    ("市政府召开常务会议，审议通过《庚条例（草案）》，决定提请市人大常委会审议。",
     [("庚条例（草案）", "reviewed"), ("庚条例（草案）", "approved")]),
    # a law cited in the name of the decision adopted is not adopted (关于修改《X》的决定 is, above)
    ("市人大常委会召开会议。会议表决通过了关于在试验区暂时调整适用《甲法》有关规定的决定。", [("甲法", "mentioned")]),
    # 审定 examines and settles; 同意 approves
    ("市政府召开常务会议，审定了《辛方案》，同意《壬计划》。",
     [("辛方案", "reviewed"), ("辛方案", "approved"), ("壬计划", "approved")]),
])
def test_attach_documents(upto, text, want):
    assert [(d.title, d.action) for d in upto(attach_documents, text).meetings[0].documents] == want


def test_attach_references(upto):
    doc = upto(attach_references, "市委常委会召开会议，传达学习全省市州委书记视频会议精神，研究工作，"
                                  "由市教育局牵头落实。")
    meeting = doc.meetings[0]
    assert [r.name for r in meeting.refers_to] == ["全省市州委书记视频会议"]
    assert [t.body for t in meeting.tasks] == ["市教育局"]


@pytest.mark.parametrize("text,want", [
    # every meeting of a list before 精神, joined by 、 or 和
    ("县委常委会召开会议，传达学习中央全面深化改革委员会第五次会议、省委全面依法治省委员会第二次会议和市委经济工作"
     "会议等精神。", ["中央全面深化改革委员会第五次会议", "省委全面依法治省委员会第二次会议", "市委经济工作会议"]),
    # the 和 of a body's name joins nothing; a list stops at what is not a meeting
    ("市政府召开常务会议，传达学习全国发展和改革工作会议精神。", ["全国发展和改革工作会议"]),
    ("区委常委会召开会议，传达学习关于安全生产的重要论述和全市安全生产电视电话会精神。", ["全市安全生产电视电话会"]),
    # A精神和B精神: each once
    ("市委常委会召开会议，学习党的二十届四中全会精神和省委全会精神。", ["二十届四中全会", "省委全会"]),
])
def test_references_in_a_list(upto, text, want):
    assert [r.name for r in upto(attach_references, text).meetings[0].refers_to] == want


@pytest.mark.parametrize("text,want", [
    ("本报讯（记者 张三 通讯员 李四）市委常委会召开会议。", ["张三", "李四"]),
    ("■通 讯 员 王成虎\n市政协召开常委会议。", ["王成虎"]),
    # a copy that lost its line breaks: the bylines run on between the headline and the dateline, and the
    # unlabelled credit follows the last sentence
    ("市政协常委会议召开 ■通讯员 王成虎 融媒体记者 张小燕 杨盼盼 本报讯 昨日下午，市政协召开常委会议。",
     ["王成虎", "张小燕", "杨盼盼"]),
    ("市政府召开常务会议。 会议强调，要压实责任。 会议还研究了其他事项。 张慧君 顾辉", ["张慧君", "顾辉"]),
    ("市政府召开常务会议。 记者从市发改委获悉，全市经济运行平稳。", []),
    ("本报讯 记者黄柱报道：市政协召开党组会议。", ["黄柱"]),
    ("本报讯 记者 张晓红 李明 报道：市政协召开党组会议。", ["张晓红", "李明"]),
    ("作者:徐侃\n市政协召开主席会议。", ["徐侃"]),
    ("市委召开常委会会议。\n会议还研究了其他事项。 (朱亚旭 李得胜)", ["朱亚旭", "李得胜"]),
    ("市政府召开常务会议。\n张慧君 顾 辉", ["张慧君", "顾 辉"]),
    ("区委召开常委会会议。会议还研究了其他事项。■瞿伟", ["瞿伟"]),
    ("编辑:李玥\n市委召开常委会会议。", []),
])
def test_find_reporters(upto, text, want):
    assert [r.name for r in upto(find_reporters, text).reporters] == want


def test_locate_reads_the_place_the_bodies_speak_for(upto):
    doc = upto(locate, "本报讯 4月22日，衡阳市委常委会召开会议，市委书记邓群策主持。")
    assert (doc.place.name, doc.place.code) == ("衡阳市", "430400")
    assert upto(locate, "市委常委会召开会议。", place_hint="衡阳").place.code == "430400"


@pytest.mark.parametrize("text", [
    # a place's short name inside a person's name
    "市政协召开主席会议，秘书长刘宏伟出席会议。",
    "区政府召开常务会议，张振中、安龙、王保国等参加会议。",
    # cut out of longer words: 以来/安全, 走上/高质量, 中小/金融, 创新/和
    "市政府召开常务会议，总结去年以来安全生产工作，推动全面走上高质量发展道路，化解中小金融机构风险。",
    "县委常委会召开会议，推动科技创新和产业创新深度融合。",
])
def test_no_place_is_read_inside_a_name_or_a_word(upto, text):
    assert upto(locate, text).place is None


def test_a_short_place_name_standing_as_a_word_still_counts(upto):
    doc = upto(locate, "市委常委会召开会议，研究推动岳阳高质量发展，确保岳阳安全度汛。")
    assert (doc.place.name, doc.place.code) == ("岳阳市", "430600")


def test_a_national_bodys_meeting_speaks_for_the_country(upto):
    for text in ("国务院总理主持召开国务院常务会议，部署推动科技创新和产业创新深度融合。",
                 "十四届全国人大常委会第二十一次会议在北京人民大会堂举行。"):
        assert upto(locate, text).place.code == "000000"
