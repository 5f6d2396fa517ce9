"""The engine: loads plugins, builds the run's context, checks pages and the corpus, filters findings.

Flow (one direction): paths → pages → per-page hooks (``newslint_check_page`` and
``newslint_collect_page``) → corpus hook (``newslint_check_corpus``) → filters (selection, per-path
ignores, severity overrides, ``newslint_filter_findings`` plugins such as suppressions and baselines)
→ fingerprints → sorted findings for the reporters.
"""
from __future__ import annotations

import gc
import sys
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, Iterable, List, Optional, Sequence, Tuple

import pluggy

from . import hookspecs
from .analyses.dates import apply_run_date
from .config import Config, ConfigError, check_rule_names
from .finding import CATEGORIES, SEVERITY_RANK, Finding, Fix, Location, Rule, assign_fingerprints
from .packs import PackEntry, activate, builtin_packs, load_pack, load_packs, pack_dir, sections_of  # noqa: F401 (their home was here: plugins import them from engine)
from .page import Page
from .reading import DEFAULT_MAX_FILE_MB, InputError, expand_paths, read_page, read_stdin, stable_key
from .rule import RuleImpl, rule_impls, run_impls

if sys.version_info >= (3, 11):
    pass
else:  # pragma: no cover
    pass

ENTRY_POINT_GROUP = "newslint"


def plugin_manager(extra_plugins: Sequence[Any] = ()) -> pluggy.PluginManager:
    pm = pluggy.PluginManager(hookspecs.PROJECT)
    pm.add_hookspecs(hookspecs)
    pm.newslint_errors = _load_entry_points(pm)  # type: ignore[attr-defined]
    for p in extra_plugins:
        pm.register(p)
    try:
        pm.check_pending()  # a hook implementation with no such hook (a misspelt name) is an error
    except pluggy.PluginValidationError as e:
        raise ConfigError(f"newslint plugin {pm.get_name(e.plugin) or e.plugin!r}: {e}") from None
    from .analyses import register_analysis

    for table in pm.hook.newslint_analyses():
        for name, fn in (table or {}).items():
            register_analysis(name, fn)
    return pm


def _load_entry_points(pm: pluggy.PluginManager) -> List[str]:
    """Register the plugins of the ``newslint`` entry-point group one by one: one that fails to import is
    named in the returned errors and left out, and the rest — ``--version``, ``rules`` included — work."""
    from importlib.metadata import entry_points

    errors: List[str] = []
    try:
        eps = entry_points(group=ENTRY_POINT_GROUP)
    except Exception as e:  # pragma: no cover - a broken installation's metadata
        return [f"cannot list newslint plugins: {type(e).__name__}: {e}"]
    for ep in eps:
        if pm.get_plugin(ep.name) is not None or pm.is_blocked(ep.name):
            continue
        try:
            plugin = ep.load()
            pm.register(plugin, name=ep.name)
        except (KeyboardInterrupt, GeneratorExit):
            raise
        except BaseException as e:  # SystemExit too: a plugin does not decide the exit code
            errors.append(f"plugin {ep.name} ({ep.value}) not loaded: {type(e).__name__}: {e}")
    return errors


def call_hook(pm: pluggy.PluginManager, name: str, errors: List[str], where: str, **kwargs: Any) -> List[Any]:
    """Call every implementation of hook ``name`` in pluggy's order, each on its own: one that raises (or
    calls ``sys.exit``) is named with its hook and ``where`` in ``errors`` and skipped, the others run.
    Configuration errors (a bad data pack or option) still stop the run."""
    out: List[Any] = []
    for impl in reversed(getattr(pm.hook, name).get_hookimpls()):
        try:
            res = impl.function(*[kwargs[a] for a in impl.argnames])
        except (KeyboardInterrupt, GeneratorExit, ConfigError):
            raise
        except BaseException as e:
            errors.append(f"plugin {_plugin_label(impl)}: {name} failed on {where}: {type(e).__name__}: {e}")
            continue
        if res is not None:
            out.append(res)
    return out


def _run_rules(impls: Sequence[RuleImpl], ctx: "Context", errors: List[str], where: str, **kw: Any) -> List[Finding]:
    """:func:`run_impls` one decorated rule at a time: a rule function that raises (or calls
    ``sys.exit``) is named in ``errors`` and skipped, the others run."""
    out: List[Finding] = []
    for impl in impls:
        try:
            out.extend(run_impls([impl], ctx, **kw))
        except (KeyboardInterrupt, GeneratorExit, ConfigError):
            raise
        except BaseException as e:
            fn = getattr(impl, "fn", None)
            label = f"{getattr(fn, '__module__', '?')}.{getattr(fn, '__qualname__', '?')}"
            errors.append(f"plugin {label} (rule {impl.rule.id}) failed on {where}: {type(e).__name__}: {e}")
    return out


def _plugin_label(impl: Any) -> str:
    """The plugin's registered name (its entry point or module), else its class."""
    name = str(impl.plugin_name)
    if name.isdigit():  # registered without a name: pluggy used id()
        cls = type(impl.plugin)
        name = f"{cls.__module__}.{cls.__qualname__}"
    return name


PAGE_ERRORS = "newslint.errors"  # key of the collected data holding a page's plugin failures
# Set by the command line (a process of its own): after each page, what the page left alive — its collected
# data, kept for the corpus phase — is moved out of the cyclic collector's reach (gc.freeze), so that its full
# passes do not rescan every earlier page's data again and again (about a tenth of a month's time).  Anything
# still alive is kept anyway; the price is cyclic garbage of a page never being collected, and the analyses
# leave none.
FREEZE_PAGE_SURVIVORS = False


def all_rules(pm: pluggy.PluginManager) -> Dict[str, Rule]:
    rules: Dict[str, Rule] = {}
    batches = list(pm.hook.newslint_rules()) + [[impl.rule for impl in rule_impls(pm.get_plugins())]]
    for batch in batches:
        for r in batch or ():
            if r.id in rules and rules[r.id] != r:
                raise ConfigError(f"two plugins define the rule {r.id!r}")
            rules[r.id] = r
    return dict(sorted(rules.items()))


class Context:
    """What a rule sees of the run: selection, options, severities, data packs and the CLI options."""

    def __init__(self, pm: pluggy.PluginManager, rules: Dict[str, Rule], config: Config,
                 args: Any = None, select: Optional[List[str]] = None, ignore: Optional[List[str]] = None):
        self.pm = pm
        self.rules = rules
        self.config = config
        self.args = args
        self.select_arg, self.ignore_arg = select, ignore
        check_rule_names(config, rules)
        sel = list(select if select else config.get("select", ["ALL"])) + list(config.get("extend-select", []))
        ign = list(config.get("ignore", [])) + list(ignore or [])
        for s in sel + ign:
            if s not in rules and s not in CATEGORIES and s != "ALL":
                raise ConfigError(f"unknown rule or category {s!r} (see `newslint rules`)")
        preview = bool(getattr(args, "preview", False)) or bool(config.get("preview", False))
        self.selected = {rid for rid, r in rules.items()
                         if _matches(r, sel, preview) and not _matches(r, ign)}
        self._severity = dict(config.get("severity", {}))
        self._options: Dict[str, Dict[str, Any]] = {}
        self._packs: Optional[Dict[str, List[PackEntry]]] = None
        self.pack_schema = sections_of(pm)
        self._user_packs = [config.resolve(p) for p in config.get("packs", [])]
        activate(self._user_packs, self.pack_schema)  # for analyses, which see only a page
        if self._user_packs:
            self.pack_entries("")  # a user pack's errors (an unknown section…) show whatever rules run
        self.state: Dict[str, Any] = {}  # plugins' run-wide state (e.g. the page date source)
        self.impls: Dict[str, List[RuleImpl]] = {}  # decorated rule functions by stage
        for impl in rule_impls(pm.get_plugins()):
            self.impls.setdefault(impl.stage, []).append(impl)
        for rid in config.get("rules", {}):  # every option checked now, not in a worker mid-run
            if rid in rules:
                self.options(rid)

    # ---- selection and options -----------------------------------------------------------
    def enabled(self, rule_id: str, page: Optional[Page] = None) -> bool:
        if rule_id not in self.selected:
            return False
        if page is not None and self.ignored_for_path(rule_id, page.path):
            return False
        return True

    def any_enabled(self, *rule_ids: str) -> bool:
        return any(r in self.selected for r in rule_ids)

    def ignored_for_path(self, rule_id: str, path: str) -> bool:
        rule = self.rules.get(rule_id)
        for pattern, sels in self.config.get("per-path-ignores", {}).items():
            if rule is not None and _matches(rule, sels) and self.config.path_matches(pattern, path):
                return True
        return False

    def options(self, rule_id: str) -> Dict[str, Any]:
        if rule_id not in self._options:
            rule = self.rules[rule_id]
            opts = rule.default_options
            for k, v in self.config.get("rules", {}).get(rule_id, {}).items():
                if k not in opts:
                    raise self.config.error(f"rules.{rule_id}.{k}",
                                            f"unknown option (options of {rule_id}: {', '.join(opts) or 'none'})")
                if opts[k] is not None and type(v) is not type(opts[k]) and not (
                        isinstance(opts[k], float) and isinstance(v, int)):
                    raise self.config.error(f"rules.{rule_id}.{k}", f"must be a {type(opts[k]).__name__}, not {v!r}")
                opts[k] = v
            self._options[rule_id] = opts
        return self._options[rule_id]

    def severity(self, rule: Rule, default: Optional[str] = None) -> str:
        return self._severity.get(rule.id) or self._severity.get(rule.category) or default or rule.severity

    def finding(self, rule: Rule, page: Page, start: int, end: int, message: str, *,
                related: Iterable[Location] = (), suggestion: Optional[str] = None,
                fix: Optional[Fix] = None, key: Optional[str] = None,
                severity: Optional[str] = None, **extra: Any) -> Finding:
        """Make a finding for ``page.text[start:end]`` (offsets of the analysed text)."""
        return Finding(rule=rule.id, category=rule.category, severity=self.severity(rule, severity),
                       message=message, location=page.location(start, end), related=list(related),
                       suggestion=suggestion, fix=fix,
                       key=key if key is not None else page.text[start:end], extra=extra)

    # ---- data packs ----------------------------------------------------------------------
    def pack_entries(self, section: str) -> List[PackEntry]:
        """All ``[[section]]`` entries of the built-in packs and of the packs named in config, the latter
        checked against the sections the plugins declare (``newslint_pack_sections``)."""
        if self._packs is None:  # the built-in packs are held to the schema by the test suite
            self._packs = load_packs(builtin_packs(), None)
            for sec, entries in load_packs(self._user_packs, self.pack_schema).items():
                self._packs.setdefault(sec, []).extend(entries)
        return self._packs.get(section, [])


def _matches(rule: Rule, selectors: Iterable[str], preview: bool = True) -> bool:
    """Does a selector name ``rule``?  ``ALL`` names a preview rule only when previews are on."""
    return any((s == "ALL" and (preview or not rule.preview)) or s == rule.id or s == rule.category
               for s in selectors)


# ---- the corpus and the run --------------------------------------------------------------------
class Corpus:
    """All pages of a run (then archive pages) with the data the per-page phase collected."""

    def __init__(self, pages: List[Page], collected: Optional[Dict[int, Dict[str, Any]]] = None):
        self.pages = pages
        self._collected = collected if collected is not None else {}
        self._analyses: Dict[str, Any] = {}

    @property
    def run_pages(self) -> List[Page]:
        return [p for p in self.pages if not p.archive]

    def collected(self, page: Page, key: str, default: Any = None) -> Any:
        return self._collected.get(id(page), {}).get(key, default)

    def set_collected(self, page: Page, data: Dict[str, Any]) -> None:
        self._collected.setdefault(id(page), {}).update(data)

    def cached(self, key: str, compute: Callable[[], Any]) -> Any:
        """A run-wide analysis shared by several corpus rules (a family's matching), computed once."""
        if key not in self._analyses:
            self._analyses[key] = compute()
        return self._analyses[key]


@dataclass
class RunResult:
    findings: List[Finding]
    pages: List[Page]
    errors: List[str] = field(default_factory=list)
    corpus: Optional[Corpus] = None
    extra: Dict[str, Any] = field(default_factory=dict)  # top-level keys plugins add to the JSON report

    def page(self, path: str) -> Optional[Page]:
        for p in self.pages:
            if p.path == path:
                return p
        return None


def check_page(page: Page, ctx: Context) -> Tuple[List[Finding], Dict[str, Any]]:
    """The per-page phase for one page: its findings and its collected data."""
    findings: List[Finding] = []
    errors: List[str] = []
    if not page.archive:
        for res in call_hook(ctx.pm, "newslint_check_page", errors, page.path, page=page, ctx=ctx):
            if res:
                findings.extend(res)
        findings.extend(_run_rules(ctx.impls.get("page", ()), ctx, errors, page.path, page=page))
    data: Dict[str, Any] = {}
    for res in call_hook(ctx.pm, "newslint_collect_page", errors, page.path, page=page, ctx=ctx):
        if res:
            data.update(res)
    if errors:
        data[PAGE_ERRORS] = errors
    # The corpus phase reads only the collected data: drop this page's analyses now, so a run holds one
    # page's analyses at a time (anything asked for later is recomputed lazily) — except its layout, which
    # the corpus phase asks of every page with a copy, a name variant or a conflicting statement (half the
    # pages of a year of 新闻联播): keeping it (some 60 KB a page) costs less than computing it again.
    layout = page._cache.get("layout")
    page._cache.clear()
    if layout is not None:
        page._cache["layout"] = layout
    if FREEZE_PAGE_SURVIVORS:
        gc.freeze()
    return findings, data


def load_pages(paths: Sequence[str], errors: List[str], stdin_name: Optional[str] = None,
               start_index: int = 0, archive: bool = False, max_mb: float = DEFAULT_MAX_FILE_MB,
               ctx: Optional["Context"] = None) -> List[Page]:
    """Read the pages of ``paths``; with ``ctx``, each gets the run's page date (``--date``, config
    ``[dates]``) as it is read, so every rule, analysis and subcommand sees the same date."""
    pages: List[Page] = []
    for f in expand_paths(paths, errors):
        try:
            if f == "-":
                page = read_page("-", display=stdin_name or "<stdin>", data=read_stdin(max_mb),
                                 index=start_index + len(pages), max_mb=max_mb)
            else:
                page = read_page(f, index=start_index + len(pages), max_mb=max_mb)
        except InputError as e:
            errors.append(str(e))
            continue
        page.archive = archive
        if ctx is not None:
            apply_run_date(page, ctx)
        pages.append(page)
    return pages


def check_pages(ctx: Context, pages: List[Page], archive: Sequence[Page] = (),
                errors: Optional[List[str]] = None,
                page_phase: Optional[Callable[[List[Page]], List[Tuple[List[Finding], Dict[str, Any]]]]] = None
                ) -> RunResult:
    errors = errors if errors is not None else []
    all_pages = list(pages) + list(archive)
    for page in all_pages:  # pages not read through load_pages (API callers) get the run's date too
        apply_run_date(page, ctx)
    corpus = Corpus(all_pages)
    findings: List[Finding] = []
    results = page_phase(all_pages) if page_phase else [check_page(p, ctx) for p in all_pages]
    for page, (fs, data) in zip(all_pages, results):
        findings.extend(fs)
        if PAGE_ERRORS in data:
            data = dict(data)
            errors.extend(data.pop(PAGE_ERRORS))
        corpus.set_collected(page, data)
    for res in call_hook(ctx.pm, "newslint_check_corpus", errors, "the corpus", corpus=corpus, ctx=ctx):
        if res:
            findings.extend(res)
    findings.extend(_run_rules(ctx.impls.get("corpus", ()), ctx, errors, "the corpus", corpus=corpus))
    archived = {p.path for p in archive}
    findings = [f for f in findings
                if f.location.path not in archived and f.rule in ctx.selected
                and not ctx.ignored_for_path(f.rule, f.location.path)]
    call_hook(ctx.pm, "newslint_filter_findings", errors, "the findings", findings=findings, corpus=corpus, ctx=ctx)
    findings.extend(_run_rules(ctx.impls.get("after-filters", ()), ctx, errors, "the corpus", corpus=corpus))
    assign_fingerprints(findings, stable_key)
    findings.sort(key=Finding.sort_key)
    return RunResult(findings=findings, pages=list(pages), errors=errors, corpus=corpus,
                     extra=dict(ctx.state.get("extra", {})))


def failing(findings: Iterable[Finding], fail_on: str) -> List[Finding]:
    threshold = SEVERITY_RANK[fail_on]
    return [f for f in findings if SEVERITY_RANK[f.severity] >= threshold]
