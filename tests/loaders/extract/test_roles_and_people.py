"""find_names, assign_roles and collect_people on single sentences."""
from __future__ import annotations

import pytest

from govgraph.loaders.extract.names import find_names
from govgraph.loaders.extract.people import collect_people
from govgraph.loaders.extract.roles import assign_roles


def _roles(upto, text, role, k=0, **fields):
    return upto(assign_roles, text, **fields).meetings[k].names(role)


@pytest.mark.parametrize("text,want", [
    ("传达学习习近平总书记重要讲话精神。", [("习近平", ["总书记"])]),
    ("栗战书委员长主持会议。", [("栗战书", ["委员长"])]),
    ("受省长骆振东委托，常务副省长主持。", [("骆振东", ["省长"])]),
    ("旗委副书记、旗长巴图孟和就做好今年工作作了部署。", [("巴图孟和", ["旗委副书记", "旗长"])]),
    ("自治区林业和草原局局长吐尔洪·买买提明作说明。", [("吐尔洪·买买提明", ["自治区林业和草原局局长"])]),
    ("全国政协主席王沪宁主持。", [("王沪宁", ["全国政协主席"])]),
    ("要加强委员队伍建设，听取有关委员调整情况说明。", []),  # 委员 as a word, not a post
    ("中央书记处工作报告。", []),
    ("岳阳市市长李明主持召开会议。", [("李明", ["岳阳市市长"])]),  # a place before a level's title, not a name
    ("岳阳市长李明主持召开会议。", [("李明", ["岳阳市长"])]),
    ("李明市长主持召开会议。", [("李明", ["市长"])]),
    # a bare title, then what the person did: no name is written
    ("会后，市长同来访的友好城市市长通电话。", []),
    ("江苏、四川省长视频发言，副市长书面发言。", []),
    ("会议听取了关于政协委员提案办理情况的报告，酝酿副主任人选。", []),
    # a common word of speech after a bare title is no one's name; a name that is also a word stays
    ("两会首场部长通道今天开启，看到总书记来了，大家围拢上来。", []),
    ("会议发表主席声明，坚决听从主席指挥。", []),
    ("副市长高峰、文明出席会议。", [("高峰", ["副市长"]), ("文明", ["副市长"])]),
    ("受国务院委托，审计署审计长侯凯作了说明。", [("侯凯", ["审计署审计长"])]),
    ("全国政协委员、财政部部长刘昆说，要加大支出力度。", [("刘昆", ["全国政协委员", "财政部部长"])]),
    # a title before a list is each name's, up to an item with a title of its own
    ("中央军委委员魏凤和、李作成、苗华参加会议。",
     [("魏凤和", ["中央军委委员"]), ("李作成", ["中央军委委员"]), ("苗华", ["中央军委委员"])]),
    ("全国政协副主席秦博勇、朱永新围绕学习贯彻习近平总书记重要讲话精神作了发言。",
     [("秦博勇", ["全国政协副主席"]), ("朱永新", ["全国政协副主席"]), ("习近平", ["总书记"])]),
    ("区人大常委会主任周俊雄、区政协主席叶水山等出席。",
     [("周俊雄", ["区人大常委会主任"]), ("叶水山", ["区政协主席"])]),
    # 和 after a title joins; after a name it joins when a title and a name follow
    ("全国政协委员和特邀代表发言。", []),
    ("市委书记林武和市长周乃翔出席。", [("林武", ["市委书记"]), ("周乃翔", ["市长"])]),
    # 和 written twice: the first ends a name (唐茂和), the second joins
    ("会议学习了省委书记唐茂和和市委书记邹月贞的讲话。", [("唐茂和", ["省委书记"]), ("邹月贞", ["市委书记"])]),
    # what opens a clause is no part of a title: a time of day, 同 after a hall, 应 of an invitation, 发表, a 的 clause
    ("委员长赵乐际7日下午在人民大会堂同洪都拉斯国会主席雷东多举行会谈。",
     [("赵乐际", ["委员长"]), ("雷东多", ["洪都拉斯国会主席"])]),
    ("应俄罗斯国家杜马主席沃洛金邀请，全国人大常委会委员长栗战书将于9月7日出访。",
     [("沃洛金", ["俄罗斯国家杜马主席"]), ("栗战书", ["全国人大常委会委员长"])]),
    ("杂志将发表中共中央总书记、国家主席习近平的重要文章。", [("习近平", ["中共中央总书记", "国家主席"])]),
    ("习近平会见来华进行正式访问的德国总理默茨。", [("默茨", ["德国总理"])]),
    ("习近平举行仪式欢迎巴西联邦共和国总统卢拉。", [("卢拉", ["巴西联邦共和国总统"])]),
    ("中宣部分管日常工作的副部长王晓晖作报告。", [("王晓晖", ["中宣部分管日常工作的副部长"])]),
    ("总台记者对河北省委书记王东峰进行了专访。", [("王东峰", ["河北省委书记"])]),
    ("国家主席习近平3日晚在北京同法国总统马克龙会谈。", [("习近平", ["国家主席"]), ("马克龙", ["法国总统"])]),
    ("上海同济大学校长王五出席。", [("王五", ["上海同济大学校长"])]),
    # a speaking member is named before 委员; a name may be followed by 进行 or 视频发言
    ("葛慧君委员发言说，要凝聚共识。", [("葛慧君", ["委员"])]),
    ("程红委员代表民盟中央发言说，建议推进法治。", [("程红", ["委员"])]),
    ("杨明生常委建议，进一步增强政府资金引导作用。", [("杨明生", ["常委"])]),
    # a list that a count and a title close: each listed name holds the title
    ("开幕会上，刘家义、方光华、户思社等14位政协常委作大会发言。",
     [("刘家义", ["政协常委"]), ("方光华", ["政协常委"]), ("户思社", ["政协常委"])]),
    ("中共中央政治局常委、全国政协主席汪洋近日在宁夏调研。", [("汪洋", ["中共中央政治局常委", "全国政协主席"])]),
    ("澳门特别行政区行政长官贺一诚参加会议。", [("贺一诚", ["澳门特别行政区行政长官"])]),
    ("中央宣讲团成员、中央党史和文献研究院院长曲青山作报告。",
     [("曲青山", ["中央宣讲团成员", "中央党史和文献研究院院长"])]),
    # a 和 that joins two fields of one body is read from the last stop before it
    ("主席团会议听取了宪法和法律委员会主任委员李飞作的报告。", [("李飞", ["宪法和法律委员会主任委员"])]),
    ("辽宁省长李乐成、四川省长黄强视频发言。", [("李乐成", ["辽宁省长"]), ("黄强", ["四川省长"])]),
    # a web copy may set a name off by spaces; a headline's two halves are not a title and a name
    ("市委书记 钟华 主持会议。", [("钟华", ["市委书记"])]),
    ("赵乐际 委员长主持闭幕会。", [("赵乐际", ["委员长"])]),
    ("习近平致电祝贺阮春福当选越南国家主席 李克强致电祝贺范明政当选越南政府总理", []),
    # a 代表 of a congress is a post; what a title is followed by may say no one is named
    ("全国人大代表、淮安市委书记史志军作了汇报。", [("史志军", ["全国人大代表", "淮安市委书记"])]),
    ("四是人大代表要忠实履行职责，走进人大代表联络站。", []),
    ("牢记总书记殷殷嘱托。", []),
    # a name followed by 陪同, 通过, or 总理 after 赞成
    ("省委书记石泰峰，省长王宁陪同考察。", [("石泰峰", ["省委书记"]), ("王宁", ["省长"])]),
    ("广西大化县委书记杨龙文通过视频会议系统作了发言。", [("杨龙文", ["广西大化县委书记"])]),
    ("完全赞成李克强总理所作的报告。", [("李克强", ["总理"])]),
    # 一同 (together) after a two-character name; a name's own 一 before 同志 stays
    ("中央统战部部长尤权一同调研。", [("尤权", ["中央统战部部长"])]),
    ("市委书记王一同志出席。", [("王一", ["市委书记"])]),
    # 报告 after a name; 第 opens an ordinal, not a name's end; 成员单位 is a member unit, not a person
    ("财政部副部长许宏才报告了预算执行情况。", [("许宏才", ["财政部副部长"])]),
    ("这是总书记连续第13年参加植树活动。", []),
    ("北京市要落实主体责任，首规委成员单位要共同扛起责任。", []),
    # a name in parts before its title, whole; not words run into a foreign name
    ("阿依古丽·买买提委员发言说，要加强团结。", [("阿依古丽·买买提", ["委员"])]),
    ("总统日前任命阿里·汗为新任总理。", []),
    ("欧阳文明委员发言说，要加强团结。", [("欧阳文明", ["委员"])]),
    # a discipline notice's subjects: the name before what they did, a case named for its subject
    ("典型问题分别是：某省政协原党组书记、主席王富民违规收受礼金问题。", [("王富民", ["某省政协原党组书记", "主席"])]),
    ("本集通过中国科协原党组成员、书记处书记陈刚案，讲述故事。", [("陈刚", ["中国科协原党组成员", "书记处书记"])]),
    ("参议院未能通过民主党提出的限制总统权力议案。", []),
    # a word before a title is no name (高校书记, 国防部长), nor is the centre after one (总书记党中央)
    ("进一步推动高等教育对外开放。高校书记、校长要严格要求自己。", []),
    ("会议强调，坚决维护习近平总书记党中央的核心地位。", []),
    # posts of departments, societies and troupes; a 长 or a 处 that belongs to the next word or the one before
    ("国家某委评估督导司原党支部书记、司长王青云，某省淮海剧团团长陈万宏违规问题。",
     [("王青云", ["国家某委评估督导司原党支部书记", "司长"]), ("陈万宏", ["某省淮海剧团团长"])]),
    ("甘肃永登县低保办主任赵永琏侵害困难群众利益案。", [("赵永琏", ["甘肃永登县低保办主任"])]),
    ("新华社长篇通讯讲述了他们的故事。", []),
    ("武穴地处长江中游。", []),
    # a member speaking on a topic, a sitting's presiding officer, a surname before an adverb
    ("刘伟常委就做好高校毕业生就业建议，在扩大需求上发力。", [("刘伟", ["常委"])]),
    ("主席团会议主持人王沪宁主持会议。", [("王沪宁", ["主持人"])]),
    ("会议指出，市长还分别听取了汇报。", []),
    ("今年以来，总书记还先后主持召开两次会议。", []),
    # a name before 和 is no field of an organ's name (国家林业和草原局 is); a leader's memorial is no person
    ("韩正和国务院副总理胡春华出席。", [("胡春华", ["国务院副总理"])]),
    ("领导同志来到毛主席纪念堂。", []),
    # a sentence opening with titles alone up to a comma names their holder after it
    ("典型问题如下。甘肃省委原常委，省政府原党组副书记、副省长宋亮长期违规收受礼金。",
     [("宋亮", ["甘肃省委原常委", "省政府原党组副书记", "副省长"])]),
    ("政治局委员、自治区党委书记陈全国，书记处书记、统战部部长尤权一同调研。",
     [("陈全国", ["政治局委员", "自治区党委书记"]), ("尤权", ["书记处书记", "统战部部长"])]),
    # a title's seat and residence are not people
    ("大会主席团常务主席、执行主席王晨在主席台执行主席席就座。", [("王晨", ["大会主席团常务主席", "执行主席"])]),
    ("民众在首相官邸前集会。", []),
    # a name before its title may not overlap a name after one: 康欣和副区长 is no one
    ("区政协主席向康欣和副区长曹风列席会议。", [("向康欣", ["区政协主席"]), ("曹风", ["副区长"])]),
    # the object of a removal holds no post by it, and 职务 is no name
    ("会议决定免去张三的县教育局局长职务，撤销李四县政协委员资格。", []),
    # a discipline case names its subject, with the post as the report writes it
    ("会议审议了关于县政协原副主席王守仁涉嫌严重违纪违法问题的审查报告。", [("王守仁", ["县政协原副主席"])]),
    # a title that makes a word of its own with what follows: 大使馆
    ("驻华大使馆近日发表声明。", []),
])
def test_find_names(upto, text, want):
    assert [(m.name, m.titles) for m in upto(find_names, text).names if m.titles] == want


@pytest.mark.parametrize("text,role,want", [
    ("区长李伟光在区政府一楼东会议室主持召开区政府第16次常务会议。", "chair", ["李伟光"]),
    ("韩正28日到河北雄安新区调研，主持召开京津冀协同发展领导小组会议。", "chair", ["韩正"]),
    ("欢迎仪式后，李强同穆罕默德举行会谈并共同主持召开中沙高级别联合委员会第四次会议。", "chair", ["李强"]),
    ("市政府召开常务会议。应邀出席会议的市领导还有：李仰哲、吴伟、赵嘉鸣。", "attendee", ["李仰哲", "吴伟", "赵嘉鸣"]),
    ("市政协召开全体会议。市政协主席胡文容，副主席肖贵玉、陈群及市政协常委在主席台就座。", "attendee",
     ["胡文容", "肖贵玉", "陈群"]),
    ("县委常委会召开会议。县委副书记郭杰等县委常委会组成人员出席会议。", "attendee", ["郭杰"]),
    ("区人大常委会召开党组会议。副主任田力、徐学琴及机关全体干部参加会议。", "attendee", ["田力", "徐学琴"]),
    ("市政协召开全体会议。老领导叶公琦、陈铁迪，吴志明也应邀出席大会。", "attendee", ["叶公琦", "陈铁迪", "吴志明"]),
    ("市委召开常委会会议。副市长张艳、司学军在研究相关议题时列席。", "nonvoting", ["张艳", "司学军"]),
    # a name with its title after it attends as one before it does
    ("市人大常委会召开会议。王立群主任出席。", "attendee", ["王立群"]),
    ("市政协召开全体会议。副市长李明，以及市直有关部门负责人到会听取发言。", "attendee", ["李明"]),
    # …but not what someone attends elsewhere that the report mentions
    ("市政协召开主席会议。会议指出，总书记习近平出席庆祝大会并发表重要讲话。", "attendee", []),
    ("市政协召开常委会会议。市委书记李明应邀出席会议并作关于全市大会精神的辅导报告。", "attendee", ["李明"]),
    # those who attended before 出席会议， do not also sit in with the list after it
    ("县委召开常委会会议。县长蒋文涛，县政协主席何玉梅出席会议，县法院院长周伟、县检察院检察长孙丽列席会议。",
     "nonvoting", ["周伟", "孙丽"]),
    ("市政协召开主席会议。副主席郝伟、孟庆宇出席会议，各委办主任列席会议。", "nonvoting", []),
    ("市政协召开常委会议。会上，潘建明、祝晓丽等5位常委围绕产业发展作了发言。", "speaker", ["潘建明", "祝晓丽"]),
    ("市政府召开常务会议。副省长李淑琴、马文海、才让多杰出席会议。", "attendee", ["李淑琴", "马文海", "才让多杰"]),
    # the list is what 访问 took in; 并出席 is the subject's second act, not the list's
    ("市人大常委会召开会议，听取了主任王立群访问老挝、蒙古国并出席论坛情况的报告。", "attendee", []),
    ("市委召开常委会会议。市领导周健、吴红陪同并出席会议。", "attendee", ["周健", "吴红"]),
    # a 和 inside a name is no joint: a title and one character make no item (丁, 艺和市委常委)
    ("市委召开常委会会议。市委副书记丁和艺和市委常委出席会议。", "attendee", ["丁和艺"]),
    ("市政协召开全体会议。老领导高和梁、武民厚也应邀出席大会。", "attendee", ["高和梁", "武民厚"]),
    # 区 is a surname, yet 区人大 and 区政协 are bodies
    ("区委常委会召开会议。区人大、区政府、区政协主要领导列席。", "nonvoting", []),
    ("全国人大召开会议。执行主席王晨、曹建明在主席台执行主席席就座。", "attendee", ["王晨", "曹建明"]),
    # a list of titled names may run across semicolons; a clause that says what was done ends it
    ("市委常委会召开会议。市委副书记、市长严明；市委副书记陈立平；市委常委李欣出席会议。", "attendee",
     ["严明", "陈立平", "李欣"]),
    ("市委常委会召开会议，审议了有关文件；市委副书记陈立平出席会议。", "attendee", ["陈立平"]),
    ("市委常委会召开会议，市委书记 钟华 主持会议。市委副书记 陈立平 出席会议。", "chair", ["钟华"]),
    ("省政府召开常务会议。王金山 省长主持召开。", "chair", ["王金山"]),
    ("全国政协召开全体会议。中央宣传部部长李书磊，国务委员王小洪，以及有关部门负责同志应邀到会听取发言。",
     "attendee", ["李书磊", "王小洪"]),
    ("国务院调查组召开会议。公安部、海关总署、江西省人民政府等相关方面参加。", "attendee", []),
    # a 考察组 is a body of people: its members attend
    ("市委召开常委会会议。省委考察组组长邓立新、副组长胡青出席会议。", "attendee", ["邓立新", "胡青"]),
    # list items that read as words are not people
    ("市政协召开全体会议。驻市部队官兵、海外华侨等应邀参加会议。", "attendee", []),
])
def test_roles(upto, text, role, want):
    assert _roles(upto, text, role) == want


def test_an_attendance_list_that_names_its_meeting_goes_to_it(upto):
    text = ("韦振岳先后主持召开自治区人民政府党组（扩大）会议和自治区人民政府第七次常务会议。\n"
            "常务会议审议通过《乙条例》。\n"
            "党组成员黄丽萍出席党组（扩大）会议；副主席上官志诚、梁秋菊出席常务会议。")
    party, executive = upto(assign_roles, text).meetings
    assert party.names("attendee") == ["黄丽萍"]
    assert executive.names("attendee") == ["上官志诚", "梁秋菊"]
    assert party.names("chair") == executive.names("chair") == ["韦振岳"]


def test_people_are_everyone_titled_but_the_objects_of_appointments(upto):
    text = ("市委书记邓群策主持召开市委常委会会议，传达学习习近平总书记重要讲话精神。会议决定任命张三为市发改委主任。"
            "市领导赖馨正出席。")
    people = upto(collect_people, text).people
    assert set(people) == {"邓群策", "习近平", "赖馨正"}
    assert [t for m in people["习近平"] for t in m.titles] == ["总书记"]
