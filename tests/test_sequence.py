"""Numbered sections judged as a whole (fixtures invented)."""
from helpers import lint_text, rule_ids

SEL = ["enumeration"]


def page(order, heads=None):
    heads = heads or {1: "加强组织领导", 2: "强化责任落实", 3: "严格督导检查", 4: "抓好宣传引导", 5: "做好经费保障"}
    bodies = {1: "各单位要高度重视，主要负责同志亲自抓。", 2: "各乡镇要细化分工，明确时间节点。",
              3: "督导组要定期通报进展情况。", 4: "要营造全社会共同参与的良好氛围。", 5: "财政部门要足额安排工作经费。"}
    cn = "一二三四五六七八九"
    parts = ["# 关于做好秋季防火工作的通知", "各乡镇、各部门："]
    for n in order:
        parts += [f"{cn[n - 1]}、{heads[n]}", bodies[n]]
    return "\n\n".join(parts) + "\n"


def test_sections_out_of_order_are_one_finding_and_not_missing_items():
    fs = lint_text(page([1, 4, 2, 5, 3]), SEL, path="p.md")
    assert rule_ids(fs) == ["enumeration-out-of-order"]
    f = fs[0]
    assert f.location.line == 9  # 四 stands where 二 belongs
    assert "一（第5行）、四（第9行）、二（第13行）、五（第17行）、三（第21行）" in f.message
    assert len(f.related) == 5


def test_sections_in_order_are_fine():
    assert lint_text(page([1, 2, 3, 4, 5]), SEL, path="p.md") == []


def test_a_really_missing_section_is_still_missing():
    fs = lint_text(page([1, 2, 4, 5]), SEL, path="p.md")
    assert rule_ids(fs) == ["enumeration-missing-item"]


def test_a_number_printed_twice_far_apart_is_a_repeat_with_both_places():
    text = page([1, 2, 3, 4, 5]).replace("五、做好经费保障", "二、做好经费保障")
    text = text.replace("四、抓好宣传引导\n\n", "四、抓好宣传引导\n\n督导组要深入一线。\n\n督导组要查找问题。\n\n督导组要跟踪整改。\n\n")
    fs = lint_text(text, SEL, path="p.md")
    rep = [f for f in fs if f.rule == "enumeration-repeated-item"]
    assert len(rep) == 1 and "第9行和第27行" in rep[0].message and rep[0].related[0].line == 9


def test_two_lists_each_starting_at_one_are_not_a_shuffle():
    text = page([1, 2, 3]) + "\n## 另一则通知\n\n一、报名时间\n\n即日起至月底。\n\n二、报名方式\n\n现场报名。\n"
    assert lint_text(text, SEL, path="p.md") == []
