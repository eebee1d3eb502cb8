"""A fictional parse result (the JSON contract of docs/extraction-spec.md)
for import tests that do not need the parser: Kế hoạch 45/KH-UBND of the
fictional province Hòa Lâm, carrying out Chương trình 12-CTr/TU."""

from __future__ import annotations

import copy
from typing import Any

_RESULT: dict[str, Any] = {
    "source": "ke-hoach-45.docx",
    "restored": False,
    "document": {
        "kind": "ke_hoach",
        "number": "45/KH-UBND",
        "issuer": "Ủy ban nhân dân tỉnh Hòa Lâm",
        "issuer_type": "government",
        "level": "province",
        "place": "Hòa Lâm",
        "date": "2025-03-10",
        "title": "Thực hiện Chương trình số 12-CTr/TU về công tác dân vận",
        "implements": ["12-CTr/TU", "43-NQ/TW"],
        "references": ["12-CTr/TU", "43-NQ/TW", "09/2019/NĐ-CP"],
    },
    "focal_agency": "Sở Nội vụ",
    "reporting": [
        {
            "from": "Các sở, ban, ngành tỉnh; UBND các huyện, thị xã, thành phố",
            "to": "UBND tỉnh",
            "via": "Sở Nội vụ",
            "recurrence": "annual",
            "due": "12-10",
        }
    ],
    "outline": [
        {"path": "I", "label": "I", "heading": "MỤC ĐÍCH, YÊU CẦU", "children": []},
        {
            "path": "II",
            "label": "II",
            "heading": "NHIỆM VỤ, GIẢI PHÁP",
            "children": [
                {"path": "II.1", "label": "1", "heading": "Tuyên truyền", "children": []},
                {"path": "II.2", "label": "2", "heading": "Rà soát thể chế", "children": []},
                {
                    "path": "II.3",
                    "label": "3",
                    "heading": "Đối thoại với Nhân dân",
                    "children": [
                        {"path": "II.3.a", "label": "a", "heading": "", "children": []},
                        {"path": "II.3.b", "label": "b", "heading": "", "children": []},
                    ],
                },
            ],
        },
    ],
    "tasks": [
        {
            "path": "II.1",
            "section": "NHIỆM VỤ, GIẢI PHÁP",
            "text": "Đẩy mạnh tuyên truyền về công tác dân vận trên báo chí địa phương",
            "lead": ["Sở TT&TT"],
            "coordinating": ["Sở Tư pháp"],
            "implementing": [],
            "timing": "thường xuyên",
        },
        {
            "path": "II.2",
            "section": "NHIỆM VỤ, GIẢI PHÁP",
            "text": "Rà soát các văn bản quy phạm pháp luật về dân chủ ở cơ sở",
            "lead": ["Giám đốc Sở Tư pháp"],
            "coordinating": ["Sở Thông tin và Truyền thônq"],
            "implementing": [],
            "timing": "Quý II/2025",
        },
        {
            "path": "II.3.a",
            "section": "NHIỆM VỤ, GIẢI PHÁP",
            "text": "Tổ chức hội nghị đối thoại giữa người đứng đầu cấp ủy với Nhân dân",
            "lead": [],
            "coordinating": [],
            "implementing": ["UBND các huyện, thị xã, thành phố"],
            "timing": "hằng năm",
        },
        {
            "path": "II.3.b",
            "section": "NHIỆM VỤ, GIẢI PHÁP",
            "text": "Xây dựng mô hình dân vận khéo tại khu dân cư",
            "lead": ["Trung tâm Phát triển cộng đồng Hòa Lâm"],
            "coordinating": [],
            "implementing": [],
            "timing": "2025-06-30",
        },
    ],
    "warnings": [],
}


def parse_result(**changes: Any) -> dict[str, Any]:
    """A fresh copy of the fictional result, with top-level or document fields changed."""
    result = copy.deepcopy(_RESULT)
    for key, value in changes.items():
        if key in result["document"]:
            result["document"][key] = value
        else:
            result[key] = value
    return result
