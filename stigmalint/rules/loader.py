"""Read and validate lexicon YAML files (schema v1).

Every problem becomes one :class:`LexiconError` that names the file, the entry and
what is wrong, in Dutch, because the people who add terms are communication
advisers, not programmers. Unknown keys are errors: a typo such as
``sugestions`` must not silently switch a suggestion off.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from stigmalint.rules.errors import LexiconError
from stigmalint.rules.model import (
    CATEGORIES,
    LOCALES,
    AllowName,
    Context,
    Entry,
    Example,
    Lexicon,
    LocaleOverride,
    NounInfo,
    Suggestion,
    Unless,
)
from stigmalint.rules.patterns import (
    AnchorSet,
    Pattern,
    PatternError,
    Phrase,
    glob_to_regex,
    parse_pattern,
    parse_phrase,
)
from stigmalint.rules.resources import default_lexicon_dir, lexicon_files
from stigmalint.severity import SEVERITY_NAMES, Severity
from stigmalint.text.fold import fold
from stigmalint.text.sentences import PREVIOUS_SENTENCES

SCHEMA_VERSION = 1
ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
URL_RE = re.compile(r"^https?://\S+$")

_FILE_KEYS = {
    "schema", "category", "entries", "anchors", "allow", "nouns", "prefixes", "description",
}  # fmt: skip
_PREFIX_RE = re.compile(r"^[a-z]+(?:-[a-z]+)*$")
_ENTRY_KEYS = {
    "id", "refs", "category", "severity", "message", "details", "match", "context",
    "unless", "gender", "suggestions", "rewrite", "sources", "examples", "locales", "scope",
}  # fmt: skip
_MATCH_KEYS = {"words", "forms", "compounds", "guards", "lowercase", "phrases", "window", "ordered"}
_UNLESS_KINDS = ("around", "preceded_by", "followed_by", "sentence")


def _yaml_load(path: Path) -> Any:
    import yaml  # only when the lexicon is (re)built: runs with a cached lexicon skip it

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise LexiconError(str(path), f"geen geldige UTF-8 (byte {exc.start})") from None
    except OSError as exc:
        raise LexiconError(str(path), f"kan niet gelezen worden: {exc.strerror}") from None
    try:
        return yaml.load(text, Loader=loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f" (regel {mark.line + 1}, kolom {mark.column + 1})" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise LexiconError(str(path), f"ongeldige YAML{at}: {problem}") from None


@dataclass
class _Ctx:
    file: str
    anchors: Mapping[str, AnchorSet]
    entry: str | None = None

    def fail(self, problem: str) -> LexiconError:
        return LexiconError(self.file, problem, self.entry)


def _str_list(value: Any, what: str, ctx: _Ctx, *, allow_empty: bool = True) -> list[str]:
    if value is None:
        value = []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ctx.fail(f"'{what}' moet een lijst van teksten zijn")
    if not allow_empty and not value:
        raise ctx.fail(f"'{what}' mag niet leeg zijn")
    return [v.strip() for v in value]


def _check_keys(data: Mapping[str, Any], allowed: Iterable[str], what: str, ctx: _Ctx) -> None:
    unknown = sorted(set(data) - set(allowed))
    if unknown:
        raise ctx.fail(
            f"onbekende sleutel {unknown[0]!r} in {what} (toegestaan: {', '.join(sorted(allowed))})"
        )


def _pattern(text: Any, what: str, ctx: _Ctx) -> Pattern:
    try:
        return parse_pattern(text, ctx.anchors)
    except PatternError as exc:
        raise ctx.fail(f"{what}: {exc}") from None


def _severity(value: Any, ctx: _Ctx) -> Severity:
    if not isinstance(value, str) or value not in SEVERITY_NAMES:
        raise ctx.fail(f"'severity' moet een van {', '.join(SEVERITY_NAMES)} zijn, niet {value!r}")
    return Severity.parse(value)


def _suggestions(value: Any, ctx: _Ctx) -> tuple[Suggestion, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise ctx.fail("'suggestions' moet een lijst zijn")
    out = []
    for item in value:
        if isinstance(item, str) and item.strip():
            out.append(Suggestion(item.strip()))
            continue
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            raise ctx.fail("elke suggestie is een tekst of heeft een sleutel 'text'")
        _check_keys(
            item, {"text", "preceded_by", "followed_by", "starts_with"}, "een suggestie", ctx
        )
        pre = item.get("preceded_by")
        post = item.get("followed_by")
        first = item.get("starts_with")
        out.append(
            Suggestion(
                item["text"].strip(),
                _pattern(pre, "suggestie preceded_by", ctx) if pre is not None else None,
                _pattern(post, "suggestie followed_by", ctx) if post is not None else None,
                _pattern(first, "suggestie starts_with", ctx) if first is not None else None,
            )
        )
    for s in out:
        if s.text.count("{") != s.text.count("}"):
            raise ctx.fail(f"suggestie {s.text!r}: accolades {'{…}'} zijn niet in balans")
    return tuple(out)


def _unless(value: Any, ctx: _Ctx) -> tuple[Unless, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise ctx.fail("'unless' moet een lijst zijn")
    out = []
    for item in value:
        if isinstance(item, str):
            out.append(Unless("around", _pattern(item, "unless", ctx)))
            continue
        if not isinstance(item, dict):
            raise ctx.fail("elke uitzondering in 'unless' is een tekst of een sleutel-waarde-paar")
        kinds = [k for k in _UNLESS_KINDS if k in item]
        _check_keys(item, (*_UNLESS_KINDS, "within", "previous"), "een uitzondering", ctx)
        if len(kinds) != 1:
            raise ctx.fail(f"een uitzondering heeft precies één van: {', '.join(_UNLESS_KINDS)}")
        within = item.get("within", 1 if kinds[0] != "sentence" else 0)
        if not isinstance(within, int) or within < 0:
            raise ctx.fail("'within' moet een geheel getal >= 0 zijn")
        previous = item.get("previous", 0)
        if "previous" in item and kinds[0] != "sentence":
            raise ctx.fail("'previous' hoort alleen bij een uitzondering 'sentence'")
        if isinstance(previous, bool) or not isinstance(previous, int):
            raise ctx.fail(f"'previous' moet een geheel getal van 1 tot {PREVIOUS_SENTENCES} zijn")
        if not 0 <= previous <= PREVIOUS_SENTENCES:
            raise ctx.fail(f"'previous' moet een geheel getal van 1 tot {PREVIOUS_SENTENCES} zijn")
        pattern = _pattern(item[kinds[0]], f"unless {kinds[0]}", ctx)
        out.append(Unless(kinds[0], pattern, within, previous))  # type: ignore[arg-type]
    return tuple(out)


def _context(value: Any, ctx: _Ctx) -> Context:
    if value is None:
        return Context()
    if not isinstance(value, dict):
        raise ctx.fail("'context' moet sleutels requires/excludes/within/previous hebben")
    _check_keys(value, {"requires", "excludes", "within", "previous", "document"}, "context", ctx)
    req = _str_list(value.get("requires"), "context.requires", ctx)
    exc = _str_list(value.get("excludes"), "context.excludes", ctx)
    doc = _str_list(value.get("document"), "context.document", ctx)
    for name in (*req, *exc, *doc):
        if name not in ctx.anchors:
            raise ctx.fail(f"context verwijst naar onbekende ankerset {name!r}")
    within = value.get("within")
    if within is not None and (not isinstance(within, int) or within < 1):
        raise ctx.fail("'context.within' moet een geheel getal >= 1 zijn")
    previous = value.get("previous", False)
    prev_req: list[str] = []
    if isinstance(previous, list):
        prev_req = _str_list(previous, "context.previous", ctx, allow_empty=False)
        for name in prev_req:
            if name not in ctx.anchors:
                raise ctx.fail(f"context verwijst naar onbekende ankerset {name!r}")
        previous = True
    if not isinstance(previous, bool):
        raise ctx.fail("'context.previous' moet true, false of een lijst ankersets zijn")
    if previous and (within is not None or not req):
        raise ctx.fail("'context.previous' hoort bij 'requires' over de hele zin, zonder 'within'")
    return Context(tuple(req), tuple(exc), within, previous, tuple(prev_req), tuple(doc))


def _examples(value: Any, ctx: _Ctx) -> tuple[tuple[Example, ...], tuple[str, ...]]:
    if value is None:
        raise ctx.fail("'examples' ontbreekt: geef minstens één 'bad' en één 'good' voorbeeld")
    if not isinstance(value, dict):
        raise ctx.fail("'examples' moet sleutels 'bad' en 'good' hebben")
    _check_keys(value, {"bad", "good"}, "examples", ctx)
    bad: list[Example] = []
    for item in value.get("bad") or []:
        if isinstance(item, str):
            bad.append(Example(item))
        elif isinstance(item, dict) and isinstance(item.get("text"), str):
            _check_keys(item, {"text", "fix"}, "een voorbeeld", ctx)
            fix = item.get("fix")
            if fix is not None and not isinstance(fix, str):
                raise ctx.fail("'fix' van een voorbeeld moet een tekst zijn")
            bad.append(Example(item["text"], fix))
        else:
            raise ctx.fail("elk 'bad' voorbeeld is een tekst of heeft 'text' (en eventueel 'fix')")
    good = _str_list(value.get("good"), "examples.good", ctx)
    if not bad:
        raise ctx.fail("'examples.bad' mag niet leeg zijn")
    if not good:
        raise ctx.fail("'examples.good' mag niet leeg zijn")
    return tuple(bad), tuple(good)


def _locales(value: Any, ctx: _Ctx) -> dict[str, LocaleOverride]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise ctx.fail("'locales' moet per taalvariant (nl-NL, nl-BE) instellingen geven")
    out = {}
    for loc, ov in value.items():
        if loc not in LOCALES:
            raise ctx.fail(f"onbekende taalvariant {loc!r} (kies uit {', '.join(LOCALES)})")
        if not isinstance(ov, dict):
            raise ctx.fail(
                f"'locales.{loc}' moet sleutels hebben (off, severity, message, suggestions)"
            )
        # YAML 1.1 reads the bare key `off` as the boolean False: `off: true` is {False: True}.
        ov = {("off" if k is False else k): v for k, v in ov.items()}
        _check_keys(ov, {"off", "severity", "message", "suggestions"}, f"locales.{loc}", ctx)
        out[loc] = LocaleOverride(
            off=bool(ov.get("off", False)),
            severity=_severity(ov["severity"], ctx) if "severity" in ov else None,
            message=ov.get("message"),
            suggestions=_suggestions(ov["suggestions"], ctx) if "suggestions" in ov else None,
        )
    return out


def _match(value: Any, ctx: _Ctx) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ctx.fail("'match' ontbreekt of is geen lijst van sleutels (words/forms/phrases…)")
    _check_keys(value, _MATCH_KEYS, "match", ctx)
    words = [fold(w) for w in _str_list(value.get("words"), "match.words", ctx)]
    forms = [fold(w) for w in _str_list(value.get("forms"), "match.forms", ctx)]
    raw_phrases = value.get("phrases") or []
    if not isinstance(raw_phrases, list):
        raise ctx.fail("'match.phrases' moet een lijst zijn")
    if bool(words or forms) == bool(raw_phrases):
        raise ctx.fail("'match' heeft óf 'words'/'forms' óf 'phrases' (precies één soort)")
    for w in (*words, *forms):
        if " " in w:
            raise ctx.fail(f"{w!r} bevat een spatie: zet woordgroepen onder 'phrases'")
    window = value.get("window", 12)
    if not isinstance(window, int) or window < 1:
        raise ctx.fail("'match.window' moet een geheel getal >= 1 zijn")
    ordered = value.get("ordered", False)
    if not isinstance(ordered, bool):
        raise ctx.fail("'match.ordered' is true of false")
    phrases: list[Phrase] = []
    for spec in raw_phrases:
        if not (
            isinstance(spec, str)
            or (isinstance(spec, list) and all(isinstance(s, str) for s in spec))
        ):
            raise ctx.fail("elke frase is een tekst of een lijst van teksten")
        try:
            phrases.append(parse_phrase(spec, ctx.anchors, window=window, ordered=ordered))
        except PatternError as exc:
            raise ctx.fail(f"frase {spec!r}: {exc}") from None
    compounds = _str_list(value.get("compounds"), "match.compounds", ctx)
    bad = sorted(set(compounds) - {"head", "modifier"})
    if bad:
        raise ctx.fail(f"'match.compounds' kent alleen head en modifier, niet {bad[0]!r}")
    if compounds and not words:
        raise ctx.fail("'match.compounds' werkt alleen samen met 'match.words'")
    return {
        "words": tuple(dict.fromkeys(words)),
        "forms": tuple(dict.fromkeys(forms)),
        "compounds": frozenset(compounds),
        "guards": tuple(fold(g) for g in _str_list(value.get("guards"), "match.guards", ctx)),
        "lowercase_only": bool(value.get("lowercase", False)),
        "phrases": tuple(phrases),
    }


def _entry(raw: Any, default_category: str | None, ctx: _Ctx) -> Entry:
    if not isinstance(raw, dict):
        raise ctx.fail("elk item onder 'entries' moet sleutels hebben (id, severity, …)")
    eid = raw.get("id")
    if not isinstance(eid, str) or not ID_RE.match(eid):
        raise ctx.fail(
            f"ongeldige of ontbrekende id {eid!r}: gebruik kleine letters, cijfers en '-'"
        )
    ctx.entry = eid
    _check_keys(raw, _ENTRY_KEYS, "de regel", ctx)
    category = raw.get("category", default_category)
    if category not in CATEGORIES:
        raise ctx.fail(f"onbekende categorie {category!r} (kies uit {', '.join(CATEGORIES)})")
    message = raw.get("message")
    if not isinstance(message, str) or not message.strip():
        raise ctx.fail("'message' ontbreekt: leg in 1–2 zinnen uit waarom het woord schuurt")
    if "\n" in message.strip():
        raise ctx.fail("'message' moet op één regel passen (gebruik 'details' voor meer uitleg)")
    gender = raw.get("gender")
    if gender not in (None, "de", "het"):
        raise ctx.fail("'gender' is 'de' of 'het'")
    scope = raw.get("scope", "any")
    if scope not in ("any", "image", "text"):
        raise ctx.fail("'scope' is 'any', 'image' of 'text'")
    sources = _str_list(raw.get("sources"), "sources", ctx, allow_empty=False)
    for url in sources:
        if not URL_RE.match(url):
            raise ctx.fail(f"bron {url!r} is geen URL (http:// of https://)")
    suggestions = _suggestions(raw.get("suggestions"), ctx)
    rewrite = bool(raw.get("rewrite", False))
    if not suggestions:
        raise ctx.fail("'suggestions' ontbreekt: geef minstens één alternatief of advies")
    bad, good = _examples(raw.get("examples"), ctx)
    m = _match(raw.get("match"), ctx)
    return Entry(
        id=eid,
        category=category,
        severity=_severity(raw.get("severity"), ctx),
        message=" ".join(message.split()),
        details=" ".join(str(raw.get("details") or "").split()),
        file=ctx.file,
        refs=tuple(_str_list(raw.get("refs"), "refs", ctx)),
        scope=scope,
        context=_context(raw.get("context"), ctx),
        unless=_unless(raw.get("unless"), ctx),
        gender=gender,
        suggestions=suggestions,
        rewrite=rewrite,
        sources=tuple(sources),
        bad=bad,
        good=good,
        locales=_locales(raw.get("locales"), ctx),
        **m,
    )


def _anchor_sets(raw: Any, ctx: _Ctx) -> dict[str, AnchorSet]:
    if not isinstance(raw, dict):
        raise ctx.fail("'anchors' moet per naam een lijst woorden geven")
    out: dict[str, AnchorSet] = {}
    for name, spec in raw.items():
        ctx.entry = f"anchors.{name}"
        if not isinstance(name, str) or not ID_RE.match(name):
            raise ctx.fail("ankernamen bestaan uit kleine letters, cijfers en '-'")
        if isinstance(spec, dict):
            _check_keys(spec, {"description", "words", "proper"}, "een ankerset", ctx)
            words, desc = spec.get("words"), str(spec.get("description", ""))
            proper = spec.get("proper", [])
        else:
            words, desc, proper = spec, "", []
        aset = AnchorSet(name, description=desc)
        for w in _str_list(proper, f"anchors.{name}.proper", ctx, allow_empty=True):
            if "*" in w or w.startswith(("~", "@")):
                raise ctx.fail(f"'proper' bevat gewone woorden, geen patronen: {w!r}")
            aset.proper.add(fold(w))
            aset.literals.add(fold(w))
        for w in _str_list(words, f"anchors.{name}", ctx, allow_empty=False):
            if w.startswith("@"):
                # "@sw" takes over a set defined earlier, so that a wider set ("sekswerk or a
                # client") does not repeat, and drift from, the list it extends.
                base = out.get(w[1:]) or ctx.anchors.get(w[1:])
                if base is None:
                    raise ctx.fail(f"onbekende ankerset {w!r}: zet die eerder in het bestand")
                aset.literals |= base.literals
                aset.regexes.extend(base.regexes)
                aset.proper |= base.proper
            elif w.startswith("~"):
                try:
                    aset.regexes.append(re.compile(w[1:]))
                except re.error as exc:
                    raise ctx.fail(f"ongeldige reguliere expressie {w!r}: {exc}") from None
            elif "*" in w:
                aset.regexes.append(glob_to_regex(fold(w)))
            else:
                aset.literals.add(fold(w))
        out[name] = aset
    ctx.entry = None
    return out


def _allow(raw: Any, ctx: _Ctx) -> list[AllowName]:
    if not isinstance(raw, list):
        raise ctx.fail("'allow' moet een lijst van namen zijn")
    out = []
    for item in raw:
        if isinstance(item, str):
            item = {"name": item}
        if not isinstance(item, dict) or not isinstance(item.get("name"), str):
            raise ctx.fail("elk item onder 'allow' is een naam of heeft een sleutel 'name'")
        ctx.entry = item["name"]
        _check_keys(item, {"name", "kind", "title_only", "after", "source", "note"}, "allow", ctx)
        out.append(
            AllowName(
                name=" ".join(item["name"].split()),
                kind=str(item.get("kind", "name")),
                title_only=bool(item.get("title_only", False)),
                after=tuple(fold(w) for w in _str_list(item.get("after"), "after", ctx)),
                file=ctx.file,
            )
        )
    ctx.entry = None
    return out


def _nouns(raw: Any, ctx: _Ctx) -> dict[str, NounInfo]:
    if not isinstance(raw, dict):
        raise ctx.fail("'nouns' moet per woord 'gender' en/of 'plural' geven")
    out = {}
    for word, info in raw.items():
        ctx.entry = f"nouns.{word}"
        info = info or {}
        if not isinstance(info, dict):
            raise ctx.fail("geef 'gender' (de/het) en/of 'plural'")
        _check_keys(info, {"gender", "plural"}, "een zelfstandig naamwoord", ctx)
        if info.get("gender") not in (None, "de", "het"):
            raise ctx.fail("'gender' is 'de' of 'het'")
        out[fold(str(word))] = NounInfo(info.get("gender"), info.get("plural"))
    ctx.entry = None
    return out


def _prefixes(raw: Any, ctx: _Ctx) -> dict[str, str]:
    """Compound prefixes that become an adjective in a suggestion (jongens → mannelijke)."""
    if not isinstance(raw, dict):
        raise ctx.fail("'prefixes' moet per voorvoegsel een bijvoeglijk naamwoord geven")
    out = {}
    for prefix, adjective in raw.items():
        ctx.entry = f"prefixes.{prefix}"
        key = fold(str(prefix)).strip("-")
        if not _PREFIX_RE.match(key):
            raise ctx.fail("een voorvoegsel bestaat uit kleine letters (zoals 'jongens')")
        if adjective is None:
            adjective = ""  # an insult ("kanker-"): left out of the suggestion
        if not isinstance(adjective, str) or not (
            _PREFIX_RE.match(adjective.strip()) or not adjective.strip()
        ):
            raise ctx.fail("geef één bijvoeglijk naamwoord in kleine letters, zoals 'mannelijke'")
        out[key] = adjective.strip()
    ctx.entry = None
    return out


def load_lexicon(
    paths: Iterable[Path] | None = None, *, extra: Iterable[Path | str] = ()
) -> Lexicon:
    """Load the bundled lexicon (or ``paths``) plus ``extra`` files, validated as a whole.

    Results are memoised per set of files and modification times: the CLI and the
    spaCy component both ask for the lexicon, and it is parsed once.
    """
    files = list(paths) if paths is not None else lexicon_files(default_lexicon_dir())
    files += [Path(p) for p in extra]
    stamps = []
    for f in files:
        try:
            stamps.append((str(f), f.stat().st_mtime_ns))
        except OSError as exc:
            raise LexiconError(str(f), f"kan niet gelezen worden: {exc.strerror}") from None
    return _load_cached(tuple(stamps))


@lru_cache(maxsize=8)
def _load_cached(stamps: tuple[tuple[str, int], ...]) -> Lexicon:
    files = [Path(f) for f, _ in stamps]
    docs: list[tuple[Path, dict[str, Any]]] = []
    for path in files:
        data = _yaml_load(path)
        ctx = _Ctx(str(path), {})
        if not isinstance(data, dict):
            raise ctx.fail("een lexiconbestand begint met 'schema: 1' en bevat sleutels")
        if data.get("schema") != SCHEMA_VERSION:
            raise ctx.fail(
                f"'schema: {SCHEMA_VERSION}' ontbreekt of is onbekend ({data.get('schema')!r})"
            )
        _check_keys(data, _FILE_KEYS, "het bestand", ctx)
        docs.append((path, data))

    lex = Lexicon(files=[str(p) for p in files])
    for path, data in docs:
        if "anchors" in data:
            ctx = _Ctx(str(path), lex.anchors)
            for name, aset in _anchor_sets(data["anchors"], ctx).items():
                if name in lex.anchors:
                    raise LexiconError(str(path), "ankerset is al eerder gedefinieerd", name)
                lex.anchors[name] = aset
    seen: dict[str, str] = {}
    for path, data in docs:
        ctx = _Ctx(str(path), lex.anchors)
        if "nouns" in data:
            lex.nouns.update(_nouns(data["nouns"], ctx))
        if "prefixes" in data:
            lex.prefixes.update(_prefixes(data["prefixes"], ctx))
        if "allow" in data:
            lex.allow.extend(_allow(data["allow"], ctx))
        entries = data.get("entries") or []
        if not isinstance(entries, list):
            raise ctx.fail("'entries' moet een lijst zijn")
        for raw in entries:
            ctx.entry = None
            entry = _entry(raw, data.get("category"), ctx)
            if entry.id in seen:
                raise LexiconError(str(path), f"id bestaat al in {seen[entry.id]}", entry.id)
            seen[entry.id] = str(path)
            lex.entries.append(entry)
    return lex
