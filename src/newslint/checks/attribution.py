"""Attribution: one statement given to two speakers, or to one speaker at two occasions.

The per-page phase collects every speech span of the ``"speech"`` analysis (who, verb, what, where)
whose content is long enough to be a statement rather than a slogan; the corpus phase compares them
across the whole run (archive pages included as context).

Near-duplicates are found without comparing all pairs: the normalised content (Han characters, letters
and digits) is cut into 8-character shingles, a content-defined quarter of them is kept (the same
shingles are kept wherever the same text occurs), and an inverted index from shingle to statements gives
the candidate pairs; shingles shared by many statements (formulae such as “两个维护”) are dropped from
the index.  Each candidate pair is verified with rapidfuzz's bit-parallel LCS: the longest common
subsequence must cover ``similarity`` of the shorter statement.

Rules
* ``attribution-speaker-conflict`` — the same words are given to two different people (``min_chars``
  normalised characters of reported speech, ``quote_min_chars`` when both are direct quotations: a
  quotation is verbatim by nature, so a shorter one already identifies its speaker).
* ``attribution-occasion-conflict`` — the same person (or meeting) says the same words at two different
  occasions (different articles, or different dateline dates).

No alarm for legitimately shared language: short statements and formulae, words said by the same
speaker at three or more occasions of the run (a standing formula), a statement whose frame names another
occasion or recalls it (吕沛在…推进汇报会上要求… in a commentary; 此前、曾), and a statement quoted in an
article that is not the speaker's own event (a summary or reaction piece quoting a leader).
"""
from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from typing import Dict, List, Optional, Tuple

import regex

from .. import hookimpl
from ..analyses import issues
from ..finding import Location, Rule

SPEAKER = Rule(
    id="attribution-speaker-conflict",
    category="attribution",
    severity="warning",
    summary="同一段话被归于两个不同的发言人",
    explanation="""\
把一个人的话安到另一个人头上，是新闻稿最严重的差错之一。本规则抽取版面上的“谁说了什么”（发言人、
动词、转述内容或直接引语），在整批稿件（含 --archive 旧版）中比对：同一段（或几乎相同的）较长内容
分别归于两个不同的人时报告，并给出另一处的位置和场合。发言人为角色（如“活动现场组织者”）而另一处
为具名人物时，只作提示（info）。

默认阈值：转述内容去掉标点后至少 min_chars = 50 字（短于此的多是人人都说的套话，如“要压实责任”），直接引语
至少 quote_min_chars = 30 字；两处相似度不低于 similarity = 0.9，长度之比不低于 length_ratio = 0.75。

The same (or nearly the same) statement is attributed to two different named speakers somewhere in
the run. Both attributions are shown with their occasion (headline, dateline date). Reported speech
counts from 50 letters (shorter statements are mostly shared formulae), quotations from 30.""",
    bad="甲稿：吕沛要求，一是组织体系要健全……\n乙稿：官卫红要求，一是组织体系要健全……",
    good="两处为不同内容；或同一段话只归于实际发言人。",
    options=(("min_chars", 50), ("quote_min_chars", 30), ("similarity", 0.9), ("length_ratio", 0.75)),
    needs=("speech",),
    examples=[
        {"text": "## 全区召开项目推进会\n\n本报讯 会上，王明要求，一是组织体系要健全，各级各部门要明确分工、压实责任，形成上下联动的工作格局；二是工作机制要顺畅，及时研究解决项目推进中的困难和问题；三是督导考核要严格，对进度滞后的单位要通报约谈，确保各项任务按期完成。\n\n## 全区召开招商工作会议\n\n本报讯 会上，李华要求，一是组织体系要健全，各级各部门要明确分工、压实责任，形成上下联动的工作格局；二是工作机制要顺畅，及时研究解决项目推进中的困难和问题；三是督导考核要严格，对进度滞后的单位要通报约谈，确保各项任务按期完成。\n", "fires": True, "date": None},
        {"text": "## 全区召开项目推进会\n\n本报讯 会上，王明要求，一是组织体系要健全，各级各部门要明确分工、压实责任，形成上下联动的工作格局；二是工作机制要顺畅，及时研究解决项目推进中的困难和问题；三是督导考核要严格，对进度滞后的单位要通报约谈，确保各项任务按期完成。\n\n## 全区召开招商工作会议\n\n本报讯 会上，李华要求，招商工作要突出重点，紧盯龙头企业和关键项目，抓好签约项目落地。\n", "fires": False, "date": None},
    ],
)
OCCASION = Rule(
    id="attribution-occasion-conflict",
    category="attribution",
    severity="warning",
    summary="同一发言人的同一段话出现在两个不同场合（不同稿件或日期）",
    explanation="""\
同一位领导在1月31日的企业调研稿和2月3日的招标投标工作会议稿里“说了”一字不差的五条要求——往往是
编辑时把一篇稿件的讲话段落复制到了另一篇。本规则比对整批稿件中同一发言人（或“会议”）的较长讲话
内容：内容相同或几乎相同、却出现在不同稿件（标题不同）或不同电头日期时报告，位置标在内容与所在稿件
主题关联较弱的一处，另一处作为相关位置。

不报告：口号、提法等短句或在三个以上场合反复出现的固定表述；明确追述其他场合讲话的段落
（“吕沛在示范区重点项目推进汇报会上要求……”“此前曾强调”），以及在综述、评论等非该发言人本人活动的
稿件中引用的讲话。

The same speaker says the same long statement at two different occasions (articles with different
headlines or dateline dates) — usually a paragraph copied into the wrong story. Recalled statements
that name their original occasion, quotations in summary pieces and standing formulae are not reported.""",
    bad="《吕沛调研企业节后复工复产》：吕沛要求，一是组织体系要健全……（与《工程招标投标工作会议》稿相同）",
    good="调研稿只保留调研中的讲话；招标投标的五条要求只出现在招标投标工作会议稿中。",
    options=(("min_chars", 80), ("similarity", 0.9), ("length_ratio", 0.75), ("max_occasions", 3)),
    needs=("speech",),
    examples=[
        {"text": "## 管委会主任王明调研企业复工复产\n\n本报讯 2月3日，管委会主任王明到企业调研。王明要求，一是组织体系要健全，各级各部门要明确分工、压实责任，形成上下联动的工作格局；二是工作机制要顺畅，及时研究解决项目推进中的困难和问题；三是督导考核要严格，对进度滞后的单位要通报约谈，确保各项任务按期完成。\n\n## 全区召开招标投标工作会议\n\n本报讯 2月5日，全区召开招标投标工作会议，管委会主任王明出席会议并讲话。王明要求，一是组织体系要健全，各级各部门要明确分工、压实责任，形成上下联动的工作格局；二是工作机制要顺畅，及时研究解决项目推进中的困难和问题；三是督导考核要严格，对进度滞后的单位要通报约谈，确保各项任务按期完成。\n", "fires": True, "date": None},
        {"text": "## 管委会主任王明调研企业复工复产\n\n本报讯 2月3日，管委会主任王明到企业调研。王明要求，一是组织体系要健全，各级各部门要明确分工、压实责任，形成上下联动的工作格局；二是工作机制要顺畅，及时研究解决项目推进中的困难和问题；三是督导考核要严格，对进度滞后的单位要通报约谈，确保各项任务按期完成。\n\n## 全区召开招标投标工作会议\n\n本报讯 2月5日，全区召开招标投标工作会议，管委会主任王明出席会议并讲话。王明要求，招标投标要公开透明，严防围标串标。\n", "fires": False, "date": None},
    ],
)
RULES = (SPEAKER, OCCASION)
KEY = "attribution.speeches"

_DOCUMENT_RE = regex.compile(r"(?:文章|报告|公报|通报|意见|通知|决定|声明|文件|纲要|规划|社论|讲话|贺信|书信|白皮书)$")
_SENTENCE_END_RE = regex.compile(r"[。！？!?]+[”’」』）)]*|\n")
_NORM_RE = regex.compile(r"[^\p{Han}\p{L}\p{N}]+")
_SHINGLE = 8
_SAMPLE = 4  # keep shingles whose hash is 0 mod _SAMPLE
_MAX_POSTINGS = 40  # a shingle in more statements than this is a formula, not evidence


def normalise(text: str) -> str:
    return _NORM_RE.sub("", text)


@dataclass
class Said:
    """A speech span as collected for the corpus phase (picklable, no page needed)."""

    path: str
    page_index: int
    archive: bool
    speaker: str
    speaker_text: str
    speaker_kind: str
    verb: str
    quote: bool
    norm: str
    first_words: str
    location: Location  # from the speaker to the end of the content
    article: int
    occasion: str  # label: 2月3日《示范区召开工程招标投标工作会议》
    title: str
    month_day: Optional[Tuple[int, int]]
    year: Optional[int]
    page_date: str
    topic: str  # headline + lead sentence: what the article is about
    recalled: str
    own: bool

    def date_key(self) -> Optional[Tuple[int, int, int]]:
        if self.month_day:
            year = self.year or (int(self.page_date[:4]) if self.page_date else 0)
            return (year, *self.month_day)
        return None


# ---- per page --------------------------------------------------------------------------------------
def collect(page, min_chars: int, quote_min_chars: Optional[int] = None) -> List[Said]:
    an = page.analysis("speech")
    out: List[Said] = []
    for s in an.speeches:
        norm = normalise(s.content)
        if len(norm) < (quote_min_chars if s.quote and quote_min_chars is not None else min_chars):
            continue
        occ = an.occasion(s)
        # the finding marks the speaker and the first sentence of what is said (not a page of text)
        m = _SENTENCE_END_RE.search(page.text, s.content_start, s.content_end)
        end = m.end() if m else s.content_end
        out.append(Said(
            path=page.path, page_index=page.index, archive=page.archive, speaker=s.speaker,
            speaker_text=s.speaker_text, speaker_kind=s.speaker_kind, verb=s.verb, quote=s.quote, norm=norm,
            first_words=s.first_words, location=page.location(s.start, end), article=s.article,
            occasion=occ.label(), title=occ.title, month_day=occ.month_day, year=occ.year,
            page_date=occ.page_date, topic=occ.title + occ.lead, recalled=s.recalled, own=s.own_occasion))
    return out


@hookimpl
def newslint_rules():
    return list(RULES)


@hookimpl
def newslint_collect_page(page, ctx):
    if not ctx.any_enabled(SPEAKER.id, OCCASION.id):
        return None
    min_chars = min(ctx.options(r.id)["min_chars"] for r in RULES if ctx.enabled(r.id))
    quote_min = ctx.options(SPEAKER.id)["quote_min_chars"] if ctx.enabled(SPEAKER.id) else None
    return {KEY: collect(page, min_chars, quote_min)}


# ---- corpus phase ----------------------------------------------------------------------------------
def candidate_pairs(items: List[Said]) -> List[Tuple[int, int]]:
    """Pairs of statements sharing enough sampled shingles (an inverted index, no all-pairs)."""
    index: Dict[str, List[int]] = {}
    samples: List[int] = []
    for i, it in enumerate(items):
        seen = set()
        t = it.norm
        for k in range(len(t) - _SHINGLE + 1):
            sh = t[k:k + _SHINGLE]
            if hash(sh) % _SAMPLE == 0 and sh not in seen:
                seen.add(sh)
                index.setdefault(sh, []).append(i)
        samples.append(len(seen))
    shared: Dict[Tuple[int, int], int] = {}
    for posting in index.values():
        if len(posting) < 2 or len(posting) > _MAX_POSTINGS:
            continue
        for x in range(len(posting)):
            for y in range(x + 1, len(posting)):
                key = (posting[x], posting[y])
                shared[key] = shared.get(key, 0) + 1
    out = []
    for (a, b), n in shared.items():
        need = max(2, int(0.3 * min(samples[a], samples[b])))
        if n >= need:
            out.append((a, b))
    return sorted(out)


def similar(a: str, b: str, threshold: float) -> bool:
    from rapidfuzz.distance import LCSseq

    short = min(len(a), len(b))
    if short == 0:
        return False
    return LCSseq.similarity(a, b, score_cutoff=int(threshold * short)) >= threshold * short


def same_person(a: str, b: str) -> bool:
    """吕沛 = 吕沛; 习 (习主席) = 习近平; 穆罕默德·穆伊兹 = 穆伊兹."""
    if not a or not b:
        return False
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    if "·" in a or "·" in b:
        return a.split("·")[-1] == b.split("·")[-1]
    return False


def different_occasion(a: Said, b: Said) -> bool:
    from rapidfuzz import fuzz

    if a.path == b.path and a.article == b.article:
        return False
    ka, kb = a.date_key(), b.date_key()
    if ka and kb and ka != kb:
        return True
    if a.title and b.title and fuzz.ratio(normalise(a.title), normalise(b.title)) >= 80:
        return False  # the same story printed twice (a duplicate, not an attribution question)
    return True


def _bigrams(t: str) -> set:
    return {t[i:i + 2] for i in range(len(t) - 1)}


def topic_fit(s: Said) -> float:
    """How well the statement fits its article: share of the headline's and lead's character bigrams
    found in the statement."""
    topic = _bigrams(normalise(s.topic))
    if not topic:
        return 0.0
    return len(topic & _bigrams(s.norm)) / len(topic)


def _describe(s: Said) -> str:
    return f"{s.speaker_text}{s.verb}（{s.occasion}）"


@hookimpl
def newslint_check_corpus(corpus, ctx):
    if not ctx.any_enabled(SPEAKER.id, OCCASION.id):
        return None
    items: List[Said] = []
    pages = {}
    for page in corpus.pages:
        got = corpus.collected(page, KEY) or []
        items.extend(got)
        pages[page.path] = page
    if len(items) < 2:
        return []
    sp_opts = ctx.options(SPEAKER.id)
    oc_opts = ctx.options(OCCASION.id)
    threshold = min(sp_opts["similarity"], oc_opts["similarity"], 0.8)
    pairs = [(a, b) for a, b in candidate_pairs(items) if similar(items[a].norm, items[b].norm, threshold)]

    # how many distinct occasions each speaker says each statement at (a standing formula otherwise)
    parent = list(range(len(items)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        parent[find(a)] = find(b)
    occasions_of: Dict[Tuple[int, str], set] = {}
    for i, it in enumerate(items):
        occasions_of.setdefault((find(i), it.speaker), set()).add((it.path, it.article))

    findings = []
    for a, b in pairs:
        x, y = items[a], items[b]
        if x.archive and y.archive:
            continue
        if x.path == y.path and x.location.start < y.location.end and y.location.start < x.location.end:
            continue  # two readings of one passage (several leaders quoted in a row): no second speaker
        f = _judge(ctx, pages, x, y, occasions_of[(find(a), x.speaker)], sp_opts, oc_opts)
        if f is not None:
            if not issues.same_issue(corpus, pages[x.path], pages[y.path]) and f.severity != "info":
                # pages of two dates: the other is archive context, similarity alone is worth a note
                f.severity = "info"
                f.message += "（另一处见于其他日期的版面）"
            findings.append(f)
    return findings


def _report_on(x: Said, y: Said) -> Tuple[Said, Said]:
    """Which of the two to report on: a run page before an archive page; else the statement that fits
    its own article worse; else the later one."""
    if x.archive != y.archive:
        return (y, x) if x.archive else (x, y)
    fx, fy = topic_fit(x), topic_fit(y)
    if abs(fx - fy) >= 0.05:
        return (x, y) if fx < fy else (y, x)
    return (y, x) if (x.page_index, x.location.start) < (y.page_index, y.location.start) else (x, y)


def _same_statement(x: Said, y: Said, opts) -> bool:
    """Both are the whole of one statement: long enough, of like length, and nearly the same words.
    An excerpt of a longer speech (a summary or reaction piece quoting a leader) and a short formula
    echoed by several officials are left alone."""
    a, b = len(x.norm), len(y.norm)
    floor = opts["quote_min_chars"] if x.quote and y.quote and "quote_min_chars" in opts else opts["min_chars"]
    if min(a, b) < floor or min(a, b) < opts["length_ratio"] * max(a, b):
        return False
    return similar(x.norm, y.norm, opts["similarity"])


def _judge(ctx, pages, x: Said, y: Said, occasions: set, sp_opts, oc_opts):
    kinds = {x.speaker_kind, y.speaker_kind}
    if kinds == {"person"} and not same_person(x.speaker, y.speaker):
        if not _same_statement(x, y, sp_opts):
            return None
        rep, other = _report_on(x, y)
        if not ctx.enabled(SPEAKER.id, pages[rep.path]):
            return None
        msg = (f"同一段话（“{rep.first_words}”）分别归于“{rep.speaker}”和“{other.speaker}”："
               f"此处为{_describe(rep)}，另一处为{_describe(other)}。请核实发言人")
        return ctx.finding(SPEAKER, pages[rep.path], rep.location.start, rep.location.end, msg,
                           related=[_related(other, f"同一段话在此归于“{other.speaker}”（{other.occasion}）")],
                           key=f"{rep.speaker}|{other.speaker}|{rep.norm[:40]}")
    if "group" in kinds and kinds <= {"group", "person"} and x.speaker != y.speaker:
        return _group_conflict(ctx, pages, x, y, sp_opts)  # 代表们 here, 专家组成员 (or a person) there
    if kinds == {"role", "person"}:
        return _role_note(ctx, pages, x, y, sp_opts) if ctx.enabled(SPEAKER.id) else None
    if kinds != {"person"}:
        return None  # meetings restate the documents of other meetings; roles are too vague to compare
    # the same person: is it the same occasion?
    if not _same_statement(x, y, oc_opts) or not different_occasion(x, y):
        return None
    if x.recalled or y.recalled or not (x.own and y.own):
        return None  # recalled, or quoted in a piece that is not the speaker's own event
    if len(occasions) >= oc_opts["max_occasions"]:
        return None  # a standing formula of this speaker
    rep, other = _report_on(x, y)
    if not ctx.enabled(OCCASION.id, pages[rep.path]):
        return None
    who = rep.speaker if len(rep.speaker) >= len(other.speaker) else other.speaker
    weak = topic_fit(rep) + 0.05 <= topic_fit(other)
    msg = (f"“{who}”的同一段话（“{rep.first_words}”）出现在两个不同场合：此处为{rep.occasion}，"
           f"另一处为{other.occasion}。请核实这段话属于哪一场合"
           + ("（此处内容与本篇主题关联较弱）" if weak else ""))
    return ctx.finding(OCCASION, pages[rep.path], rep.location.start, rep.location.end, msg,
                       related=[_related(other, f"同一段话亦见于{other.occasion}（{other.speaker_text}{other.verb}）")],
                       key=f"{who}|{rep.norm[:40]}")


@hookimpl
def newslint_pack_sections():
    """rules/attribution.toml: headline words of pieces that echo another event's words."""
    return {"reaction_piece": {"words": list, "note": str, "source": str}}


def _reaction_re(ctx):
    """The headline words of a reaction piece (反响, 热议…), from the packs; a paper adds its own."""
    pat = ctx.state.get("attribution.reaction_re")
    if pat is None:
        words = [w for e in ctx.pack_entries("reaction_piece") for w in e.get("words", ())
                 if isinstance(w, str) and w]
        pat = regex.compile("|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True))) \
            if words else regex.compile(r"(?!)")
        ctx.state["attribution.reaction_re"] = pat
    return pat


def _group_conflict(ctx, pages, x: Said, y: Said, opts):
    """One passage given to a group (代表们, 专家组成员) in one place and to another group or a person in
    the other: a misattribution, naming both subjects.  Not when either is recalled or quoted in a piece
    that is not its speakers' own event (a reaction piece echoes the words of the event it reports)."""
    def fits(s: Said) -> bool:  # a person at their own event; a group not in a reaction piece
        return not s.recalled and (s.own if s.speaker_kind == "person" else not reaction.search(s.topic))

    reaction = _reaction_re(ctx)
    if not _same_statement(x, y, opts) or not (fits(x) and fits(y)):
        return None
    rep, other = _report_on(x, y)
    if not ctx.enabled(SPEAKER.id, pages[rep.path]):
        return None
    msg = (f"同一段话（“{rep.first_words}”）分别归于“{rep.speaker}”和“{other.speaker}”："
           f"此处为{_describe(rep)}，另一处为{_describe(other)}。请核实是谁说的")
    return ctx.finding(SPEAKER, pages[rep.path], rep.location.start, rep.location.end, msg,
                       related=[_related(other, f"同一段话在此归于“{other.speaker}”（{other.occasion}）")],
                       key=f"{rep.speaker}|{other.speaker}|{rep.norm[:40]}")


def _role_note(ctx, pages, x: Said, y: Said, opts):
    """A role (活动现场组织者) in one place and a named person in the other: a hint, not a warning."""
    if not _same_statement(x, y, opts) or x.recalled or y.recalled:
        return None
    rep, other = (x, y) if x.speaker_kind == "role" else (y, x)
    if _DOCUMENT_RE.search(rep.speaker):
        return None  # 文章指出 / 报告强调: a text by that person (an article in 求是, a work report)
    role, person = rep.speaker, other.speaker
    role_text = pages[rep.path].text
    if person + role in role_text or role + person in role_text:
        return None  # 总书记 on a page that names 习近平总书记: the role is that person's title
    if rep.archive or not ctx.enabled(SPEAKER.id, pages[rep.path]):
        rep, other = other, rep
        if rep.archive or not ctx.enabled(SPEAKER.id, pages[rep.path]):
            return None
    msg = (f"同一段话（“{rep.first_words}”）此处归于“{rep.speaker_text}”，另一处归于“{other.speaker_text}”"
           f"（{other.occasion}）；如为同一人所说，宜统一署名")
    return ctx.finding(SPEAKER, pages[rep.path], rep.location.start, rep.location.end, msg,
                       related=[_related(other, f"同一段话在此归于“{other.speaker_text}”")],
                       key=f"{rep.speaker}|{other.speaker}|{rep.norm[:40]}", severity="info")


def _related(s: Said, message: str) -> Location:
    loc = s.location
    return Location(path=loc.path, line=loc.line, column=loc.column, end_line=loc.end_line,
                    end_column=loc.end_column, start=loc.start, end=loc.end, message=message)


# ---- `newslint quotes`: list who said what, where ---------------------------------------------------
@hookimpl
def newslint_add_commands(subparsers):
    from ..app import add_run_options

    p = subparsers.add_parser("quotes", help="list who said what, where (speech spans) for an editor's audit")
    add_run_options(p)
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(func=cmd_quotes)


def quote_records(page) -> List[dict]:
    an = page.analysis("speech")
    out = []
    for s in an.speeches:
        occ = an.occasion(s)
        loc = page.location(s.start, s.content_end)
        out.append({
            "path": page.path, "line": loc.line, "column": loc.column,
            "end_line": loc.end_line, "end_column": loc.end_column,
            "speaker": s.speaker, "speaker_as_written": s.speaker_text, "speaker_kind": s.speaker_kind,
            "verb": s.verb, "quote": s.quote,
            "occasion": {"title": occ.title, "date": occ.date, "event": occ.event, "page_date": occ.page_date},
            "recalled": s.recalled, "first_words": s.first_words, "content": s.content,
        })
    return out


def cmd_quotes(pm, args) -> int:
    from ..app import EXIT_ERROR, EXIT_OK, UsageError, build_context
    from ..engine import load_pages

    if not args.paths:
        raise UsageError("newslint: no paths given (use - to read stdin)")
    ctx = build_context(pm, args)  # validates the configuration like `check` does
    errors: List[str] = []
    pages = load_pages(args.paths, errors, getattr(args, "stdin_filename", None), ctx=ctx)
    records = [r for page in pages for r in quote_records(page)]
    if args.format == "json":
        json.dump({"quotes": records, **({"errors": errors} if errors else {})},
                  sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        for r in records:
            who = r["speaker_as_written"] + (f"［{r['speaker']}］" if r["speaker"] and r["speaker"] not in
                                             r["speaker_as_written"] else "")
            occ = r["occasion"]
            where = (occ["date"] + (f"《{occ['title']}》" if occ["title"] else "")) or occ["event"] or "—"
            mark = "引语" if r["quote"] else r["verb"]
            note = f"  ［追述：{r['recalled']}］" if r["recalled"] else ""
            print(f"{r['path']}:{r['line']}:{r['column']}: {who} {mark} | {where} | {r['first_words']}{note}")
        if not records:
            print("（未找到发言）", file=sys.stderr)
    for e in errors:
        print(f"newslint: {e}", file=sys.stderr)
    return EXIT_ERROR if errors else EXIT_OK
