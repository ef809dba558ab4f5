import re, sys
HEAD = {"DESCRIPTION", "ОПИС"}
def sections(path, names):
    lines = open(path, encoding='utf-8').read().split('\n')
    out = []; on = False; para = []
    for line in lines:
        if line and not line[0].isspace():
            if para: out.append(' '.join(para)); para = []
            on = line.strip() in names
            continue
        if not on: continue
        if not line.strip():
            if para: out.append(' '.join(para)); para = []
            continue
        para.append(line.strip())
    if para: out.append(' '.join(para))
    return out
def sentences(par):
    par = re.sub(r'\s+', ' ', par)
    parts = re.split(r'(?<=[.?!])\s+(?=[«"(A-ZА-ЯІЇЄҐ])', par)
    return [p for p in parts if p]
path, = sys.argv[1:]
for p in sections(path, HEAD):
    for s in sentences(p): print(s)
