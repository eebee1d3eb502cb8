"""The comparison key for body names, shared by storage and matching.

It is the text core's ``canonical_key`` (theodoi/text/bodies.py), so the
parser's output and the units stored here meet on the same key: "Sở TT&TT",
"Sở Thông tin và Truyền thông" and "sở thông tin và truyền thông" are one.
"""

from __future__ import annotations

import re

from theodoi.text.bodies import canonical_key

#: Titles that name a body through its head ("Giám đốc Sở Tư pháp"), and the
#: leading organs a party plan addresses a body through: its party group
#: ("Đảng đoàn HĐND tỉnh", "Ban cán sự đảng UBND tỉnh") or its standing
#: committee ("Ban Thường vụ Tỉnh đoàn", "Thường trực HĐND tỉnh") stand for
#: the body that carries the duty out and reports on it.
_HEAD_TITLES = re.compile(
    r"^(?:giam-doc|pho-giam-doc|thu-truong|chu-tich|pho-chu-tich|truong-ban|bi-thu|nguoi-dung-dau|"
    r"truong-phong|chanh-van-phong|tong-bien-tap|dang-doan|ban-can-su-dang|ban-thuong-vu|"
    r"thuong-truc)-"
)


def name_key(name: str) -> str:
    """Key of a body name: abbreviations expanded, case, tone and diacritics folded."""
    return canonical_key(name.replace("&amp;", "&"))[:255]


def body_key(name: str) -> str:
    """Key of a name as plans write it, without a leading head title."""
    return _HEAD_TITLES.sub("", name_key(name))
