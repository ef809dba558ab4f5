#!/usr/bin/env bash
# How noisy is `tlumach check` on real, reviewed catalogs? Converts the system's Ukrainian gettext catalogs
# (/usr/share/locale/uk/LC_MESSAGES/*.mo) to PO in /tmp, splits them into two sets (catalogs in name order,
# alternately: set A = 1st, 3rd, 5th…, set B = 2nd, 4th…) so no figure is tuned to one set, runs `tlumach check`
# from the project folder with the default configuration (shipped glossaries, then --no-glossary), and pofilter
# on the same files, and prints flagged units (error or warning) per 100 units, per check and overall.
#
#   scripts/check-noise.sh                 # release build (.build/release/tlumach), both sets
#   TLUMACH=.build/debug/tlumach scripts/check-noise.sh
#   NOISE_SAMPLE=50 scripts/check-noise.sh  # also print a seeded random sample of flagged units (seed 10, or NOISE_SEED) of
#                                           # each set and variant (AG1… with glossaries, AN1… without)
#   NOISE_SAMPLE=50 NOISE_SEED=11 NOISE_SETS=B scripts/check-noise.sh  # another seed; only set B
#   CATALOGS_C=/tmp/set-c NOISE_SETS="B C" scripts/check-noise.sh     # also set C: every *.mo under CATALOGS_C
#                                           # (catalogs of packages not installed here, see docs/check-evaluation.md;
#                                           # in a package tree only uk/LC_MESSAGES is read);
#                                           # CATALOGS_D … CATALOGS_Z likewise make sets D to Z, and
#                                           # CATALOGS_AA with NOISE_SETS=AA a set AA (any name)
#
# Nothing is written outside $NOISE_DIR (default /tmp/tlumach-noise); catalogs are never committed.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
TLUMACH=${TLUMACH:-$ROOT/.build/release/tlumach}
case $TLUMACH in /*) ;; *) TLUMACH=$ROOT/$TLUMACH ;; esac
NOISE_DIR=${NOISE_DIR:-/tmp/tlumach-noise}
CATALOGS=${CATALOGS:-/usr/share/locale/uk/LC_MESSAGES}
[ -x "$TLUMACH" ] || { echo "check-noise: $TLUMACH not built (swift build -c release --product tlumach)" >&2; exit 2; }
command -v msgunfmt >/dev/null || { echo "check-noise: msgunfmt (gettext) is needed" >&2; exit 2; }

mkdir -p "$NOISE_DIR/A" "$NOISE_DIR/B"
index=0
for mo in $(ls "$CATALOGS"/*.mo | sort); do
    name=$(basename "$mo" .mo)
    set=$([ $((index % 2)) -eq 0 ] && echo A || echo B)
    [ -s "$NOISE_DIR/$set/$name.po" ] || msgunfmt "$mo" -o "$NOISE_DIR/$set/$name.po" 2>/dev/null || rm -f "$NOISE_DIR/$set/$name.po"
    index=$((index + 1))
done
# Sets C to Z, and any other set named in NOISE_SETS (AA, AB…): every *.mo under CATALOGS_<set> (catalogs nobody
# tuned on).
for set in $(printf '%s\n' C D E F G H I J K L M N O P Q R S T U V W X Y Z ${NOISE_SETS:-} | sort -u); do
    folder_var=CATALOGS_$set
    folder=${!folder_var:-}
    [ -n "$folder" ] || continue
    mkdir -p "$NOISE_DIR/$set"
    # A package's tree holds every language's catalogs: only the Ukrainian ones (or loose .mo files) are taken.
    for mo in $(find "$folder" -name '*.mo' \( -path '*/uk/LC_MESSAGES/*' -o ! -path '*/LC_MESSAGES/*' \) | sort); do
        name=$(basename "$mo" .mo)
        [ -s "$NOISE_DIR/$set/$name.po" ] || msgunfmt "$mo" -o "$NOISE_DIR/$set/$name.po" 2>/dev/null || rm -f "$NOISE_DIR/$set/$name.po"
    done
done

for set in ${NOISE_SETS:-A B}; do
    cd "$ROOT"
    "$TLUMACH" check --format json "$NOISE_DIR/$set" > "$NOISE_DIR/$set.glossary.json" || [ $? -eq 1 ]
    "$TLUMACH" check --no-glossary --format json "$NOISE_DIR/$set" > "$NOISE_DIR/$set.noglossary.json" || [ $? -eq 1 ]
    # pofilter's result depends only on the catalogs: kept between runs (POFILTER_AGAIN=1 redoes it).
    if command -v pofilter >/dev/null && { [ ! -d "$NOISE_DIR/$set.pofilter" ] || [ -n "${POFILTER_AGAIN:-}" ]; }; then
        rm -rf "$NOISE_DIR/$set.pofilter"
        pofilter --progress=none --language=uk -i "$NOISE_DIR/$set" -o "$NOISE_DIR/$set.pofilter" 2>/dev/null || true
    fi
done

python3 - "$NOISE_DIR" "${NOISE_SAMPLE:-0}" "${NOISE_SEED:-10}" "${NOISE_SETS:-A B}" <<'PY'
import collections, glob, json, os, random, re, sys
root, sample, seed, sets = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4].split()

def tlumach(path):
    report = json.load(open(path))
    units = report["summary"]["units"]
    flagged, per_check = set(), collections.defaultdict(set)
    for f in report["findings"]:
        if f["severity"] in ("error", "warning"):
            # A PO unit's id can be its msgctxt alone ("keyboard label"): the source tells units apart.
            key = (f["file"], f["unit"], f["source"])
            flagged.add(key)
            per_check[f["check"]].add(key)
    return units, flagged, per_check, report["findings"]

def pofilter(folder):
    per_test, flagged = collections.defaultdict(set), set()
    for path in glob.glob(os.path.join(folder, "**", "*.po"), recursive=True):
        entry = []
        for block in open(path, encoding="utf-8", errors="replace").read().split("\n\n"):
            tests = re.findall(r"^# \(pofilter\) ([\w-]+):", block, re.M)
            msgid = re.search(r'^msgid "(.*)"', block, re.M)
            if not tests or not msgid: continue
            key = (os.path.basename(path), block[block.find("msgid"):][:200])
            flagged.add(key)
            for t in tests: per_test[t].add(key)
    return flagged, per_test

def per100(n, units): return f"{100.0 * n / units:5.2f}" if units else "  -  "

for set_name in sets:
    print(f"== set {set_name}: {len(glob.glob(os.path.join(root, set_name, '*.po')))} catalogs")
    for variant in ("glossary", "noglossary"):
        units, flagged, per_check, findings = tlumach(os.path.join(root, f"{set_name}.{variant}.json"))
        label = "shipped glossaries" if variant == "glossary" else "--no-glossary"
        print(f"tlumach ({label}): {units} units, {len(flagged)} flagged = {per100(len(flagged), units)} per 100")
        for check, keys in sorted(per_check.items(), key=lambda kv: -len(kv[1])):
            print(f"    {check:26} {len(keys):6}  {per100(len(keys), units)}")
        if sample:
            # The same seed for both variants: a reproducible sample of each.
            rng = random.Random(seed)
            by_unit = collections.defaultdict(list)
            for f in findings:
                if f["severity"] in ("error", "warning"): by_unit[(f["file"], f["unit"], f["source"])].append(f)
            keys = sorted(by_unit)
            for n, key in enumerate(rng.sample(keys, min(sample, len(keys))), 1):
                fs = by_unit[key]
                tag = "G" if variant == "glossary" else "N"
                print(f"  sample {set_name}{tag}{n}: {os.path.basename(key[0])}:{fs[0]['line']}")
                print(f"      source: {fs[0]['source'][:300]!r}")
                print(f"      target: {fs[0]['target'][:300]!r}")
                for f in fs: print(f"      [{f['check']}] {f['message'][:200]}")
    if os.path.isdir(os.path.join(root, f"{set_name}.pofilter")):
        flagged, per_test = pofilter(os.path.join(root, f"{set_name}.pofilter"))
        print(f"pofilter (default tests, --language=uk): {len(flagged)} flagged = {per100(len(flagged), units)} per 100")
        for test, keys in sorted(per_test.items(), key=lambda kv: -len(kv[1]))[:12]:
            print(f"    {test:26} {len(keys):6}  {per100(len(keys), units)}")
PY
