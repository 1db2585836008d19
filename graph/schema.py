"""The one definition of the graph's schema: node types, their properties, edge types, kinds of meeting and body.

Everything that writes or reads the graph derives from these tables: the model checks types against them,
the RDF mapping takes classes and predicates from them, the Neo4j writer takes labels, relationship types and
properties, the builder takes meeting kinds, the view takes glosses. A test holds ``ontology/govgraph.ttl``
and ``ontology/shapes.ttl`` against them both ways.

Adding a meeting kind is one ``MeetingKind`` entry here (plus its term in the ontology); adding an edge type
is one ``EdgeType`` entry (plus its term in the ontology and its shape).
"""
from __future__ import annotations

from dataclasses import dataclass

from govgraph.ontology import FOAF, GG, ORG, PROV, SCHEMA, XSD

# datatype name -> XSD IRI (a plain string has none)
DATATYPES = {"string": None, "integer": XSD + "integer", "date": XSD + "date", "boolean": XSD + "boolean"}


@dataclass(frozen=True)
class Property:
    """A property of a node: its name in the model, its RDF predicate, its datatype."""

    name: str
    predicate: str
    datatype: str = "string"
    many: bool = False  # a list of values, each its own triple (every name a report used)
    merge: str = "first"  # when reports disagree: the first value seen wins, or the earliest (min), the latest (max)

    @property
    def xsd(self) -> str | None:
        return DATATYPES[self.datatype]


@dataclass(frozen=True)
class NodeType:
    """A type of node: its name (also its Neo4j label), its RDF classes (ours first) and its properties."""

    name: str
    classes: tuple[str, ...]
    props: tuple[Property, ...]
    gloss: str

    def prop(self, name: str) -> Property | None:
        return next((p for p in self.props if p.name == name), None)


@dataclass(frozen=True)
class EdgeType:
    """A type of edge: its ends, its RDF predicate, its Neo4j relationship type and how people read it."""

    name: str
    source: str
    target: str
    predicate: str
    gloss: str  # Chinese, for labels in the view
    reading: str  # English, for the evidence panel: "<source> chaired <target>"
    role: str | None = None  # for taking part in a meeting: the eli-dl participation role concept

    @property
    def rel_type(self) -> str:
        """The Neo4j relationship type: chaired -> CHAIRED."""
        return self.name.upper()


@dataclass(frozen=True)
class MeetingKind:
    """A kind of meeting: the key its ids use, the label it shows, the ways reports write it."""

    key: str
    label: str
    written: tuple[str, ...]
    label_as_written: bool = False  # 委员长会议, 主任会议, 主席会议 share a key but keep their own label

    @property
    def concept(self) -> str:
        return f"{GG}meeting-{self.key}"

    def label_for(self, written: str) -> str:
        return written if self.label_as_written and written in self.written else self.label


_NAME = Property("name", GG + "name")
_JURISDICTION = Property("jurisdiction", GG + "jurisdiction")

NODE_TYPES: dict[str, NodeType] = {t.name: t for t in (
    NodeType("Person", (GG + "Person", FOAF + "Person"), (
        _NAME, _JURISDICTION, Property("journalist", GG + "journalist", "boolean")), "人物"),
    NodeType("Body", (GG + "Body", ORG + "Organization"), (
        _NAME, Property("kind", GG + "kind"), _JURISDICTION), "机构"),
    NodeType("Post", (GG + "Post", ORG + "Post"), (
        _NAME, Property("role", GG + "role"), Property("as_written", GG + "asWritten")), "职务"),
    NodeType("Meeting", (GG + "Meeting", SCHEMA + "Event"), (
        Property("names", GG + "name", many=True), Property("kind", GG + "kind"),
        Property("ordinal", GG + "ordinal", "integer"),
        # a numbered session reported over several days is one meeting: its first and its last sitting
        Property("date", SCHEMA + "startDate", "date", merge="min"),
        Property("end_date", SCHEMA + "endDate", "date", merge="max"),
        Property("part_of_day", GG + "partOfDay"), Property("referenced", GG + "referenced", "boolean")), "会议"),
    NodeType("Document", (GG + "Document", SCHEMA + "CreativeWork"), (
        Property("title", SCHEMA + "name"),), "文件"),
    NodeType("Article", (GG + "Article", SCHEMA + "NewsArticle"), (
        Property("title", SCHEMA + "name"), Property("published", SCHEMA + "datePublished", "date"),
        Property("source", GG + "sourceFile"), Property("newspaper", SCHEMA + "publisher"),
        Property("url", SCHEMA + "url")), "报道"),
)}

EDGE_TYPES: dict[str, EdgeType] = {e.name: e for e in (
    EdgeType("chaired", "Person", "Meeting", GG + "chaired", "主持", "chaired", GG + "role-chair"),
    EdgeType("attended", "Person", "Meeting", GG + "attended", "出席", "attended", GG + "role-attendee"),
    EdgeType("sat_in", "Person", "Meeting", GG + "satIn", "列席", "sat in on", GG + "role-nonvoting"),
    EdgeType("spoke_at", "Person", "Meeting", GG + "spokeAt", "讲话", "spoke at", GG + "role-speaker"),
    EdgeType("convened", "Body", "Meeting", GG + "convened", "召开", "convened"),
    EdgeType("reviewed", "Meeting", "Document", GG + "reviewed", "审议", "reviewed"),
    EdgeType("approved", "Meeting", "Document", GG + "approved", "通过", "approved"),
    EdgeType("heard", "Meeting", "Document", GG + "heard", "听取", "heard"),
    EdgeType("studied", "Meeting", "Document", GG + "studied", "学习", "studied"),
    EdgeType("holds_post", "Person", "Post", GG + "holdsPost", "任职", "holds the post"),
    EdgeType("post_in", "Post", "Body", ORG + "postIn", "隶属", "is a post in"),
    EdgeType("reported", "Person", "Article", GG + "reported", "报道", "reported"),
    EdgeType("describes", "Article", "Meeting", GG + "describes", "记述", "describes"),
    EdgeType("refers_to", "Meeting", "Meeting", GG + "refersTo", "提及", "refers to"),
    EdgeType("leads_task", "Body", "Meeting", GG + "leadsTask", "牵头", "leads a task from"),
)}

# Kinds of meeting in the order the extractor should try their written forms (it sorts them longest first).
MEETING_KINDS: dict[str, MeetingKind] = {k.key: k for k in (
    MeetingKind("executive", "常务会议", ("常务会议",)),
    MeetingKind("plenary", "全体会议", ("全体会议", "全会")),
    MeetingKind("chairmen", "主任会议", ("委员长会议", "主任会议", "主席会议", "常务主席会议"), label_as_written=True),
    MeetingKind("special", "专题会议", ("专题会议",)),
    MeetingKind("joint", "联席会议", ("联席会议",)),
    MeetingKind("office", "办公会议", ("办公会议",)),
    MeetingKind("standing", "常委会议", ("常委会议",)),
    # anything else: a standing committee's session (常委会会议), an enlarged meeting, a meeting referred to
    MeetingKind("meeting", "会议", ("会议", "扩大会议", "（扩大）会议", "委员会议", "碰头会")),
)}
DEFAULT_MEETING_KIND = MEETING_KINDS["meeting"]
_KIND_BY_WRITTEN = {w: k for k in MEETING_KINDS.values() for w in k.written}


def meeting_kind(written: str | None) -> MeetingKind:
    """The kind of a meeting as a report writes it (常务会议 -> executive); anything unknown is a plain meeting."""
    return _KIND_BY_WRITTEN.get(written or "", DEFAULT_MEETING_KIND)


# Kinds of body: the Chinese name the classifier gives -> its SKOS concept.
BODY_KINDS: dict[str, str] = {"党委": GG + "body-party", "政府": GG + "body-government", "人大": GG + "body-congress",
                              "政协": GG + "body-cppcc", "部门": GG + "body-department", "其他": GG + "body-other"}

# Terms every RDF export uses beside the node and edge tables: statements, evidence, kinds.
STATEMENT_CLASS = GG + "Statement"
EVIDENCE_CLASS = GG + "Evidence"
RELATION = GG + "relation"
IN_ARTICLE = GG + "inArticle"
OBSERVED_ON = GG + "observedOn"
BODY_KIND = GG + "bodyKind"
MEETING_KIND = GG + "meetingKind"
DERIVED_FROM = PROV + "wasDerivedFrom"

# Lookups and counts kept up to date at ingest (graph/derived.py) in a named graph of their own: the saved queries
# read them, exports and read-backs never see them.
INDEX_GRAPH = GG + "index"
NAME_PART = GG + "namePart"
SEEN_IN_YEAR = GG + "seenInYear"
PAIR_OF = GG + "pairOf"
MEETINGS_TOGETHER = GG + "meetingsTogether"
MEETING_COUNT = GG + "meetingCount"
MONTH = GG + "month"
MEETINGS = GG + "meetings"
INDEX_DATATYPE_PROPERTIES = frozenset({NAME_PART, SEEN_IN_YEAR, MEETINGS_TOGETHER, MONTH, MEETINGS})
INDEX_OBJECT_PROPERTIES = frozenset({PAIR_OF, MEETING_COUNT})


def edge_type(name: str) -> EdgeType:
    """An edge type by name; an unknown name is an error that lists the known ones."""
    try:
        return EDGE_TYPES[name]
    except KeyError:
        raise ValueError(f"unknown edge type {name!r}; expected one of {', '.join(EDGE_TYPES)}") from None


def node_type(name: str) -> NodeType:
    """A node type by name; an unknown name is an error that lists the known ones."""
    try:
        return NODE_TYPES[name]
    except KeyError:
        raise ValueError(f"unknown node type {name!r}; expected one of {', '.join(NODE_TYPES)}") from None
