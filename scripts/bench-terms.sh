#!/usr/bin/env bash
# `tlumach glossary extract` against eflomal's word alignment alone (both directions), on the same real corpus,
# side by side in one run: every installed Ukrainian gettext catalog (UI strings, ≈ 60k pairs), turned into one TSV.
# Reports CPU time (user+sys) and peak memory of each, their ratio, and the load average. Needs msgunfmt, python3,
# pip eflomal (eflomal-align), and a release build (swift build -c release --product tlumach).
# Usage: scripts/bench-terms.sh [runs, default 3]
set -euo pipefail
runs=${1:-3}
here=$(cd "$(dirname "$0")/.." && pwd)
tlumach="$here/.build/release/tlumach"
work=${TERMS_BENCH_WORK:-/tmp/terms-bench}
mkdir -p "$work/po"
[ -x "$tlumach" ] || { echo "build first: swift build -c release --product tlumach" >&2; exit 2; }
command -v eflomal-align >/dev/null || { echo "pip install eflomal" >&2; exit 2; }

# Corpus: all catalogs, translated singular non-fuzzy entries; the TSV for tlumach, tokenised lines for eflomal.
python3 - "$work" "$here/scripts/eval-terms.py" <<'EOF'
import glob, os, re, subprocess, sys, importlib.util
work, evaluator = sys.argv[1], sys.argv[2]
spec = importlib.util.spec_from_file_location("evalterms", evaluator)
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)
units = []
for mo in sorted(glob.glob("/usr/share/locale/uk/LC_MESSAGES/*.mo")):
    name = os.path.basename(mo)[:-3]
    po = os.path.join(work, "po", name + ".po")
    if not os.path.exists(po):
        subprocess.run(["msgunfmt", mo, "-o", po], check=True, stderr=subprocess.DEVNULL)
    for index, (_, source, target) in enumerate(module.po_units(po)):
        units.append((f"{name}:{index + 1}", source, target))
with open(os.path.join(work, "all.tsv"), "w", encoding="utf-8") as tsv, \
        open(os.path.join(work, "all.en"), "w", encoding="utf-8") as en, \
        open(os.path.join(work, "all.uk"), "w", encoding="utf-8") as uk, \
        open(os.path.join(work, "all.tmx"), "w", encoding="utf-8") as tmx:
    from xml.sax.saxutils import escape
    tmx.write('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="bench-terms" '
              'creationtoolversion="1" segtype="sentence" o-tmf="none" adminlang="en" srclang="en" datatype="plaintext"/><body>\n')
    tsv.write("id\ten\tuk\n")
    for uid, source, target in units:
        tsv.write("\t".join('"' + f.replace('"', '""') + '"' for f in (uid, source, target)) + "\n")
        # eflomal reads whitespace-tokenised text: words and punctuation apart, lower case.
        en.write(" ".join(re.findall(r"\w+|[^\w\s]", source.lower())) + "\n")
        uk.write(" ".join(re.findall(r"\w+|[^\w\s]", target.lower())) + "\n")
        clean = lambda t: escape("".join(c for c in t if c in "\t\n" or ord(c) >= 32))
        tmx.write(f'<tu tuid="{escape(uid)}"><tuv xml:lang="en"><seg>{clean(source)}</seg></tuv>'
                  f'<tuv xml:lang="uk"><seg>{clean(target)}</seg></tuv></tu>\n')
    tmx.write("</body></tmx>\n")
print(f"{len(units)} pairs", file=sys.stderr)
EOF

measure() {  # label, command…: prints "label user+sys maxrss_kb"
    local label=$1; shift
    /usr/bin/time -f "%U %S %M %e" -o "$work/time.txt" "$@" >/dev/null 2>"$work/$label.err"
    read -r user sys rss wall < "$work/time.txt"
    echo "$label $(echo "$user + $sys" | bc) $rss $wall"
}

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for run in $(seq "$runs"); do
    measure tlumach "$tlumach" glossary extract "$work/all.tsv" --format json --output "$work/extract.json"
    measure eflomal eflomal-align --overwrite -s "$work/all.en" -t "$work/all.uk" -f "$work/fwd.links" -r "$work/rev.links"
done | tee "$work/times.txt"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
awk '{cpu[$1] += $2; n[$1]++; if ($3 > rss[$1]) rss[$1] = $3}
     END { for (k in cpu) printf "%s: mean CPU %.2f s, peak RSS %.0f MB\n", k, cpu[k]/n[k], rss[k]/1024;
           printf "ratio tlumach/eflomal (CPU): %.2f\n", (cpu["tlumach"]/n["tlumach"]) / (cpu["eflomal"]/n["eflomal"]) }' "$work/times.txt"

# Query mode on a stored memory: one term per process, CPU and wall time of the whole process.
if [ ! -s "$work/all.tmdb" ]; then
    "$tlumach" tm import "$work/all.tmx" --tm "$work/all.tmdb" --source-lang en --target-lang uk >/dev/null 2>&1
fi
for term in Finnish file keyboard Ukraine password; do
    /usr/bin/time -f "%U %S %e" -o "$work/time.txt" "$tlumach" glossary suggest --tm "$work/all.tmdb" "$term" --format tsv > "$work/suggest.out"
    read -r user sys wall < "$work/time.txt"
    echo "suggest --tm \"$term\": CPU $(echo "$user + $sys" | bc) s, wall $wall s, top: $(head -1 "$work/suggest.out" | cut -f3)"
done
