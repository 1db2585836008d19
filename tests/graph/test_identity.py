"""One node per real-world entity: the same people and meetings in different words, days, papers and cities."""
from __future__ import annotations

from govgraph.graph.ingest import read_graph

from ..conftest import FIXTURES

IDENTITY = FIXTURES / "identity"


def _ingest_all(store):
    rep = read_graph(sorted(IDENTITY.iterdir()))
    assert not rep.errors and rep.articles == 4
    store.write(rep.graph)
    return rep.graph


def test_counts_after_ingest_and_again(store):
    g = _ingest_all(store)
    counts = store.counts()
    # two papers on one 岳阳 government meeting make one meeting; the page's other two meetings are separate
    held = [n for n in g.nodes.values() if n.type == "Meeting" and not n.props.get("referenced")]
    assert sorted(n.label for n in held) == ["宜宾市政府常务会议 2023-06-12", "岳阳市委常委会会议 2023-06-12",
                                             "岳阳市政府常务会议 2023-05-08"]
    yy = "meeting/430600/岳阳市政府/2023-05-08/executive"
    assert {s for (s, t, d) in g.edges if t == "describes" and d == yy} == {
        n.id for n in g.nodes.values() if n.type == "Article" and n.props["source"].startswith("yueyang-")
        and "05-09" in n.props["source"]}
    # 李志刚 of 岳阳 (市长, three mentions in two papers and two months) is one person; 宜宾's 李志刚 another
    people = sorted(n.id for n in g.nodes.values() if n.type == "Person" and n.props.get("jurisdiction") != "press")
    assert people == ["person/430600/张明华", "person/430600/李志刚", "person/430600/王红", "person/430600/陈建",
                      "person/511500/何建平", "person/511500/李志刚"]
    assert counts["Person"] == 9 and counts["Meeting"] == 4 and counts["chaired"] == 3 and counts["attended"] == 6
    li = "person/430600/李志刚"
    assert {d for (s, t, d) in g.edges if s == li and t in ("chaired", "attended")} == {
        yy, "meeting/430600/岳阳市委常委会/2023-06-12/meeting"}
    chaired = g.edges[(li, "chaired", yy)]
    assert len(chaired.evidence) == 2  # both papers support it, each with its own sentence
    assert {e.quote[:6] for e in chaired.evidence} == {"本报讯 5月", "岳阳市人民政"} \
        or len({e.article for e in chaired.evidence}) == 2
    before = store.counts()
    _ingest_all(store)
    assert store.counts() == before


def test_posts_over_time(store):
    from govgraph.queries import get_query

    _ingest_all(store)
    q = get_query("post_holders_on")
    cols, rows = store.run(q, q.bind({"post": "岳阳市副市长", "on": "2023-12-31"}))
    assert cols == ["person", "post_name", "first_seen", "last_seen", "person_id", "post_id"]
    assert sorted(r[:4] for r in rows) == [("王红", "岳阳市副市长", "2023-05-08", "2023-05-08"),
                                           ("陈建", "岳阳市副市长", "2023-05-08", "2023-05-08")]
    assert store.run(q, q.bind({"post": "岳阳市副市长", "on": "2023-01-01"}))[1] == []
    cols, rows = store.run(get_query("same_body_same_year"), {"body": "岳阳市政府"})
    assert [r[:4] for r in rows] == [("岳阳市政府", "2023", "李志刚", "王红"), ("岳阳市政府", "2023", "李志刚", "陈建"),
                                     ("岳阳市政府", "2023", "王红", "陈建")]
    cols, rows = store.run(get_query("body_chairs_over_time"), {"body": "岳阳"})
    assert [(r[1], r[2], r[4]) for r in rows] == [("李志刚", "2023-05-08", 1), ("张明华", "2023-06-12", 1)]


def test_explain_shows_the_sentences(store):
    from govgraph.graph.explain import explain

    _ingest_all(store)
    rows = explain(store, "person/430600/李志刚", relation="chaired")
    assert {r.published for r in rows} == {"2023-05-09"}
    assert len(rows) == 2 and all("李志刚" in r.quote for r in rows)
    assert explain(store, "王红")  # a name works as well as an id


def test_a_person_belongs_to_the_most_local_post():
    from datetime import date

    from govgraph.graph.build import build_article
    from govgraph.loaders.article import Article
    from govgraph.loaders.extract.pipeline import extract

    texts = ["本报讯 3月2日上午，省委常委、市委书记张明华主持召开岳阳市委常委会会议。",
             "本报讯 4月9日上午，岳阳市委书记张明华主持召开市委常委会会议。",
             "本报讯 4月10日，湖南省委书记张明华主持召开省委常委会会议。"]
    ids = []
    for t in texts:
        art = Article(text=t, source="x.txt", published=date(2023, 4, 10))
        g = build_article(art, extract(art))
        ids.append(sorted(n.id for n in g.nodes.values() if n.type == "Person"))
    assert ids[0] == ids[1] == ["person/430600/张明华"]
    assert ids[2] == ["person/430000/张明华"]  # the province's 张明华 is not assumed to be the city's


def test_ingesting_later_merges_into_what_is_stored(tmp_path):
    from govgraph.graph.stores import open_store

    files = sorted(IDENTITY.iterdir())
    together = open_store("oxigraph", path=tmp_path / "a")
    together.write(read_graph(files).graph)
    one_by_one = open_store("oxigraph", path=tmp_path / "b")
    for f in files:  # one file per ingest, as new reports arrive day after day
        one_by_one.write(read_graph([f]).graph)
    assert one_by_one.counts() == together.counts()
    together.close()
    one_by_one.close()


def test_a_session_reported_over_several_days_is_one_meeting_of_one_body():
    from datetime import date

    from govgraph.graph.build import build_article
    from govgraph.graph.model import Graph
    from govgraph.loaders.extract.pipeline import extract
    from govgraph.loaders.textpage import split_page

    days = [
        ("政协第十四届全国委员会常务委员会第十七次会议22日上午在京开幕。全国政协主席王沪宁主持会议。",
         date(2026, 6, 22)),
        ("全国政协十四届常委会第十七次会议24日下午在京闭幕。全国政协主席王沪宁主持闭幕会。", date(2026, 6, 24)),
    ]
    g = Graph()
    for text, day in days:
        for art in split_page(text, source=f"{day}.txt", published=day):
            g.merge(build_article(art, extract(art)))
    meetings = [n for n in g.nodes.values() if n.type == "Meeting" and not n.props.get("referenced")]
    bodies = {n.label for n in g.nodes.values() if n.type == "Body"}
    assert len(meetings) == 1, [m.id for m in meetings]
    assert (meetings[0].props["date"], meetings[0].props["end_date"]) == ("2026-06-22", "2026-06-24")
    assert bodies == {"全国政协常委会", "全国政协"}  # the standing committee, and the 政协 whose 主席 he is
    chair = [e for e in g.edges.values() if e.type == "chaired"]
    assert len(chair) == 1 and len(chair[0].evidence) == 2
