"""The shared "speech" analysis: speakers, verbs, content extent, quotations, occasions."""
from newslint.analyses.speech import parse_subject, split_frame
from newslint.page import Page


def speeches(text, path="p.txt"):
    page = Page.from_text(path, text)
    an = page.analysis("speech")
    return page, an, an.speeches


def test_title_name_frame_and_occasion():
    text = ("## 市领导调研企业复工复产工作\n\n"
            "本报讯（记者王晓）2月3日上午，市委副书记张建国到部分企业调研复工复产工作。\n\n"
            "张建国在调研中指出，企业是经济发展的主体，要坚定信心、抢抓机遇。\n")
    page, an, sp = speeches(text)
    assert len(sp) == 1
    s = sp[0]
    assert (s.speaker, s.speaker_kind, s.verb, s.frame) == ("张建国", "person", "指出", "在调研中")
    assert s.content.startswith("企业是经济发展的主体") and s.content.endswith("抢抓机遇。")
    assert page.linecol(s.start)[0] == 5
    occ = an.occasion(s)
    assert occ.title == "市领导调研企业复工复产工作"
    assert occ.date == "2月3日" and occ.month_day == (2, 3)
    assert "调研" in occ.event
    assert s.own_occasion and not s.recalled


def test_titled_speaker_reduced_to_name_and_meeting_role():
    text = ("## 区里召开安全生产工作会议\n\n"
            "本报讯 4月28日，区里召开安全生产工作会议。\n\n"
            "会议强调，要始终把安全稳定作为头等大事来对待。\n\n"
            "区委副书记、区长李红梅表示，各部门要压实责任。\n")
    _, _, sp = speeches(text)
    assert [(s.speaker, s.speaker_kind) for s in sp] == [("会议", "meeting"), ("李红梅", "person")]


def test_pronoun_resolves_to_clause_subject_not_to_last_name():
    text = ("## 区领导与客商举行会谈\n\n"
            "本报讯 10月9日上午，区委书记李明与某集团董事长王刚一行举行工作会谈。\n\n"
            "会谈中，李明对王刚一行的到来表示欢迎。他指出，双方合作基础深厚，未来潜力巨大。\n")
    _, _, sp = speeches(text)
    assert len(sp) == 1 and sp[0].speaker == "李明" and sp[0].speaker_text.startswith("他")


def test_direct_quotation_with_speaker_after_and_before():
    text = ("## 春节文艺汇演侧记\n\n"
            "“开展春节文艺汇演，有助于增强群众对优秀传统文化的认同感。”活动现场组织者说。\n\n"
            "村民赵大山说：“今年的节目特别热闹，我们都很高兴。”\n")
    _, _, sp = speeches(text)
    assert len(sp) == 2
    a, b = sp
    assert a.quote and a.speaker == "活动现场组织者" and a.speaker_kind == "role"
    assert a.content.startswith("“开展春节") and a.content.endswith("认同感。”")
    assert b.quote and b.speaker == "赵大山" and b.content.startswith("“今年的节目")


def test_nested_speech_gives_the_words_to_the_inner_speaker():
    text = "## 会见外宾\n\n王强表示，李华主席指出，双方要加强交流合作，推动关系不断向前发展。\n"
    _, _, sp = speeches(text)
    outer, inner = sp
    assert outer.speaker == "王强" and outer.content == ""
    assert inner.speaker == "李华" and inner.content.startswith("双方要加强")


def test_enumeration_over_paragraphs_and_a_broken_paragraph():
    text = ("## 区里召开项目建设专题会议\n\n"
            "本报讯 2月2日上午，区长刘志远主持召开项目建设专题会议。\n\n"
            "刘志远强调，一要强化专业精神。要学习政策、用好政策。二要强化拼抢意识。要勤对接、勤沟通。三要强化\n\n"
            "时间观念。要抓住政策窗口期，抢前期、抓进度。\n\n"
            "四要强化结果导向。要以项目建设结果检验工作落实。\n\n"
            "区领导陈亮参加会议。\n")
    page, _, sp = speeches(text)
    assert len(sp) == 1
    s = sp[0]
    assert page.linecol(s.start)[0] == 5 and page.linecol(s.content_end)[0] == 9
    assert "时间观念" in s.content and "四要强化结果导向" in s.content and "陈亮" not in s.content


def test_enumeration_stops_at_an_unrelated_paragraph():
    text = ("## 会议\n\n"
            "会议指出，一是要提高认识。二是要加强协调。\n\n"
            "三是要落实责任。\n\n"
            "会后，与会人员参观了展览。\n")
    page, _, sp = speeches(text)
    assert page.linecol(sp[0].content_end)[0] == 5


def test_no_speaker_for_discourse_markers():
    text = "## 观察\n\n可以说，这是一次成功的尝试。对企业来说，这意味着机会。总的来说，形势向好。\n"
    _, _, sp = speeches(text)
    assert sp == []


def test_frame_naming_another_occasion_marks_a_recall():
    text = ("## 以“开门红”拼“全年红”\n\n□高亢\n\n"
            "区委副书记吕沛在区重点项目推进汇报会上要求全区党员干部，要研究政策，抓住机遇，从政策中寻找机会。\n\n"
            "张三此前曾强调，要狠抓落实。\n")
    _, an, sp = speeches(text)
    a, b = sp
    assert a.speaker == "吕沛" and "区重点项目推进汇报会" in a.recalled
    assert an.occasion(a).kind == "commentary" and not a.own_occasion
    assert b.recalled and "此前" in b.recalled


def test_frame_naming_the_articles_own_meeting_is_not_a_recall():
    text = ("## 区里召开工程招标投标工作会议\n\n"
            "本报讯 2月3日上午，区委副书记吕沛主持召开工程招标投标工作会议。\n\n"
            "吕沛在工程招标投标工作会议上指出，要规范招标投标行为。\n")
    _, _, sp = speeches(text)
    assert sp[0].named_occasion and not sp[0].recalled and sp[0].own_occasion


def test_reaction_piece_is_not_the_speakers_own_occasion():
    text = ("### 奋力谱写新篇章——习近平总书记在山东考察时的重要讲话引发热烈反响\n\n"
            "**央视网消息**（新闻联播）：习近平总书记近日在山东考察时强调，要在全国发展大局中定好位。\n\n"
            "习近平总书记指出，要坚持创新驱动发展。\n")
    _, _, sp = speeches(text)
    assert sp and all(not s.own_occasion for s in sp)


def test_parse_subject_and_split_frame():
    assert parse_subject("习近平总书记") == ("person", "习近平")
    assert parse_subject("国家主席习近平") == ("person", "习近平")
    assert parse_subject("报告团成员") == ("role", "报告团成员")
    assert parse_subject("他") == ("pronoun", "他")
    assert parse_subject("可以")[0] == ""
    assert parse_subject("乌军")[0] != "person"
    assert split_frame("吕沛在调研中还") == ("吕沛", "在调研中还")


def test_a_word_before_laishuo_is_no_speaker():
    text = ("## 河道清淤见成效\n\n简单来说，就是先把河底的淤泥抽干，再在平整的河床上铺设防渗层。\n\n"
            "周恩来说，这件事要办好。\n")
    _, _, sp = speeches(text)
    assert [s.speaker for s in sp] == ["周恩来"]
