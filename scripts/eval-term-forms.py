#!/usr/bin/env python3
"""How precisely the glossary engine finds Ukrainian (or Russian) terms through inflection, judged by a real dictionary.

Usage: python3 scripts/eval-term-forms.py --tlumach BIN [--lang uk|ru] [--glossary glossaries/news-war.yaml] [--verbose]

Needs, for uk, Debian's wukrainian (/usr/share/dict/ukrainian: every word form of a Ukrainian dictionary, one a line)
and hunspell with hunspell-uk (`hunspell -s` gives each form's lemmas); for ru, hunspell-ru and hunspell-tools (the
forms are `unmunch`'s expansion of the Russian dictionary). None of it is the project's. `tlumach terms` reads the
word list against the glossary; a match of a form to a concept is right when hunspell gives the form one of the
concept's one-word terms in that language as its lemma (or the form is one of the term's listed forms), wrong when
hunspell knows the form under other lemmas only, and unjudged when hunspell does not know it (mostly the parts of
hyphenated compounds, Києво-, російсько-). Recall: of the forms hunspell gives a one-word term as lemma, how many were
found. hunspell lacks some names' paradigms (Донецьк's Донецька is only the adjective's there, Путін is unknown;
Russian е-spellings of ё-words), so a "wrong" list is to be read, not only counted (docs/glossary-evaluation.md).
"""
import argparse, collections, json, os, subprocess, sys, tempfile

import yaml

HUNSPELL = "/usr/share/hunspell"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tlumach", required=True)
    parser.add_argument("--glossary", default=os.path.join(os.path.dirname(__file__), "..", "glossaries", "news-war.yaml"))
    parser.add_argument("--lang", choices=["uk", "ru"], default="uk")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    args.glossary = os.path.abspath(args.glossary)
    args.tlumach = os.path.abspath(args.tlumach) if os.sep in args.tlumach else args.tlumach
    dictionary = {"uk": "uk_UA", "ru": "ru_RU"}[args.lang]
    with tempfile.TemporaryDirectory() as work:
        if args.lang == "uk":
            words_path = "/usr/share/dict/ukrainian"
            if not os.path.exists(words_path):
                sys.exit("eval-term-forms: no /usr/share/dict/ukrainian (Debian: apt-get install wukrainian hunspell hunspell-uk)")
        else:
            words_path = os.path.join(work, "words.txt")
            aff, dic = (os.path.join(HUNSPELL, f"{dictionary}.{ext}") for ext in ("aff", "dic"))
            if not os.path.exists(dic):
                sys.exit("eval-term-forms: no Russian dictionary (Debian: apt-get install hunspell hunspell-ru hunspell-tools)")
            expanded = subprocess.run(["unmunch", dic, aff], capture_output=True, text=True, check=True).stdout
            with open(words_path, "w", encoding="utf-8") as out:
                out.write("".join(word + "\n" for word in sorted(set(expanded.split()))))
        with open(words_path, encoding="utf-8") as words:
            analysed = subprocess.run(["hunspell", "-d", dictionary, "-s"], stdin=words, capture_output=True, text=True,
                                      check=True).stdout
        found = subprocess.run([args.tlumach, "terms", "--format", "json", "--lang", args.lang, "--glossary",
                                args.glossary, words_path], capture_output=True, text=True, check=True, cwd=work).stdout
    norm = lambda text: text.lower().replace("’", "'")
    lemmas = collections.defaultdict(set)
    for block in analysed.split("\n\n"):
        for line in block.split("\n"):
            parts = line.split()
            if len(parts) >= 2:
                lemmas[parts[0]].add(norm(parts[1]))
    concepts = {}
    with open(args.glossary, encoding="utf-8") as handle:
        for concept in yaml.safe_load(handle)["concepts"]:
            words, forms = set(), set()
            for term in concept.get("terms", {}).get(args.lang, []):
                text = term if isinstance(term, str) else term["text"]
                if " " not in text.strip() and "-" not in text:
                    words.add(norm(text))
                if isinstance(term, dict):
                    forms |= {norm(form) for form in term.get("forms", [])}
            concepts[concept["id"]] = (words, forms)
    right = wrong = unjudged = 0
    wrongs, seen = collections.defaultdict(list), collections.defaultdict(set)
    for match in json.loads(found)["matches"]:
        words, forms = concepts[match["concept"]]
        if not words or " " in match["term"] or "-" in match["term"]:
            continue
        surface = norm(match["text"])
        seen[match["concept"]].add(surface)
        known = lemmas.get(match["text"], set())
        if surface in forms or surface in words or known & words:
            right += 1
        elif not known:
            unjudged += 1
        else:
            wrong += 1
            wrongs[match["concept"]].append(match["text"])
    by_lemma = collections.defaultdict(set)
    for concept, (words, _) in concepts.items():
        for word in words:
            by_lemma[word].add(concept)
    gold = collections.defaultdict(set)
    for form, known in lemmas.items():
        for lemma in known:
            for concept in by_lemma.get(lemma, ()):
                gold[concept].add(norm(form))
    total = sum(len(forms) for forms in gold.values())
    hit = sum(len(gold[concept] & seen[concept]) for concept in gold)
    print(f"one-word {args.lang} matches: {right + wrong + unjudged} (right {right}, wrong {wrong}, unknown to hunspell "
          f"{unjudged}); precision over the judged {right / max(1, right + wrong):.4f}")
    print(f"forms whose hunspell lemma is a one-word term: {total}; found {hit}; recall {hit / max(1, total):.4f}")
    if args.verbose:
        for concept, forms in sorted(wrongs.items()):
            print(f"  wrong {concept}: {' '.join(forms)}")
        for concept in sorted(gold):
            missed = sorted(gold[concept] - seen[concept])
            if missed:
                print(f"  missed {concept}: {' '.join(missed)}")


if __name__ == "__main__":
    main()
