#!/usr/bin/env python3
"""Keeps the first N <tu> of a TMX file (streamed line by line; po2tmx writes one tag per line) and drops the
DOCTYPE line, which names a DTD Tlumach never loads. Usage: tmx-head.py N in.tmx out.tmx"""
import sys

limit, source, target = int(sys.argv[1]), sys.argv[2], sys.argv[3]
units = 0
with open(source, encoding="utf-8") as inp, open(target, "w", encoding="utf-8") as out:
    inside = False
    for line in inp:
        stripped = line.lstrip()
        if stripped.startswith("<!DOCTYPE"):
            continue
        if stripped.startswith("<tu ") or stripped.startswith("<tu>"):
            if units == limit:
                inside = None  # skip the rest of the body
            else:
                inside = True
        if inside is None:
            if stripped.startswith("</body>"):
                inside = False
            else:
                continue
        out.write(line)
        if stripped.startswith("</tu>") and inside:
            units += 1
            inside = False
print(f"{target}: {units} units", file=sys.stderr)
