"""A small scanned plan made for the tests: lines of fictional text drawn
with DejaVu Sans on white page images, saved as an image-only PDF."""

from __future__ import annotations

from pathlib import Path

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")

#: One list of lines per page (fictional plan of a fictional commune).
PAGES = [
    [
        "ỦY BAN NHÂN DÂN XÃ HÒA LÂM",
        "Số: 17/KH-UBND",
        "KẾ HOẠCH",
        "Trồng cây xanh trên địa bàn xã năm 2025",
        "I. NHIỆM VỤ",
    ],
    [
        "1. Giao Phòng Kinh tế chủ trì trồng cây",
        "ven các tuyến đường liên thôn.",
        "Thời gian hoàn thành: tháng 6 năm 2025.",
    ],
    [
        "2. Giao Văn phòng xã tổng hợp kết quả",
        "báo cáo Ủy ban nhân dân xã.",
        "Thời gian hoàn thành: tháng 12 năm 2025.",
    ],
]


def scanned_plan_pdf(folder: Path, pages: list[list[str]] | None = None) -> Path:
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(str(FONT), 44)
    images = []
    for lines in pages or PAGES:
        image = Image.new("L", (1800, 160 + 90 * len(lines)), 255)
        draw = ImageDraw.Draw(image)
        for row, line in enumerate(lines):
            draw.text((100, 80 + 90 * row), line, font=font, fill=0)
        images.append(image)
    path = folder / "ke-hoach-quet.pdf"
    images[0].save(path, "PDF", resolution=300.0, save_all=True, append_images=images[1:])
    return path
