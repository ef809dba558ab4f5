#!/usr/bin/env python3
"""Tlumach's fuzzy scores and analysis bands side by side with OmegaT's, on real catalogs, in one run.

Usage: python3 scripts/compare-omegat.py --tlumach BIN [--work DIR] [--queries 1500]

Needs msgunfmt, a JDK (javac, java) and OmegaT's jar (Debian: `apt-get install omegat`, /usr/share/omegat/OmegaT.jar;
OMEGAT_JAR overrides). The memory is the system's Ukrainian gettext catalogs (reviewed translations nobody here
wrote) but every fifth, whose sources are the queries (new text against an existing memory), in both directions
(en→uk: msgids; uk→en: msgstrs). OmegaT's scores come from its own classes (scripts/omegat/FuzzyScores.java);
Tlumach's from `tm search --batch` and `analyze` on the same memory, imported from TMX. Prints:
- how often both tools find a match, and whether their best match is the same unit (or ties with OmegaT's best);
- over the pairs both list in their top five, how often Tlumach's `score` (truncated, as OmegaT prints it) equals
  OmegaT's no-stem score and its `stemScore` OmegaT's (stem) score, with the kinds of text where they differ;
- the analysis bands (OmegaT's statistics take the best "adjusted" score, every token counted, of its top five).
"""
import argparse, collections, html, importlib.util, json, math, os, random, re, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("eval_terms", os.path.join(HERE, "eval-terms.py"))
eval_terms = importlib.util.module_from_spec(spec)
spec.loader.exec_module(eval_terms)


def catalogs(work):
    folder = "/usr/share/locale/uk/LC_MESSAGES"
    out = []
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".mo"):
            continue
        po = os.path.join(work, name[:-3] + ".po")
        if not os.path.exists(po):
            done = subprocess.run(["msgunfmt", os.path.join(folder, name), "-o", po], stderr=subprocess.DEVNULL)
            if done.returncode != 0 or not os.path.exists(po):
                continue
        out.append(po)
    return out


def units(paths):
    pairs = []
    for path in paths:
        for _, source, target in eval_terms.po_units(path):
            source, target = source.strip(), target.strip()
            if source and target and len(source) <= 300:
                pairs.append((source, target))
    return pairs


def write_tmx(pairs, source_lang, target_lang, path):
    with open(path, "w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="compare-omegat" '
                  f'creationtoolversion="1" segtype="sentence" o-tmf="po" adminlang="en" srclang="{source_lang}" '
                  'datatype="plaintext"/><body>\n')
        for source, target in pairs:
            out.write(f'<tu><tuv xml:lang="{source_lang}"><seg>{html.escape(source, False)}</seg></tuv>'
                      f'<tuv xml:lang="{target_lang}"><seg>{html.escape(target, False)}</seg></tuv></tu>\n')
        out.write("</body></tmx>\n")


def kind_of(query, source):
    text = query + " " + source
    if re.search(r"\d", text):
        return "a word with digits (OmegaT leaves it out)"
    if re.search(r"\w-\w", text):
        return "a hyphenated word (one token in OmegaT)"
    if re.search(r"['’ʼ`]", text):
        return "an apostrophe (OmegaT 3.6 splits at ’)"
    if re.search(r"[%$]|\{", text):
        return "a placeholder"
    return "other"


def band(score):
    for low, name in ((95, "95–100"), (85, "85–94"), (75, "75–84"), (50, "50–74")):
        if score >= low:
            return name
    return "no match"


def run(direction, memory_pairs, query_texts, args, jar, classes):
    source_lang, target_lang = direction
    work = os.path.join(args.work, f"{source_lang}-{target_lang}")
    os.makedirs(work, exist_ok=True)
    seen, memory = set(), []
    for pair in memory_pairs:
        if pair not in seen:
            seen.add(pair)
            memory.append(pair)
    tmx, sources, queries = (os.path.join(work, name) for name in ("memory.tmx", "memory.txt", "queries.txt"))
    write_tmx(memory, source_lang, target_lang, tmx)
    with open(sources, "w", encoding="utf-8") as out:
        out.write("".join(source + "\n" for source, _ in memory))
    with open(queries, "w", encoding="utf-8") as out:
        out.write("".join(query + "\n" for query in query_texts))
    store = os.path.join(work, "memory.tmdb")
    if os.path.exists(store):
        os.remove(store)
    subprocess.run([args.tlumach, "tm", "import", tmx, "--tm", store], check=True, stdout=subprocess.DEVNULL)
    found = subprocess.run([args.tlumach, "tm", "search", "--tm", store, "--min", "30", "--limit", "5", "--format",
                            "json", "--batch", queries], check=True, capture_output=True, text=True).stdout
    ours = [[(m["source"], m["stemScore"], m["score"]) for m in json.loads(line)["matches"]]
            for line in found.splitlines()]
    table = os.path.join(work, "queries.tsv")
    with open(table, "w", encoding="utf-8") as out:
        out.write("source\ttarget\n" + "".join(query.replace("\t", " ") + "\t\n" for query in query_texts))
    analysis = json.loads(subprocess.run([args.tlumach, "analyze", table, "--tm", store, "--format", "json"],
                                         check=True, capture_output=True, text=True).stdout)
    scores = subprocess.run(["java", "-cp", f"{jar}:{classes}", "FuzzyScores", source_lang, sources, queries],
                            check=True, capture_output=True, text=True).stdout
    theirs = collections.defaultdict(list)
    for line in scores.splitlines():
        query, _, line_number, score, no_stem, adjusted = map(int, line.split("\t"))
        theirs[query].append((memory[line_number][0], score, no_stem, adjusted))

    n = len(query_texts)
    both = [q for q in range(n) if ours[q] and theirs[q]]
    print(f"\n## {source_lang}→{target_lang}: {len(memory)} memory units, {n} queries")
    print(f"a match (≥ 30) from both: {len(both)}; from neither: {sum(1 for q in range(n) if not ours[q] and not theirs[q])}; "
          f"OmegaT only: {sum(1 for q in range(n) if theirs[q] and not ours[q])}; Tlumach only: "
          f"{sum(1 for q in range(n) if ours[q] and not theirs[q])}")
    same = sum(1 for q in both if ours[q][0][0] == theirs[q][0][0])
    tied = sum(1 for q in both if ours[q][0][0] != theirs[q][0][0]
               and any(s == ours[q][0][0] and score == theirs[q][0][1] for s, score, _, _ in theirs[q]))
    print(f"best match: the same unit {same} ({same / len(both):.3f}); another unit tied with OmegaT's best {tied}; "
          f"together {(same + tied) / len(both):.3f}")
    pairs = equal_words = equal_stems = 0
    diff_words, diff_stems, kinds = [], [], collections.Counter()
    for q in both:
        mine = {s: (math.floor(stem + 1e-9), math.floor(word + 1e-9)) for s, stem, word in ours[q]}
        for source, score, no_stem, _ in theirs[q]:
            if source not in mine:
                continue
            pairs += 1
            stem, word = mine[source]
            equal_words += word == no_stem
            equal_stems += stem == score
            diff_words.append(abs(word - no_stem))
            diff_stems.append(abs(stem - score))
            if word != no_stem:
                kinds[kind_of(query_texts[q], source)] += 1
    print(f"pairs in both top fives: {pairs}; Tlumach score = OmegaT no-stem score: {equal_words} ({equal_words / pairs:.3f}, "
          f"mean |difference| {sum(diff_words) / pairs:.2f}); stemScore = OmegaT score: {equal_stems} "
          f"({equal_stems / pairs:.3f}, mean |difference| {sum(diff_stems) / pairs:.2f})")
    print("where score and no-stem score differ: " + "; ".join(f"{k} {v}" for k, v in kinds.most_common()))
    omegat_bands = collections.Counter(band(max((a for _, _, _, a in theirs[q]), default=0)) for q in range(n))
    bands = {name: figures["segments"] for name, figures in analysis["total"]["bands"].items()}
    print("analysis, segments per band: OmegaT " + ", ".join(f"{b} {omegat_bands[b]}" for b in
          ("95–100", "85–94", "75–84", "50–74", "no match")))
    print(f"                             Tlumach 95–100 {bands['context'] + bands['exact'] + bands['95-99']} (100 % "
          f"{bands['context'] + bands['exact']}), 85–94 {bands['85-94']}, 75–84 {bands['75-84']}, 50–74 "
          f"{bands['50-74']}, no match {bands['none']}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tlumach", required=True)
    parser.add_argument("--work", default=None)
    parser.add_argument("--queries", type=int, default=1500)
    args = parser.parse_args()
    jar = os.environ.get("OMEGAT_JAR", "/usr/share/omegat/OmegaT.jar")
    if not os.path.exists(jar):
        sys.exit(f"compare-omegat: no OmegaT jar at {jar} (Debian: apt-get install omegat; or set OMEGAT_JAR)")
    args.work = args.work or tempfile.mkdtemp(prefix="tlumach-omegat-")
    classes = os.path.join(args.work, "classes")
    os.makedirs(classes, exist_ok=True)
    subprocess.run(["javac", "-d", classes, "-cp", jar, os.path.join(HERE, "omegat", "FuzzyScores.java")], check=True)
    po = os.path.join(args.work, "po")
    os.makedirs(po, exist_ok=True)
    files = catalogs(po)
    query_files = files[::5]
    memory_files = [f for f in files if f not in query_files]
    memory_pairs = units(memory_files)
    new_pairs = units(query_files)
    print(f"catalogs: {len(memory_files)} in the memory, {len(query_files)} as new text; work folder {args.work}")
    for direction, pick in ((("en", "uk"), lambda p: p), (("uk", "en"), lambda p: (p[1], p[0]))):
        memory = [pick(p) for p in memory_pairs]
        texts = sorted({pick(p)[0] for p in new_pairs})
        random.Random(7).shuffle(texts)
        run(direction, memory, texts[:args.queries], args, jar, classes)


if __name__ == "__main__":
    main()
