"""Names of bodies (cơ quan, đơn vị): recognise, split into lists, key for linking.

Plans name who does what in free text ("Giám đốc các sở, Thủ trưởng các ban,
ngành; UBND các huyện …"). The parser keeps names as written; the web app
matches them to its org units through ``canonical_key``, which expands the
usual abbreviations (UBND, MTTQ, TT&TT …) so "UBND tỉnh" and "Ủy ban nhân dân
tỉnh" meet. The word lists live in ``theodoi/text/data`` (curated files,
checked by tests/text/test_bodies_data.py).
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from theodoi.text.vietnamese import normalize_text, strip_diacritics


def _data_lines(name: str) -> list[str]:
    text = resources.files("theodoi.text.data").joinpath(name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def abbreviations() -> dict[str, str]:
    out: dict[str, str] = {}
    for line in _data_lines("body_abbreviations.tsv"):
        abbr, expansion = line.split("\t")
        out[abbr] = expansion
    return out


@lru_cache(maxsize=1)
def body_heads() -> tuple[str, ...]:
    """Head words, longest first, lower case."""
    return tuple(sorted({h.lower() for h in _data_lines("body_heads.txt")}, key=len, reverse=True))


@lru_cache(maxsize=1)
def not_heads() -> tuple[str, ...]:
    return tuple(h.lower() for h in _data_lines("body_not_heads.txt"))


@lru_cache(maxsize=1)
def generic_words() -> frozenset[str]:
    return frozenset(_data_lines("body_generic.txt"))


@lru_cache(maxsize=1)
def subject_verbs() -> tuple[str, ...]:
    return tuple(sorted(set(_data_lines("subject_verbs.txt")), key=len, reverse=True))


@lru_cache(maxsize=1)
def _title_slips() -> tuple[re.Pattern[str], dict[str, str]]:
    slips = dict(line.split("\t") for line in _data_lines("title_slips.tsv"))
    alt = "|".join(re.escape(k) for k in sorted(slips, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alt})(?!\w)"), slips


def repair_title_slips(text: str) -> str:
    """An office-holder's title the drafter left a word out of, put right ("Chủ
    UBND tỉnh" → "Chủ tịch UBND tỉnh"): otherwise the person addressed is no body
    at all and the duty loses its addressee. Only the slips listed with the body
    after them (data/title_slips.tsv), so no correct wording can be changed."""
    pattern, slips = _title_slips()
    return pattern.sub(lambda m: slips[m.group(0)], text)


@lru_cache(maxsize=1)
def _abbr_pattern() -> re.Pattern[str]:
    keys = sorted(abbreviations(), key=len, reverse=True)
    alt = "|".join(re.escape(k) for k in keys)
    return re.compile(rf"(?<![\w&])(?:{alt})(?![\w&])")


@lru_cache(maxsize=1)
def _verb_pattern() -> re.Pattern[str]:
    alt = "|".join(re.escape(v) for v in subject_verbs())
    return re.compile(rf"(?<!\w)(?:{alt})(?!\w)")


#: Words after which "đầu tư", "xây dựng" … are the object inside an agency's name
#: (investment promotion, construction projects), not the verb of a clause.
_NAME_COMPOUND_BEFORE = re.compile(r"(?:\b[Dd]ự án|\b[Xx]úc tiến|\bđầu tư)\s$")
_DETERMINERS = ("các ", "những ", "mọi ", "toàn bộ ", "và ", "cùng ", "với ")
_NOUN_BEFORE = re.compile(r"(?:\b(?:các|những|mọi|và)|[,;])\s*$", re.IGNORECASE)
#: "…, tổ chức nghiên cứu, quán triệt": "tổ chức" as a verb even after a comma.
_ACTIVITY_AFTER = re.compile(
    r",?\s+(?:nghiên cứu|quán triệt|triển khai|thực hiện|học tập|tuyên truyền|kiểm tra|"
    r"phổ biến|xây dựng)\b"
)
#: "cơ quan tham mưu, giúp việc": a party committee's departments, a noun phrase.
_ADVISORY_ORGAN = re.compile(r"(?:\bcơ quan|\bcơ quan tham mưu,?|\btổ)\s*$", re.I)  # "Tổ giúp việc"
_TRAILING_JUNK = re.compile(
    r"\s*(?:theo (?:đúng )?(?:chức năng|nhiệm vụ|thẩm quyền|lĩnh vực).*|"
    r"\s+trong (?:việc|quá trình)\s.*|\s+trình\s+.*|"
    r"\s+từ (?:[Tt]rung ương|tỉnh|thành phố|huyện) (?:đến|tới) (?:địa phương|cơ sở)|"
    r"\s+(?:do|được)\s+\S.{0,60}?\s+giao(?: nhiệm vụ)?|"
    r"\s+đối với\s+.*|"
    r"(?:thực hiện|triển khai)\b.*|căn cứ .*|trong phạm vi .*)$"
)
_GENERIC_TAIL = re.compile(
    r"^(?:\s+(?:tỉnh|cấp (?:tỉnh|huyện|xã)|(?:trực )?thuộc (?:tỉnh|huyện|Chính phủ|"
    r"[Tt]rung ương|[A-ZĐ]\S*(?: [A-ZĐ]\S*){0,3})|(?:có )?liên quan|cùng cấp|các cấp|"
    r"trên địa bàn(?: tỉnh| huyện)?|ở (?:Trung ương|trung ương|địa phương)|"
    r"[Tt]rung ương|địa phương|"
    r"chính trị ?- ?xã hội(?: tỉnh| huyện| các cấp)?|thành viên|quần chúng|ngang bộ|"
    r"thành phố(?: trực thuộc [Tt]rung ương)?|nhà nước|chức năng|chuyên môn(?: thuộc \S+)?|"
    r"đoàn thể(?: tỉnh| huyện)?))*\s*$"
)


# "UBND tỉnh, thành phố trực thuộc trung ương" is one body
def _opens_group(piece: str) -> bool:
    """'các sở', 'Cơ quan', 'Bộ' (a bare category) start a run of generic nouns."""
    low = piece.strip().lower()
    if low.startswith(("các ", "những ")) or low in generic_words():
        return True
    # a lower-case category word opens a run ("cơ quan, đơn vị"); a lower-case
    # name with its own words ("cơ sở khám bệnh, chữa bệnh") does not
    return piece[:1].islower() and any(
        low == word or low.startswith(word + " ") for word in generic_words()
    )


# "Thủ trưởng cơ quan ngang Bộ, cơ quan thuộc Chính phủ": the title governs the run
_TITLE_OVER_GROUP = re.compile(
    r"^(?:[Tt]hủ trưởng|[Nn]gười đứng đầu|[Ll]ãnh đạo)\s+(?:các\s+)?"
    r"(?:cơ quan|đơn vị|bộ|sở|ngành)\b"
)
# titles of office: a person, never a continuation of the previous group
_TITLES = frozenset({"người đứng đầu", "thủ trưởng", "giám đốc", "chủ tịch", "bộ trưởng"})
# "Sở Y tế cơ quan, đơn vị liên quan": the closing related group glued to a name
_GLUED_RELATED = re.compile(
    r"(?<=[^\s,;])(?<![Cc]ác)(?<![Nn]hững)(?<!và)\s+(?=(?:cơ quan|đơn vị), [^,;]{0,60}liên quan$)"
)
# "Các Bộ: Tài chính, Y tế" → "Bộ Tài chính", "Bộ Y tế"
_SHARED_HEAD = re.compile(r"^(?:[Cc]ác\s+)(?P<head>Bộ|Sở|Ban)\s*:\s*(?P<rest>\S.*)$")
# a body name glued to a category word where a cell lost its line break:
# "Các Bộ, ngành Ủy ban nhân dân cấp tỉnh"
_GLUED_NAME = re.compile(
    r"\b(ngành|cơ quan|đơn vị|địa phương)\s+(?=(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân|HĐND)\s)"
)


#: a list separator: a comma, or "và" before the next item; a comma glued between two
#: capitals belongs to an abbreviation ("Ủy ban KH,CN&MT", "KH,CN,ĐMST")
_LIST_SEP = re.compile(r"\s*(?<![A-ZĐ]),\s*|,(?=\s)\s*|,(?![A-ZĐ&])|\s+và\s+(?=(?:các\s+)?\S)")
_CLOSED_GROUP = re.compile(r"\bliên quan$")
# "các Viện nghiên cứu, Trường Đại học có liên quan": a capitalised kind of body
# (no name of its own, no "các") closing the group with "có liên quan" belongs to it
_RELATED_KIND = re.compile(r"^[A-ZĐÀ-Ỹ]\S*(?:\s(?!các\b)\S+){0,2}\s(?:có\s)?liên quan$")
# "Chuyên viên phụ trách lĩnh vực Hành chính, Văn phòng": the fields an officer covers
_FIELD_BEFORE = re.compile(r"\blĩnh vực\s+$")
_FIELD_LIST = re.compile(r"\b(?:phụ trách|lĩnh vực)\s+[^,;]+$")
_PLACE_LEVEL = r"(?:tỉnh|thành phố|huyện|thị xã|quận|xã|phường|thị trấn)"
_PLACE_LEVEL_END = re.compile(rf"\b{_PLACE_LEVEL}$")
_PLACE_LEVEL_START = re.compile(rf"^{_PLACE_LEVEL}\b")
_KEY_DROP = re.compile(r"[^0-9a-z]+")
_LEADING_DET = re.compile(r"^(?:(?:các|cac|những|nhung|mọi)\s+)+", re.IGNORECASE)


def expand_abbreviations(name: str) -> str:
    table = abbreviations()
    return _abbr_pattern().sub(lambda m: table[m.group(0)], name)


@lru_cache(maxsize=4096)
def canonical_key(name: str) -> str:
    """A stable key for linking a body name to an org unit.

    Abbreviations expanded, leading "các" dropped, tone placement, case and
    diacritics folded: "UBND tỉnh" and "Ủy ban nhân dân Tỉnh" give the same key;
    a parenthesis kept in a name as written ("(VCCI)", "(Trung tâm Thông tin)")
    does not change the body it links to.
    """
    text = _PARENTHESIS.sub("", name.strip())  # "… Việt Nam (VCCI)" is that body
    text = expand_abbreviations(normalize_text(text))
    text = _LEADING_DET.sub("", text.strip())
    folded = strip_diacritics(text).lower().replace("&", " va ")
    return _KEY_DROP.sub("-", folded).strip("-")


_POST_HOLDER = re.compile(r"(?i:công chức|cán bộ)\s+(?:[A-ZĐ][a-zà-ỹđ]+\s*(?:-\s*)?){1,4}")


def _head_of(piece: str) -> str | None:
    """The body head word a piece starts with (after determiners), or None."""
    low = piece.lower().lstrip()
    original = low
    changed = True
    while changed:
        changed = False
        for det in _DETERMINERS:
            if low.startswith(det):
                low = low[len(det) :]
                changed = True
    if low == original and low.startswith(not_heads()):
        return None
    for head in body_heads():
        if low.startswith(head) and (len(low) == len(head) or not low[len(head)].isalnum()):
            return head
    if re.match(r"(?:ubnd|hđnd|mttq|bch|btv|bhxh|sở|ub)\b", low):
        return low.split()[0]
    # a commune's civil servant named by post: "công chức Văn phòng - Thống kê" (not
    # "công chức, viên chức", people in general)
    written = piece.lstrip()[len(original) - len(low) :]
    if _POST_HOLDER.match(written):
        return "công chức"
    words = piece.strip().split()
    first = words[0] if words else ""
    if (
        2 <= len(first) <= 8
        and first.isupper()
        and all(ch.isascii() or ch == "Đ" for ch in first)
        and not any(w.isupper() and len(w) > 1 for w in words[1:3])
    ):
        return first.lower()  # VTV, TTXVN, BHXH …
    return None


@lru_cache(maxsize=4096)
def looks_like_body(piece: str) -> bool:
    piece = piece.strip(" ,;.:")
    if not piece or len(piece) > 160:
        return False
    return _head_of(piece) is not None


@lru_cache(maxsize=4096)
def is_generic_continuation(piece: str) -> bool:
    """'ban', 'thị xã, thành phố', 'đơn vị thuộc tỉnh' continue 'các sở, …'."""
    stripped = piece.strip()
    if not stripped or not stripped[0].islower():
        return False
    low = stripped.lower()
    if low.startswith("các "):
        return False
    for word in sorted(generic_words(), key=len, reverse=True):
        if low.startswith(word) and (len(low) == len(word) or not low[len(word)].isalnum()):
            return bool(_GENERIC_TAIL.match(stripped[len(word) :]))
    return False


def split_bodies(text: str) -> list[str]:
    """Split a list of bodies on ';', ',' and 'và' where the parts are separate bodies."""
    return list(_split_bodies(text))


@lru_cache(maxsize=4096)
def _split_bodies(text: str) -> tuple[str, ...]:
    """Split a list of bodies on ';', ',' and 'và' where the parts are separate bodies."""
    out: list[str] = []
    text = _shield_compounds(text)
    text = _NAMING_PARENTHESIS.sub(_shield, text)  # "… Việt Nam (VCCI)": part of the name
    # "Bộ Tư pháp (đối với …) Bộ Tài chính (đối với …)": qualifiers, not bodies; a
    # body that follows a qualifier directly is the next item of the list
    text = _PARENTHESIS.sub(
        lambda m: (
            "; "
            if looks_like_body(text[m.end() : m.end() + 80])
            and text[m.end() :].lstrip()[:1].isupper()
            else ""
        ),
        text,
    )
    for chunk in re.split(r"\s*;\s*", text):
        chunk = chunk.strip(" .,:")
        if not chunk:
            continue
        shared = _SHARED_HEAD.match(chunk)
        if shared:
            head = shared.group("head")
            # commas only: "và" belongs to names ("Giáo dục và Đào tạo")
            names = re.split(r"\s*,\s*", shared.group("rest").strip(" .,:"))
            out.extend(f"{head} {name}" for name in names if name)
            continue
        chunk = _GLUED_NAME.sub(r"\1, ", chunk)
        chunk = _GLUED_RELATED.sub(", ", chunk)
        pieces = _LIST_SEP.split(chunk)
        seps = _LIST_SEP.findall(chunk)
        current = pieces[0]
        opened_group = _opens_group(current) or bool(_TITLE_OVER_GROUP.match(current))
        closes_list = bool(_CLOSED_GROUP.search(chunk))
        for sep, piece in zip(seps, pieces[1:], strict=False):
            closed = bool(_CLOSED_GROUP.search(current))  # "… có liên quan, cơ sở khám bệnh"
            group = not closed and (
                opened_group
                or bool(re.search(r"(?:^|\s)(?:các|Các|những)\s", current))
                or bool(_PLACE_LEVEL_END.search(current) and _PLACE_LEVEL_START.match(piece))
            )
            generic = (
                is_generic_continuation(piece)
                or (
                    group
                    and (
                        piece[:1].islower()
                        or bool(_RELATED_KIND.match(piece))
                        # "Các Sở, Ban, Ngành": the categories capitalised, still one group
                        or is_generic_continuation(piece[:1].lower() + piece[1:])
                    )
                    and not re.match(r"(?:các|những)\s", piece)
                )
            )
            # "… và cơ quan, tổ chức liên quan" closing a list is an item of its own
            related_tail = "và" in sep and closes_list and _opens_group(piece)
            title = _head_of(piece) in _TITLES
            if _FIELD_LIST.search(current) and piece.lower() in body_heads():
                current = f"{current}, {piece}"  # "… lĩnh vực Hành chính, Văn phòng": a field
                continue
            if (
                closed
                or related_tail
                or title
                or (generic and not group)
                or (looks_like_body(piece) and not generic)
            ):
                out.append(current.strip())
                current = piece
                opened_group = _opens_group(piece) or bool(_TITLE_OVER_GROUP.match(piece))
            else:
                joiner = f"{sep.rstrip()} " if "," in sep else sep
                current = f"{current}{joiner}{piece}"
        out.append(current.strip())
    cleaned = (_clean_name(b).translate(_UNSHIELD) for b in out)
    return tuple(name for name in cleaned if name)


_PARENTHESIS = re.compile(r"\s*\([^()]{0,300}\)")
#: One office serving two councils: "Văn phòng HĐND và UBND huyện", "Văn phòng Đoàn
#: ĐBQH và HĐND tỉnh" — its "và" joins the councils it serves, not two bodies.
_COUNCIL = (
    r"(?:HĐND|UBND|Hội đồng nhân dân|Ủy ban nhân dân|Uỷ ban nhân dân|Đoàn ĐBQH|"
    r"Đoàn đại biểu Quốc hội)"
)
_JOINT_OFFICE = re.compile(rf"\bVăn phòng\s+{_COUNCIL}\s+và\s+{_COUNCIL}\b")
_SHIELDED_AND = " \ue004 "
#: A parenthesis that belongs to the name as written: an abbreviation ("(VCCI)",
#: "(Sở KH&CN)") or the unit that does the work ("Văn phòng UBND tỉnh (Trung tâm
#: Thông tin)"). Qualifiers start in lower case ("(đối với …)", "(chủ trì)") or
#: name a role ("(Cơ quan thường trực Ban Chỉ đạo)").
_NAMING_PARENTHESIS = re.compile(r"(?<=\S)\s\((?=[A-ZĐÀ-Ỹ])(?P<inner>[^()]{1,120})\)")
_ROLE_WORDS = re.compile(r"(?i)\b(?:thường trực|chủ trì|đầu mối|phối hợp|tham mưu|giúp việc)\b")
_SHIELD = str.maketrans({",": "\ue000", ";": "\ue001", "(": "\ue002", ")": "\ue003"})
_UNSHIELD = str.maketrans(
    {"\ue000": ",", "\ue001": ";", "\ue002": "(", "\ue003": ")", "\ue004": "và"}
)


@lru_cache(maxsize=1)
def _compound_pattern() -> re.Pattern[str]:
    """The names of ``compound_bodies.txt``, longest first, "Ủy"/"Uỷ" alike."""
    names = sorted(_data_lines("compound_bodies.txt"), key=len, reverse=True)
    alt = "|".join(re.escape(n).replace("Ủy", "(?:Ủy|Uỷ)").replace(r"\ ", r"\s+") for n in names)
    return re.compile(rf"(?<!\w)(?:{alt})(?!\w)", re.IGNORECASE)


def _shield_compounds(text: str) -> str:
    """One body's name joined by "và" ("Đảng ủy Mặt trận Tổ quốc và các đoàn thể tỉnh",
    "Văn phòng HĐND và UBND huyện"), its "và" hidden from the list splitting (restored
    by ``_UNSHIELD``)."""
    for pattern in (_compound_pattern(), _JOINT_OFFICE):
        text = pattern.sub(lambda m: re.sub(r"\s+và\s+", _SHIELDED_AND, m.group(0)), text)
    return text


def _shield(m: re.Match[str]) -> str:
    """The naming parenthesis, its punctuation hidden from the list splitting."""
    inner = m.group("inner").strip()
    pieces = [x.strip() for x in re.split(r"[,;]", inner) if x.strip(" .…")]
    acronym = bool(re.fullmatch(r"[A-ZĐ][A-ZĐ0-9&\-./ ]{1,15}", inner))
    role = _ROLE_WORDS.search(inner)  # "(Cơ quan thường trực Ban Chỉ đạo)": a role
    named = bool(pieces) and all(looks_like_body(x) for x in pieces)
    if role or not (acronym or named):
        return m.group(0)
    return f" ({inner})".translate(_SHIELD)


# "… có liên quan thẩm định …" ends at "liên quan"; "… có liên quan thuộc Bộ X" is
# still the name (the spec keeps names as written)
_ENDS_AT_RELATED = re.compile(r"^(.*?\b(?:có )?liên quan)\s+(?!(?:trực )?thuộc\s)\S.*$")


_TIGHT_DASH = re.compile(r"(?<=[a-zà-ỹđ])\s?[-–]\s?(?=[a-zà-ỹđ])|(?<=[a-zà-ỹđ])\s[-–](?=[a-zà-ỹđ])")


def _clean_name(name: str) -> str:
    name = re.sub(r"\s+", " ", name).strip(" .,;:-–/")
    # "chính trị-xã hội" (OCR, hurried typing) is written "chính trị - xã hội"
    name = _TIGHT_DASH.sub(" - ", name)
    related = _ENDS_AT_RELATED.match(name)
    if related:
        name = related.group(1)  # "các cơ quan có liên quan thẩm định …" ends at "liên quan"
    name = re.sub(r"^(?:và|cùng|với)\s+", "", name)
    name = _TRAILING_JUNK.sub("", name).strip(" .,;:")
    return re.sub(r"\s+(?:và|cùng|với)$", "", name)  # "… các Bộ, ngành và [verb …]"


def verb_positions(text: str, limit: int = 12) -> list[int]:
    """Start of each verb that may end a subject, in order (at most ``limit``)."""
    out: list[int] = []
    start = 0
    while len(out) < limit:
        end = find_subject_end(text, start)
        if end >= len(text):
            break
        out.append(end)
        start = end + 1
    return out


def find_subject_end(text: str, start: int = 0) -> int:
    """Index where the bodies a clause opens with end (at the first verb)."""
    for m in _verb_pattern().finditer(text, start):
        if (
            m.group(0) == "tổ chức"
            and _NOUN_BEFORE.search(text[max(0, m.start() - 12) : m.start()])
            and not _ACTIVITY_AFTER.match(text, m.end())
        ):
            continue
        if m.group(0) == "trình" and text[max(0, m.start() - 7) : m.start()].lower().endswith(
            "chương "
        ):
            continue
        if m.group(0) == "tạo" and text[max(0, m.start() - 4) : m.start()] in ("Đào ", "đào "):
            continue  # "Sở Giáo dục và Đào tạo"
        if _NAME_COMPOUND_BEFORE.search(text[max(0, m.start() - 12) : m.start()]):
            continue  # "Trung tâm Xúc tiến đầu tư", "Ban Quản lý dự án đầu tư xây dựng"
        if _FIELD_BEFORE.search(text[max(0, m.start() - 12) : m.start()]):
            continue  # "phụ trách lĩnh vực giám sát": the field an officer covers
        if (
            m.group(0) == "xây dựng"
            and re.search(r"\bban\s*$", text[max(0, m.start() - 5) : m.start()], re.I)
            and re.match(r"\s+[Đđ]ảng\b", text[m.end() :])
        ):
            continue  # "các ban xây dựng Đảng Tỉnh ủy": the party's boards, one body
        if (
            m.group(0) == "lãnh đạo"
            and re.search(r",\s*$", text[max(0, m.start() - 3) : m.start()])
            and looks_like_body(text[m.start() : m.start() + 80])
        ):
            continue  # "…, lãnh đạo các cơ quan thuộc Ủy ban, …": the leaders, one more body
        if m.group(0) in ("tham mưu", "giúp") and _ADVISORY_ORGAN.search(
            text[max(0, m.start() - 24) : m.start()]
        ):
            continue  # "các cơ quan tham mưu, giúp việc Tỉnh ủy" is one body
        return m.start()
    return len(text)


_SUBJECT_BOUNDARY = re.compile(r"[.:(]|\s[-–]\s(?=[A-ZĐ])|\slà\s")
#: the second field of a post or a department joined by a dash, not a new clause:
#: "công chức Văn phòng - Thống kê", "Phòng Tài chính - Kế hoạch", "Sở Lao động -
#: Thương binh và Xã hội" (a clause after a dash runs on: "Sở Y tế - Cơ quan thường trực …")
_FIELD_AFTER_DASH = re.compile(
    r"[A-ZĐ][a-zà-ỹđ]*(?:\s+[a-zà-ỹđ]+)?(?=\s*(?:$|[-–,;]|\s(?:và|chủ trì|là)\s))"
)


def take_bodies(text: str) -> list[str]:
    """The bodies ``text`` opens with, or [] when it does not open with a body."""
    return list(_take_bodies(text))


@lru_cache(maxsize=4096)
def _take_bodies(text: str) -> tuple[str, ...]:
    """The bodies ``text`` opens with, or [] when it does not open with a body."""
    text = text.strip()
    if not looks_like_body(text[:80]):
        return ()
    end = find_subject_end(text)
    head = text[:end]
    # a sentence or clause boundary before the verb ends the subject too
    cut = next(
        (m for m in _SUBJECT_BOUNDARY.finditer(head) if not _FIELD_AFTER_DASH.match(head, m.end())),
        None,
    )
    if cut:
        head = head[: cut.start()]
    bodies = split_bodies(head)
    if not bodies or not looks_like_body(bodies[0]):
        return ()
    return tuple(b for b in bodies if looks_like_body(b))
