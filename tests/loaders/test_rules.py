"""Each extraction rule on one sentence, with the exact expected output."""
from __future__ import annotations

from datetime import date

import pytest

from govgraph.graph.bodies import classify, jurisdiction_of, qualify, split_title
from govgraph.loaders.extract.dates import DATE_EXPR, date_at
from govgraph.loaders.extract.documents import documents
from govgraph.loaders.extract.meetings import meeting_mentions
from govgraph.loaders.extract.names import names_in_list, titled_names
from govgraph.loaders.extract.numerals import cn_to_int
from govgraph.loaders.extract.organs import is_national
from govgraph.loaders.extract.places import NATIONAL, detect_place, resolve_place
from govgraph.loaders.extract.reporters import reporters


@pytest.mark.parametrize("text,want", [
    ("市委书记、市委全面深化改革委员会主任邓群策主持召开", [("邓群策", ["市委书记", "市委全面深化改革委员会主任"])]),
    ("会议听取了市发展和改革委员会主任欧阳明华关于经济运行的汇报", [("欧阳明华", ["市发展和改革委员会主任"])]),
    ("受市委书记张伟委托，市委副书记、市长李红在主持会议", [("张伟", ["市委书记"]), ("李红", ["市委副书记", "市长"])]),
    ("自治区党委副书记、自治区主席买买提·吐尔逊出席会议", [("买买提·吐尔逊", ["自治区党委副书记", "自治区主席"])]),
    ("国务院总理李强主持召开国务院常务会议", [("李强", ["国务院总理"])]),
    ("县长王和平出席并讲话", [("王和平", ["县长"])]),
])
def test_titled_names(text, want):
    assert [(m.name, m.titles) for m in titled_names(text)] == want


@pytest.mark.parametrize("text,want", [
    ("王建华、刘晓明、陈立等市领导出席会议。", [("王建华", []), ("刘晓明", []), ("陈立", [])]),
    ("市人大常委会副主任王刚及市政府有关部门负责人列席会议。", [("王刚", ["市人大常委会副主任"])]),
    ("区委副书记、区长、区委深改委副主任宁致远出席会议。", [("宁致远", ["区委副书记", "区长", "区委深改委副主任"])]),
    ("王和平和张三等出席", [("王和平", []), ("张三", [])]),
    ("副区长陆晓刚，区监委、区法院、区检察院负责同志列席会议。", [("陆晓刚", ["副区长"])]),
])
def test_lists(text, want):
    verb = next(v for v in ("出席", "列席") if v in text)
    assert [(m.name, m.titles) for m in names_in_list(text, 0, text.index(verb))] == want


def test_list_with_group_label_and_a_title_inside():
    t = "市领导赖馨正、段志刚，副市长王五、刘六和市委秘书长陈七出席。"
    got = [(m.name, m.titles) for m in names_in_list(t, 0, t.index("出席"))]
    assert got == [("赖馨正", []), ("段志刚", []), ("王五", ["副市长"]), ("刘六", ["副市长"]), ("陈七", ["市委秘书长"])]


@pytest.mark.parametrize("text,want", [
    ("市委常委会召开扩大会议", ("市委常委会扩大会议", "市委常委会", "扩大会议", None, None)),
    ("主持召开市政府2021年第7次常务会议", ("市政府2021年第7次常务会议", "市政府", "常务会议", 7, 2021)),
    ("市人大常委会召开第十二次主任会议", ("市人大常委会第十二次主任会议", "市人大常委会", "主任会议", 12, None)),
    ("当天下午，市政府党组召开会议", ("市政府党组会议", "市政府党组", "会议", None, None)),
    ("中共中央政治局召开会议", ("中共中央政治局会议", "中共中央政治局", "会议", None, None)),
    ("自治区政协召开十二届常委会第十五次会议",
     ("自治区政协十二届常委会第十五次会议", "自治区政协十二届常委会", "会议", 15, None)),
    ("市政协召开十届二十一次主席会议", ("市政协十届二十一次主席会议", "市政协", "主席会议", 21, None)),
])
def test_held_meetings(text, want):
    mm = [m for m in meeting_mentions(text) if m.held]
    assert [(m.name, m.body, m.kind, m.ordinal, m.year) for m in mm] == [want]


@pytest.mark.parametrize("text", ["会议传达学习了省委常委会会议精神",
                                  "会议决定，中国共产党第十九届中央委员会第七次全体会议于今年秋季在北京召开",
                                  "会议决定市十六届人大常委会第四十一次会议于12月下旬召开",
                                  "县十七届人大常委会第六次会议在县人大会议中心召开",
                                  "此前，市委常委会召开会议专题研究"])
def test_meetings_referred_to_or_planned_are_not_held(text):
    held = [m.name for m in meeting_mentions(text) if m.held]
    assert held == ([] if "会议中心" not in text else ["县十七届人大常委会第六次会议"])


@pytest.mark.parametrize("text,want", [
    ("审议并原则通过了《某市国企改革方案（2020—2022年）》。",
     [("某市国企改革方案（2020—2022年）", "reviewed"), ("某市国企改革方案（2020—2022年）", "approved")]),
    ("并审议《A计划》《B方案》等文件。", [("A计划", "reviewed"), ("B方案", "reviewed")]),
    ("会议原则通过《C办法》、《D细则》和《E规定》。",
     [("C办法", "approved"), ("D细则", "approved"), ("E规定", "approved")]),
    ("会议表决通过了关于修改《某市城市绿化条例》的决定。", [("某市城市绿化条例", "approved")]),
    ("听取了市政府关于《政府工作报告》落实情况的汇报。", [("政府工作报告", "heard")]),
    ("审议了《关于〈某法〉实施办法的说明》。", [("关于〈某法〉实施办法的说明", "reviewed")]),
    ("会议审议并一致通过了《A条例》。", [("A条例", "reviewed"), ("A条例", "approved")]),
    ("会议讨论后原则通过《C方案》。", [("C方案", "reviewed"), ("C方案", "approved")]),
    ("会议审议了《E》，通过了《F》。", [("E", "reviewed"), ("F", "approved")]),
])
def test_documents_and_their_verbs(text, want):
    assert [(d.title, d.action) for d in documents(text)] == want


@pytest.mark.parametrize("text,want", [
    ("本报讯 4月22日下午，", (date(2021, 4, 22), "下午")),
    ("昨天上午，", (date(2021, 4, 26), "上午")),
    ("今天晚上，", (date(2021, 4, 27), "晚上")),
    ("12月30日，", (date(2020, 12, 30), None)),  # a day after publication belongs to last year
    ("日前，", (None, None)),
])
def test_dates_relative_to_publication(text, want):
    m = DATE_EXPR.search(text)
    d, part, _ = date_at(m, published=date(2021, 4, 27), event=None)
    assert (d, part) == want


@pytest.mark.parametrize("s,n", [("五", 5), ("十二", 12), ("二十三", 23), ("一百零二", 102), ("7", 7),
                                 ("二〇二一", 2021)])
def test_numerals(s, n):
    assert cn_to_int(s) == n


@pytest.mark.parametrize("line,want", [
    ("■本报记者 陈润", ["陈润"]),
    ("本报讯（记者 张三 李四 通讯员 王五）5月9日，", ["张三", "李四", "王五"]),
    ("融媒体记者 孙七", ["孙七"]),
    ("记者从市政府获悉，", []),
])
def test_reporters(line, want):
    assert [r.name for r in reporters(line)] == want


def test_places_from_text_and_option():
    p = detect_place("临朐县委常委会召开会议，推动临朐县高质量发展。", body_level="county")
    assert (p.name, p.code, p.city, p.province) == ("临朐县", "370724", "潍坊市", "山东省")
    assert resolve_place("衡阳").code == "430400"


def test_bodies_are_qualified_and_classified():
    place = resolve_place("衡阳市")
    assert qualify("市委常委会", place) == "衡阳市委常委会"
    assert qualify("市人民政府", place) == "衡阳市政府"
    assert qualify("省委", place) == "湖南省委"
    bodies = ("衡阳市人大常委会", "衡阳市政协", "衡阳市委常委会", "衡阳市政府", "衡阳市教育局")
    assert [classify(b) for b in bodies] == \
        ["人大", "政协", "党委", "政府", "部门"]
    assert split_title("市委书记") == ("市委", "书记") and split_title("市长") == ("市政府", "市长")


def test_national_bodies_whatever_comes_first():
    assert all(map(is_national, ("十四届全国人大二次会议主席团", "中国共产党第二十届中央纪律检查委员会",
                                 "政协第十四届全国委员会常务委员会", "九三学社第十五届中央委员会", "国务院")))
    assert not any(map(is_national, ("市委常委会", "县十七届人大常委会", "京津冀协同发展领导小组")))
    # a local body named in a national report: the report does not say whose it is
    assert jurisdiction_of("市委", NATIONAL) is None and jurisdiction_of("全国政协", NATIONAL) == "000000"


def test_a_bare_party_group_meeting_joins_the_headline_one():
    from datetime import date

    from govgraph.loaders.article import Article
    from govgraph.loaders.extract.pipeline import extract

    text = ("省人大常委会党组召开会议\n本报讯 3月1日上午，省人大常委会党组书记、主任周卫国主持召开党组会议，"
            "传达学习全国两会精神。党组副书记、副主任钱立参加会议。")
    f = extract(Article(text=text, source="x.txt", published=date(2023, 3, 2)))
    assert [(m.name, m.body, m.names("chair"), m.names("attendee")) for m in f.meetings] == [
        ("省人大常委会党组会议", "省人大常委会党组", ["周卫国"], ["钱立"])]
