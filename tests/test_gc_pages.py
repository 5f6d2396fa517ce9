"""The command line moves what each page leaves alive out of the cyclic collector's reach (engine.FREEZE_PAGE_SURVIVORS):
that is safe only while checking a page leaves no cyclic garbage behind, which these tests watch."""
import gc

from helpers import PM, RULES
from newslint import engine
from newslint.config import Config
from newslint.engine import Context, check_page
from newslint.page import Page

TEXT = ("# 某市召开安全生产工作会议\n\n本报讯（记者王明）3月5日，某市召开安全生产工作会议。市长李华出席会议并讲话。\n\n"
        "李华指出，要坚持人民至上，统筹发展和安全，确保各项任务落地见效。张强、刘洋、陈静参加会议。\n\n"
        "会议要求，一是压实责任，二是强化排查，三是加强宣传。“我们要再接再厉。”王明说。\n")


def cyclic_garbage(action) -> list:
    """The types of the objects ``action()`` leaves as cyclic garbage (kept, not freed, while watched)."""
    gc.collect()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        action()
        gc.collect()
        return [type(o).__name__ for o in gc.garbage]
    finally:
        gc.set_debug(0)
        gc.garbage.clear()


def test_checking_a_page_leaves_no_cyclic_garbage():
    ctx = Context(PM, RULES, Config())
    check_page(Page.from_text("a.txt", TEXT), ctx)  # (first use: tables and patterns load)
    assert cyclic_garbage(lambda: check_page(Page.from_text("b.txt", TEXT.replace("李华", "赵刚")), ctx)) == []


def test_survivors_are_frozen_only_when_the_command_line_asks(monkeypatch):
    ctx = Context(PM, RULES, Config(), select=["punctuation"])
    before = gc.get_freeze_count()
    try:
        check_page(Page.from_text("a.txt", TEXT), ctx)
        assert gc.get_freeze_count() == before
        monkeypatch.setattr(engine, "FREEZE_PAGE_SURVIVORS", True)
        check_page(Page.from_text("a.txt", TEXT), ctx)
        assert gc.get_freeze_count() > before
    finally:
        gc.unfreeze()


def test_character_shapes_leave_no_cyclic_garbage():
    from newslint.analyses import charsim

    found = []
    left = cyclic_garbage(lambda: found.extend(  # (not the cached answers)
        [charsim.leaves.__wrapped__("锋"), charsim.leaves.__wrapped__("峰", 2)]))
    assert all(found) and len(found) == 2 and left == []


def test_the_corpus_phase_reuses_each_pages_layout(monkeypatch):
    # two pages that share a paragraph: the duplicate rule's corpus phase asks both for their layout
    from newslint import layout as layout_module
    from newslint.analyses import _REGISTRY
    from newslint.engine import check_pages

    made = []

    def counted(page):
        made.append(page.path)
        return layout_module.analyse(page)

    monkeypatch.setitem(_REGISTRY, "layout", counted)
    shared = "李华指出，要坚持人民至上，统筹发展和安全，确保各项任务落地见效，切实把安全生产责任落实到每一个岗位每一个环节。\n\n"
    pages = [Page.from_text("a.txt", TEXT + "\n" + shared), Page.from_text("b.txt", TEXT.replace("李华", "赵刚") + "\n" + shared)]
    findings = check_pages(Context(PM, RULES, Config()), pages).findings
    assert any(f.rule.startswith("duplicate") for f in findings)
    assert sorted(made) == ["a.txt", "b.txt"]  # once a page, not again for the corpus phase
