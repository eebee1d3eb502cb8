"""The organisation of the fictional province Hòa Lâm (41 units, 5 groups)."""

from __future__ import annotations

from dataclasses import dataclass, field

PROVINCE = "Hòa Lâm"


@dataclass(frozen=True)
class UnitSpec:
    code: str
    name: str
    kind: str
    level: str
    parent: str | None = None
    short_name: str = ""
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class GroupSpec:
    code: str
    name: str
    member_kinds: tuple[str, ...]
    within: str | None
    direct_children_only: bool = True
    members: tuple[str, ...] = ()
    aliases: tuple[str, ...] = field(default_factory=tuple)


_DEPARTMENTS = [
    ("so-noi-vu", "Sở Nội vụ", ""),
    ("so-tu-phap", "Sở Tư pháp", ""),
    ("so-tai-chinh", "Sở Tài chính", ""),
    ("so-xay-dung", "Sở Xây dựng", ""),
    ("so-vhttdl", "Sở Văn hóa, Thể thao và Du lịch", "Sở VHTTDL"),
    ("so-gddt", "Sở Giáo dục và Đào tạo", "Sở GD&ĐT"),
    ("so-y-te", "Sở Y tế", ""),
    ("so-tttt", "Sở Thông tin và Truyền thông", "Sở TT&TT"),
    ("so-nnmt", "Sở Nông nghiệp và Môi trường", "Sở NN&MT"),
    ("so-cong-thuong", "Sở Công Thương", ""),
    ("ban-dan-toc", "Ban Dân tộc tỉnh", ""),
    ("thanh-tra-tinh", "Thanh tra tỉnh", ""),
    ("van-phong-ubnd", "Văn phòng Ủy ban nhân dân tỉnh", "Văn phòng UBND tỉnh"),
]
_DISTRICTS = [
    (
        "tp-lam-giang",
        "thành phố Lâm Giang",
        [("phuong-bac-son", "phường Bắc Sơn"), ("xa-lam-phu", "xã Lâm Phú")],
    ),
    (
        "tx-ben-da",
        "thị xã Bến Đá",
        [("phuong-ben-da", "phường Bến Đá"), ("xa-an-thanh", "xã An Thạnh")],
    ),
    (
        "h-dong-son",
        "huyện Đông Sơn",
        [("xa-binh-an", "xã Bình An"), ("tt-dong-son", "thị trấn Đông Sơn")],
    ),
    (
        "h-tay-giang",
        "huyện Tây Giang",
        [("xa-tan-hoa", "xã Tân Hòa"), ("xa-suoi-may", "xã Suối Mây")],
    ),
    ("h-phu-my", "huyện Phú Mỹ", [("xa-my-loc", "xã Mỹ Lộc"), ("xa-phu-thuan", "xã Phú Thuận")]),
]
_PARTY = [
    ("ban-dan-van", "Ban Dân vận Tỉnh ủy"),
    ("ban-tuyen-giao", "Ban Tuyên giáo Tỉnh ủy"),
    ("ban-to-chuc", "Ban Tổ chức Tỉnh ủy"),
]
_FRONT_MEMBERS = [
    ("hoi-phu-nu", "Hội Liên hiệp Phụ nữ tỉnh", "Hội LHPN tỉnh"),
    ("tinh-doan", "Tỉnh đoàn Hòa Lâm", "Tỉnh đoàn"),
    ("hoi-nong-dan", "Hội Nông dân tỉnh", ""),
    ("hoi-ccb", "Hội Cựu chiến binh tỉnh", ""),
    ("ldld-tinh", "Liên đoàn Lao động tỉnh", "LĐLĐ tỉnh"),
]


def _units() -> list[UnitSpec]:
    units = [
        UnitSpec(
            "ubnd-tinh",
            f"Ủy ban nhân dân tỉnh {PROVINCE}",
            "government",
            "province",
            short_name="UBND tỉnh",
            aliases=("Ủy ban nhân dân tỉnh",),
        ),
    ]
    units += [
        UnitSpec(
            code, name, "department", "province", "ubnd-tinh", short, (short,) if short else ()
        )
        for code, name, short in _DEPARTMENTS
    ]
    units += [
        UnitSpec("cong-an-tinh", "Công an tỉnh", "armed_forces", "province", "ubnd-tinh"),
        UnitSpec(
            "bchqs-tinh",
            "Bộ Chỉ huy Quân sự tỉnh",
            "armed_forces",
            "province",
            "ubnd-tinh",
            "Bộ CHQS tỉnh",
            ("Bộ CHQS tỉnh",),
        ),
    ]
    for code, name, communes in _DISTRICTS:
        units.append(
            UnitSpec(
                f"ubnd-{code}",
                f"Ủy ban nhân dân {name}",
                "district",
                "district",
                "ubnd-tinh",
                f"UBND {name}",
            )
        )
        units += [
            UnitSpec(
                f"ubnd-{c_code}",
                f"Ủy ban nhân dân {c_name}",
                "commune",
                "commune",
                f"ubnd-{code}",
                f"UBND {c_name}",
            )
            for c_code, c_name in communes
        ]
    units.append(
        UnitSpec("tinh-uy", f"Tỉnh ủy {PROVINCE}", "party", "province", short_name="Tỉnh ủy")
    )
    units += [UnitSpec(code, name, "party", "province", "tinh-uy") for code, name in _PARTY]
    units.append(
        UnitSpec(
            "mttq-tinh",
            f"Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh {PROVINCE}",
            "front",
            "province",
            short_name="Ủy ban MTTQ tỉnh",
            aliases=("Ủy ban MTTQ Việt Nam tỉnh",),
        )
    )
    units += [
        UnitSpec(code, name, "front", "province", "mttq-tinh", short, (short,) if short else ())
        for code, name, short in _FRONT_MEMBERS
    ]
    return units


UNITS: list[UnitSpec] = _units()

GROUPS: list[GroupSpec] = [
    GroupSpec(
        "cac-so-nganh",
        "Các sở, ban, ngành tỉnh",
        ("department", "armed_forces"),
        "ubnd-tinh",
        aliases=("Các sở, ban, ngành", "Các cơ quan chuyên môn thuộc UBND tỉnh"),
    ),
    GroupSpec(
        "ubnd-cac-huyen",
        "UBND các huyện, thị xã, thành phố",
        ("district",),
        "ubnd-tinh",
        aliases=("Ủy ban nhân dân các huyện, thị xã, thành phố", "các địa phương"),
    ),
    GroupSpec(
        "ubnd-cac-xa",
        "UBND các xã, phường, thị trấn",
        ("commune",),
        "ubnd-tinh",
        direct_children_only=False,
    ),
    GroupSpec(
        "mttq-doan-the",
        "Ủy ban MTTQ và các tổ chức chính trị - xã hội tỉnh",
        ("front",),
        "mttq-tinh",
        members=("mttq-tinh",),
        aliases=("Mặt trận Tổ quốc và các đoàn thể tỉnh",),
    ),
    GroupSpec("ban-dang", "Các ban xây dựng Đảng Tỉnh ủy", ("party",), "tinh-uy"),
]
