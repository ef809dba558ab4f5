#!/usr/bin/env python3
# Usage: scripts/leverage-agreement.py INPUT_DIR OUTPUT_DIR (after scripts/bench-leverage.sh; needs translate-toolkit).
# Compares pretranslated msgstrs with the catalogs' own translations, per kind of fill; prints a random sample.
import random, sys, glob, os, re
from translate.storage import factory
inp, out = sys.argv[1], sys.argv[2]
stats = {}
samples = []
for path in sorted(glob.glob(os.path.join(out, "*.po"))):
    name = os.path.basename(path)
    orig = {(u.getcontext(), u.source): u.target for u in factory.getobject(os.path.join(inp, name)).units if not u.isheader()}
    for u in factory.getobject(path).units:
        if u.isheader() or u.hasplural(): continue
        notes = u.getnotes("translator") or ""
        m = re.search(r"tlumach: (\S+)", notes)
        if not m: continue
        kind = m.group(1)
        kind = {"101%": "context", "100%": "exact/adapted"}.get(kind, "fuzzy" if kind.endswith("%") else kind)
        if "repetition" in notes: kind = "repetition"
        o = orig.get((u.getcontext(), u.source))
        same = o == u.target
        s = stats.setdefault(kind, [0, 0]); s[0] += 1; s[1] += same
        samples.append((kind, name, u.source, u.target, o, same))
for k, (n, same) in sorted(stats.items()):
    print(f"{k}: {n} fills, {same} identical to the catalog's own translation ({100*same/max(1,n):.1f}%)")
random.seed(16)
for kind in ["context", "exact/adapted", "fuzzy"]:
    pool = [s for s in samples if s[0] == kind and not s[5]]
    print(f"\n== {kind}: 8 random fills that differ from the catalog ==")
    for s in random.sample(pool, min(8, len(pool))):
        print(f"[{s[1]}] src: {s[2]!r}\n   fill: {s[3]!r}\n   orig: {s[4]!r}")
