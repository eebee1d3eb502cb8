"""Demo data: the fictional province Hòa Lâm, its people, one plan, two years
of reports. Written for theodoi; no text is taken from real documents."""
