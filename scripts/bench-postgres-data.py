#!/usr/bin/env python3
"""Real-derived memory for scripts/bench-postgres.sh: the en→uk units of the system's Ukrainian catalogs (po2tmx
output) grown to N units. Copy 0 of each unit is the catalog's own pair; later copies are edited the way a newsroom
memory varies (a word dropped, two neighbours swapped, a word from another unit added, a number changed), both
sides alike, so the vocabulary and sentence lengths stay those of real text. Also writes QUERIES queries: stored
sources with one such edit (most have fuzzy matches) and one in ten real sources never stored edited twice.

    bench-postgres-data.py ALL.tmx UNITS OUT.tmx QUERIES OUT.txt
"""
import html
import random
import re
import sys

source_tmx, units, out_tmx, query_count, out_queries = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4]), sys.argv[5]
text = open(source_tmx, encoding="utf-8").read()
pairs = []
for tu in re.finditer(r"<tu\b.*?</tu>", text, re.S):
    segs = dict(re.findall(r'<tuv xml:lang="([^"]+)">\s*<seg>(.*?)</seg>', tu.group(0), re.S))
    en, uk = segs.get("en"), segs.get("uk")
    if en and uk and "\n" not in en and len(en.split()) >= 2:
        pairs.append((html.unescape(en), html.unescape(uk)))
random.seed(14)
random.shuffle(pairs)
held_out = pairs[: max(1, len(pairs) // 20)]
pairs = pairs[len(held_out):]


def edit(words, other):
    words = list(words)
    kind = random.randrange(4)
    if kind == 0 and len(words) > 2:
        del words[random.randrange(len(words))]
    elif kind == 1 and len(words) > 2:
        i = random.randrange(len(words) - 1)
        words[i], words[i + 1] = words[i + 1], words[i]
    elif kind == 2:
        words.insert(random.randrange(len(words) + 1), random.choice(other))
    else:
        words.append(str(random.randrange(2, 2100)))
    return words


def esc(value):
    return html.escape(value, quote=False)


with open(out_tmx, "w", encoding="utf-8") as out:
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="en" creationtool="bench" '
              'creationtoolversion="1" segtype="sentence" datatype="plaintext" adminlang="en" o-tmf="po2tmx"/><body>\n')
    stored = []
    for index in range(units):
        en, uk = pairs[index % len(pairs)]
        if index >= len(pairs):
            other_en, other_uk = random.choice(pairs)
            en = " ".join(edit(en.split(), other_en.split()))
            uk = " ".join(edit(uk.split(), other_uk.split()))
        if index % 97 == 0:
            stored.append(en)
        out.write(f'<tu tuid="b{index}"><tuv xml:lang="en"><seg>{esc(en)}</seg></tuv>'
                  f'<tuv xml:lang="uk"><seg>{esc(uk)}</seg></tuv></tu>\n')
    out.write("</body></tmx>\n")

with open(out_queries, "w", encoding="utf-8") as out:
    for index in range(query_count):
        if index % 10 == 9:
            words = edit(edit(random.choice(held_out)[0].split(), ["news"]), ["today"])
        else:
            words = edit(random.choice(stored).split(), random.choice(pairs)[0].split())
        out.write(" ".join(words).replace("\r", " ") + "\n")
