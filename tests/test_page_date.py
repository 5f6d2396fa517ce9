"""The page date is resolved once, when the pages of a run are read (``--date``, config ``[dates]``, front
matter, date line, file name, text): every rule, analysis and subcommand sees the same date whatever is
selected (``--select attribution``, a full run, ``newslint quotes``)."""
import json

from newslint import hookimpl
from newslint.app import build_context, run
from newslint.cli import build_parser
from newslint.engine import plugin_manager

# an invented page: no date in its name or text, one speech
TEXT = "本报讯 在全市工作会议上，市长张三说：“今年要把十件民生实事办好办实。”\n"


class Probe:
    """Records the occasion date the speech analysis gives each speech while the pages are checked."""

    def __init__(self):
        self.dates = []

    @hookimpl
    def newslint_collect_page(self, page, ctx):
        an = page.analysis("speech")
        self.dates.extend(an.occasion(s).page_date for s in an.speeches)


def _check_dates(*argv):
    probe = Probe()
    pm = plugin_manager([probe])
    args = build_parser(pm).parse_args(["check", "--no-cache", *argv])
    ctx = build_context(pm, args)
    run(ctx, args.paths, jobs=1)
    return probe.dates


def _quote_dates(run_cli, *argv):
    code, out, _ = run_cli("quotes", "--format", "json", *argv)
    assert code == 0
    return [q["occasion"]["page_date"] for q in json.loads(out)["quotes"]]


def test_config_dates_reach_every_run_and_subcommand(tmp_path, monkeypatch, run_cli):
    (tmp_path / "newslint.toml").write_text('[dates]\n"*.txt" = "2024-03-05"\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    full = _check_dates("a.txt")
    assert full == ["2024-03-05"]
    assert _check_dates("--select", "attribution", "a.txt") == full
    assert _check_dates("--select", "punctuation", "a.txt") == full
    assert _quote_dates(run_cli, "a.txt") == full


def test_date_option_reaches_every_run_and_subcommand(tmp_path, monkeypatch, run_cli):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    full = _check_dates("--date", "2023-11-02", "a.txt")
    assert full == ["2023-11-02"]
    assert _check_dates("--date", "2023-11-02", "--select", "attribution", "a.txt") == full
    assert _quote_dates(run_cli, "--date", "2023-11-02", "a.txt") == full


def test_a_date_line_on_the_page_is_the_same_date_whatever_is_selected(tmp_path, monkeypatch, run_cli):
    (tmp_path / "a.txt").write_text("2024年7月18日 星期四\n\n" + TEXT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    full = _check_dates("a.txt")
    assert full == ["2024-07-18"]
    assert _check_dates("--select", "attribution", "a.txt") == full
    assert _quote_dates(run_cli, "a.txt") == full


def test_an_undated_page_has_no_date_anywhere(tmp_path, monkeypatch, run_cli):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert _check_dates("a.txt") == _check_dates("--select", "attribution", "a.txt") == [""]
    assert _quote_dates(run_cli, "a.txt") == [""]
