"""Chinese is the first language: every UI string in templates and code has a zh-hans
translation. Strings are found the way makemessages finds them (without needing GNU gettext)."""

import re
from pathlib import Path

import polib
from django.conf import settings
from django.utils import translation

ROOT = Path(settings.BASE_DIR) / "kucun"
QUOTED = r"""(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')"""
TEMPLATE_TRANS = re.compile(r"{%\s*(?:translate|trans)\s+" + QUOTED)
TEMPLATE_BLOCK = re.compile(
    r"{%\s*(?:blocktranslate|blocktrans)(?P<opts>[^%]*)%}(?P<body>.*?){%\s*(?:endblocktranslate|endblocktrans|plural)\s*%}",
    re.S,
)
PY_TRANS = re.compile(
    r"(?<![\w.])(?:_|gettext|gettext_lazy|gettext_noop)\(\s*" + QUOTED + r"\s*[,)]"
)


def _unescape(text: str) -> str:
    return text.encode().decode("unicode_escape").encode("latin-1").decode("utf-8")


def _block_msgid(opts: str, body: str) -> str:
    msgid = re.sub(r"{{\s*(\w+)\s*}}", r"%(\1)s", body)
    if "trimmed" in opts:
        msgid = " ".join(line.strip() for line in msgid.strip().splitlines() if line.strip())
    return msgid


def source_msgids() -> dict[str, str]:
    found: dict[str, str] = {}
    for path in ROOT.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        for m in TEMPLATE_TRANS.finditer(text):
            found.setdefault(m.group(1) if m.group(1) is not None else m.group(2), str(path))
        for m in TEMPLATE_BLOCK.finditer(text):
            found.setdefault(_block_msgid(m.group("opts"), m.group("body")), str(path))
    for path in ROOT.rglob("*.py"):
        if "tests" in path.parts or "migrations" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        for m in PY_TRANS.finditer(text):
            raw = m.group(1) if m.group(1) is not None else m.group(2)
            found.setdefault(_unescape(raw), str(path))
    return found


def catalogue() -> dict[str, polib.POEntry]:
    entries: dict[str, polib.POEntry] = {}
    for po_path in ROOT.glob("**/locale/zh_Hans/LC_MESSAGES/django.po"):
        for entry in polib.pofile(str(po_path)):
            if not entry.obsolete:
                entries.setdefault(entry.msgid, entry)
    return entries


def test_every_zh_hans_catalogue_entry_is_translated_and_checked():
    unfinished = [
        msgid
        for msgid, entry in catalogue().items()
        if not (entry.msgstr or entry.msgstr_plural) or "fuzzy" in entry.flags
    ]
    assert unfinished == []


def test_every_ui_string_has_a_chinese_translation():
    known = catalogue()
    missing = []
    with translation.override("zh-hans"):
        for msgid, where in sorted(source_msgids().items()):
            if msgid in known:
                continue
            if translation.gettext(msgid) != msgid:
                continue  # Django's own catalogue translates it
            missing.append(f"{msgid!r} ({Path(where).relative_to(ROOT)})")
    assert missing == []


def test_english_is_available_and_chinese_is_the_default():
    assert settings.LANGUAGE_CODE == "zh-hans"
    assert "en" in dict(settings.LANGUAGES)
