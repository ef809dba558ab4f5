#!/usr/bin/env python3
"""Mutation fuzzer for every reader of the release `tlumach` CLI.

Seeds are the repository's fixtures and examples (plus a few small built-in ones for formats with no fixture);
each run mutates one seed (byte flips, truncation, duplication, deep nesting, huge attributes and lines, UTF-16/UCS-4
re-encoding, a long prologue before a DOCTYPE, entity declarations, PO escapes), runs the command that reads it
under a CPU-time limit and an address-space safety net (2 GB), and classifies the outcome:

  ok        exit 0 or 1, or exit 2 with ONE line naming the file and a position (path:LINE or "byte N");
  failure   a signal (crash), a timeout, a peak resident memory over --memory-mb (500), another exit status, or an exit 2 whose message is
            empty, spans several lines, or lacks the file name or a position.

Failing inputs are saved under --out/<reader>/ with the command and its standard error, for reproduction.
For the memory file (the SQLite store) only the file name is required: it has no lines.

  scripts/fuzz.py --budget 600                  # ten minutes over every reader
  scripts/fuzz.py --budget 60 --readers po,tmx  # a minute over two
  scripts/fuzz.py --seed 2026 --runs 220        # a fixed sequence of 220 inputs (the CI smoke)
Exit status: 0 when no run failed, 1 otherwise.
"""
import argparse
import hashlib
import json
import os
import random
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

XLIFF20 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="uk">
  <file id="f1">
    <unit id="u1">
      <notes><note>Headline</note></notes>
      <segment id="s1" state="translated">
        <source>The <pc id="1">budget</pc> for 2026 is <ph id="2"/> UAH 3 trillion.</source>
        <target>Бюджет на <pc id="1">2026</pc> рік становить <ph id="2"/> 3 трлн грн.</target>
      </segment>
    </unit>
    <unit id="u2">
      <segment id="s2"><source>Kyiv, 5 May</source><target>Київ, 5 травня</target></segment>
    </unit>
  </file>
</xliff>
"""

GLOSSARY_CSV = "en,uk,note\nbudget,бюджет,finance\nArmed Forces of Ukraine,Збройні сили України,\n\"so-called \"\"SVO\"\"\",так звана СВО,\n"
GLOSSARY_TSV = "en\tuk\nbudget\tбюджет\nKyiv\tКиїв\n"
# A man page's catalog as po4a writes it (manpages-l10n): fonts as B<…>/I<…>, paths and angle-bracketed words in
# them, an example command line copied.
MAN_PO = r"""msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"
"Language: uk\n"

msgid "Mount all filesystems (B<--all>) mentioned in I</etc/fstab>."
msgstr "Змонтувати всі файлові системи (B<--all>), згадані в I</etc/fstab>."

msgid "Print a help text (B<-h>) and exit."
msgstr "Вивести текст довідки (B<-h>) і завершити роботу."

msgid "B<mount> I</dir> B<LABEL>=I<<label>>"
msgstr "B<mount> I</каталог> B<LABEL>=I<<мітка>>"

msgid "Enable POSIX Access Control Lists. See the B<acl>(5) manual page."
msgstr "I<Увімкнути списки керування доступом. Див. сторінку підручника >B<acl>I<(5).>"

msgid "sed 's/#.*//' /etc/fstab | column --table --table-columns SOURCE,TARGET"
msgstr "sed 's/#.*//' /etc/fstab | column --table --table-columns SOURCE,TARGET"
"""
BILINGUAL_TSV = "id\tsource\ttarget\na1\tThe budget for 2026.\tБюджет на 2026 рік.\na2\tKyiv, 5 May\tКиїв, 5 травня\n"
CONFIG = """# Tlumach settings
glossaries:
  - {root}/glossaries/news-war.yaml
check:
  disable: [whitespace]
normalize:
  lang: uk
"""

# reader -> (file extension, seed paths relative to ROOT or ("inline", text), command template)
# {f} is the mutated file, {d} a scratch folder, {root} the repository.
READERS = {
    "tmx": ("tmx", ["examples/memory/newsroom.tmx"], [["check", "{f}", "--no-glossary"], ["tm", "import", "{f}", "--tm", "{d}/m.tmdb"]]),
    "xliff12": ("xlf", ["examples/check/article.xlf"], [["check", "{f}", "--no-glossary"]]),
    "xliff20": ("xlf", [("inline", XLIFF20)], [["check", "{f}", "--no-glossary"]]),
    "po": ("po", ["examples/check/app.uk.po", ("inline", MAN_PO)], [["check", "{f}", "--no-glossary"], ["tm", "import", "{f}", "--tm", "{d}/m.tmdb"]]),
    "tbx2": ("tbx", ["Tests/TlumachGlossaryTests/Fixtures/v2-basic.tbx"], [["glossary", "lint", "{f}"]]),
    "tbx3": ("tbx", ["Tests/TlumachGlossaryTests/Fixtures/v3-basic.tbx"], [["glossary", "lint", "{f}"]]),
    "glossary-yaml": ("yaml", ["glossaries/news-war.yaml", "glossaries/house-style.yaml"], [["glossary", "lint", "{f}"]]),
    "glossary-csv": ("csv", [("inline", GLOSSARY_CSV)], [["glossary", "lint", "{f}"]]),
    "glossary-tsv": ("tsv", [("inline", GLOSSARY_TSV), "Tests/TlumachGlossaryTests/Fixtures/evaluation.tsv"], [["glossary", "lint", "{f}"]]),
    "bilingual-tsv": ("tsv", [("inline", BILINGUAL_TSV)], [["check", "{f}", "--no-glossary"]]),
    "config": ("yml", [("inline", CONFIG)], [["check", "{root}/examples/check/app.uk.po", "--config", "{f}"]]),
    "text": ("txt", ["examples/check/article.uk.txt", "examples/normalize/article.md"],
             [["normalize", "--lang", "uk", "{f}"], ["check", "--source", "{f}", "--target", "{root}/examples/check/article.en.txt", "--no-glossary"]]),
    "memory": ("tmdb", [("memory", "examples/memory/newsroom.tmx")],
               [["tm", "stats", "--verify", "--tm", "{f}"], ["tm", "search", "--tm", "{f}", "бюджет на 2026 рік"],
                ["tm", "export", "--tm", "{f}", "--out", "{d}/out.tmx"]]),
}
XML_READERS = {"tmx", "xliff12", "xliff20", "tbx2", "tbx3"}


def rand_bytes(rng, n):
    return bytes(rng.randrange(256) for _ in range(n))


def encode(text, encoding, bom):
    data = text.encode(encoding)
    boms = {"utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff", "utf-32-le": b"\xff\xfe\x00\x00", "utf-32-be": b"\x00\x00\xfe\xff"}
    return (boms[encoding] if bom else b"") + data


def mutate(rng, data, reader):
    """One mutation of data; returns (bytes, name)."""
    xml = reader in XML_READERS
    choices = ["flip", "truncate", "duplicate", "delete", "long-line", "insert-junk"]
    if xml:
        choices += ["deep-nesting", "huge-attribute", "encoding", "long-prologue", "entity", "truncate-lines", "encoding"]
    if reader == "po":
        choices += ["po-escape", "po-escape", "truncate-lines"]
    if reader in ("text", "glossary-yaml", "config", "glossary-csv", "glossary-tsv", "bilingual-tsv"):
        choices += ["truncate-lines", "encoding"]
    if reader == "memory":
        choices = ["flip", "flip", "truncate", "zero-page", "duplicate", "delete"]
    kind = rng.choice(choices)
    n = len(data)
    pos = rng.randrange(n + 1) if n else 0
    if kind == "flip":
        out = bytearray(data)
        for _ in range(rng.randint(1, 16)):
            if out:
                i = rng.randrange(len(out))
                out[i] = rng.randrange(256) if rng.random() < 0.5 else out[i] ^ (1 << rng.randrange(8))
        return bytes(out), kind
    if kind == "truncate":
        return data[:pos], kind
    if kind == "truncate-lines":
        lines = data.split(b"\n")
        return b"\n".join(lines[: rng.randrange(len(lines) + 1)]) + b"\n", kind
    if kind == "duplicate":
        end = min(n, pos + rng.randint(1, 4096))
        return data[:end] + data[pos:end] * rng.choice([1, 2, 10, 1000]) + data[end:], kind
    if kind == "delete":
        return data[:pos] + data[min(n, pos + rng.randint(1, 256)):], kind
    if kind == "insert-junk":
        return data[:pos] + rand_bytes(rng, rng.randint(1, 64)) + data[pos:], kind
    if kind == "zero-page":
        page = rng.choice([512, 1024, 4096])
        start = (pos // page) * page
        return data[:start] + b"\x00" * page + data[start + page:], kind
    if kind == "long-line":
        size = rng.choice([100_000, 1_000_000, 4_000_000])
        piece = rng.choice([b"x", b"ab ", b"\xd0\x9a", b"\"", b"'", b"\\n", b"%s", b"{0}", b"&amp;", b"\xe2\x88\x80"])
        # Inside a text where possible: after a '>' or an opening quote.
        anchors = [m.end() for m in re.finditer(rb'>|msgstr "|msgid "|: ', data[:200_000])]
        at = rng.choice(anchors) if anchors else pos
        return data[:at] + piece * (size // len(piece)) + data[at:], kind
    if kind == "deep-nesting":
        depth = rng.choice([300, 5000, 100_000])
        tag = rng.choice([b"bpt", b"g", b"mrk", b"pc", b"x", b"sub", b"termNote"])
        anchors = [m.end() for m in re.finditer(rb"<seg>|<source>|<target>|<term>|<descrip[^>]*>", data)] or [pos]
        at = rng.choice(anchors)
        return data[:at] + b"<" + tag + b' id="1">' + (b"<" + tag + b' id="1">') * (depth - 1) + (b"</" + tag + b">") * depth + data[at:], kind
    if kind == "huge-attribute":
        size = rng.choice([100_000, 2_000_000, 8_000_000])
        anchors = [m.start() + 1 for m in re.finditer(rb"<(tu|tuv|trans-unit|unit|segment|conceptEntry|termEntry|seg|source)[ >]", data)] or [pos]
        at = rng.choice(anchors)
        tag_end = data.find(b">", at)
        name_end = at
        while name_end < len(data) and data[name_end:name_end + 1].isalnum():
            name_end += 1
        value = rng.choice([b"x", b"&amp;", b"&#1050;", b" "]) 
        return data[:name_end] + b' huge="' + value * (size // len(value)) + b'"' + data[name_end:], kind
    if kind == "encoding":
        text = data.decode("utf-8", "replace")
        encoding, bom = rng.choice([("utf-16-le", True), ("utf-16-be", True), ("utf-16-le", False), ("utf-16-be", False),
                                    ("utf-32-le", False), ("utf-32-be", False), ("utf-32-le", True), ("utf-32-be", True)])
        if rng.random() < 0.5:
            text = text.replace('encoding="UTF-8"', 'encoding="%s"' % ("UTF-16" if "16" in encoding else "UCS-4"))
        if rng.random() < 0.3:
            text = add_entity(rng, text)
        return encode(text, encoding, bom), kind + ("-bom" if bom else "") + "-" + encoding
    if kind == "long-prologue":
        text = data.decode("utf-8", "replace")
        size = rng.choice([1 << 20, (1 << 20) + 7, 5 << 20])
        comment = "<!--" + "p" * size + "-->\n"
        text = insert_prologue(text, comment)
        if rng.random() < 0.8:
            text = add_entity(rng, text)
        return text.encode("utf-8"), kind
    if kind == "entity":
        return add_entity(rng, data.decode("utf-8", "replace")).encode("utf-8"), kind
    if kind == "po-escape":
        escape = rng.choice([r"\x18446744073709551616", r"\x" + "f" * rng.randint(3, 40), r"\777", r"\400", r"\u110000000",
                             r"\U0001F600", r"\x", "\\", r"\0", r"\x0", r"\8"])
        anchors = [m.end() for m in re.finditer(rb'msg(id|str)(\[\d+\])? "', data)] or [pos]
        at = rng.choice(anchors)
        return data[:at] + escape.encode() + data[at:], kind
    raise AssertionError(kind)


def insert_prologue(text, piece):
    if text.startswith("<?xml"):
        end = text.find("?>") + 2
        return text[:end] + "\n" + piece + text[end:]
    return piece + text


def add_entity(rng, text):
    root = re.search(r"<([A-Za-z][\w:.-]*)[\s>]", re.sub(r"<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>", lambda m: " " * len(m.group(0)), text, flags=re.S))
    name = root.group(1) if root else "tmx"
    decl = rng.choice(['<!ENTITY e "expanded">', '<!ENTITY e SYSTEM "file:///etc/hostname">',
                       '<!ENTITY a "aaaaaaaaaa"><!ENTITY e "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">', '<!ATTLIST %s injected CDATA "x">' % name])
    text = re.sub(r"<!DOCTYPE[^>]*>", "", text, count=1)
    doctype = "<!DOCTYPE %s [%s]>\n" % (name, decl)
    at = root.start() if root else 0
    text = text[:at] + doctype + text[at:]
    return re.sub(r">([^<>&]{3,}?) ", lambda m: ">" + m.group(1) + " &e; ", text, count=3)


def seeds_for(reader, scratch, binary):
    ext, seeds, _ = READERS[reader]
    result = []
    for seed in seeds:
        if isinstance(seed, tuple) and seed[0] == "inline":
            result.append(seed[1].replace("{root}", ROOT).encode("utf-8"))
        elif isinstance(seed, tuple) and seed[0] == "memory":
            path = os.path.join(scratch, "seed.tmdb")
            subprocess.run([binary, "tm", "import", os.path.join(ROOT, seed[1]), "--tm", path], check=True,
                           stdout=subprocess.DEVNULL)
            with open(path, "rb") as handle:
                result.append(handle.read())
        else:
            with open(os.path.join(ROOT, seed), "rb") as handle:
                result.append(handle.read())
    return result


def limit_child(megabytes, seconds):
    def apply():
        # Address space, a safety net only: Dispatch's threads and glibc's per-thread arenas reserve address space
        # they never touch (`check` on a 2 KB PO reserves 251 MB), so the memory bound itself is the peak RSS.
        limit = megabytes << 20
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        # CPU time, not wall time, is what a hang costs: a loaded machine must not turn slow runs into "hangs".
        cpu = int(seconds + 0.999)
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
        os.setsid()
    return apply


def run_one(binary, command, timeout, address_space_mb):
    """Runs one command; returns (status or None, signal or None, timed_out, stderr, peak_rss_mb, cpu_seconds).
    The limit is `timeout` seconds of CPU time (RLIMIT_CPU, SIGXCPU); a run blocked without using CPU is stopped
    after six times as long on the wall clock."""
    started = time.monotonic()
    with tempfile.TemporaryFile() as err:
        for attempt in range(50):
            try:
                process = subprocess.Popen([binary] + command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                           stderr=err, preexec_fn=limit_child(address_space_mb, timeout), cwd=ROOT)
                break
            except OSError as error:  # the binary being rebuilt: wait for it
                if error.errno != 26 or attempt == 49:
                    raise
                time.sleep(5)
        timed_out = False
        deadline = started + 6 * timeout
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                timed_out = True
                os.killpg(process.pid, signal.SIGKILL)
                pid, status, usage = os.wait4(process.pid, 0)
                break
            time.sleep(0.005)
        process.returncode = 0  # reaped above
        err.seek(0)
        stderr = err.read(100_000).decode("utf-8", "replace")
    seconds = usage.ru_utime + usage.ru_stime
    code = os.WEXITSTATUS(status) if os.WIFEXITED(status) else None
    sig = os.WTERMSIG(status) if os.WIFSIGNALED(status) else None
    if sig in (signal.SIGXCPU, signal.SIGKILL) and seconds >= timeout:
        timed_out = True
    return code, sig, timed_out, stderr, usage.ru_maxrss / 1024, seconds


OUT_OF_MEMORY = re.compile(r"out of memory|Cannot allocate|std::bad_alloc|failed to allocate|allocation", re.I)


def classify(reader, path, result, memory_mb):
    code, sig, timed_out, stderr, rss, _ = result
    if timed_out:
        return "timeout"
    if rss > memory_mb or (OUT_OF_MEMORY.search(stderr) and code != 2):
        return "memory"
    if sig is not None:
        return "crash"
    if code in (0, 1):
        return "ok"
    if code != 2:
        return "exit-%s" % code
    lines = [line for line in stderr.split("\n") if line.strip()]
    if not lines:
        return "empty-message"
    if len(lines) > 1:
        return "several-lines"
    line = lines[0]
    if path not in line:
        return "no-file-name"
    if reader == "memory":
        return "refused"
    # A verdict on the whole file (`tm import` given a PO: "not a TMX file (looks like gettext PO)") has no position.
    if re.search(r": not an? [A-Za-z]+ file\b", line):
        return "refused"
    if not re.search(re.escape(path) + r":\d+|byte \d+", line):
        return "no-position"
    return "refused"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--budget", type=float, default=60, help="seconds for the whole run (default 60)")
    parser.add_argument("--readers", default=",".join(READERS), help="comma-separated: " + ",".join(READERS))
    parser.add_argument("--bin", default=os.path.join(ROOT, ".build/release/tlumach"))
    parser.add_argument("--out", default=os.path.join(ROOT, ".fuzz-failures"), help="where failing inputs are saved")
    parser.add_argument("--timeout", type=float, default=10)
    parser.add_argument("--memory-mb", type=int, default=500, help="bound on the peak resident memory (default 500)")
    parser.add_argument("--address-space-mb", type=int, default=2048,
                        help="address-space limit, a safety net against runaway allocation (default 2048)")
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--runs", type=int, default=None,
                        help="stop after this many runs in all (with --seed: the same inputs on any machine, the budget a cap)")
    parser.add_argument("--json", help="write the per-reader summary here")
    args = parser.parse_args()

    readers = [r for r in args.readers.split(",") if r]
    unknown = [r for r in readers if r not in READERS]
    if unknown:
        parser.error("unknown reader(s): " + ", ".join(unknown))
    binary = os.path.abspath(args.bin)
    if not os.access(binary, os.X_OK):
        parser.error("no executable at %s (swift build -c release --product tlumach)" % binary)
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    rng = random.Random(seed)
    print("fuzz: seed %d, budget %.0f s, readers %s" % (seed, args.budget, ",".join(readers)), flush=True)

    scratch = tempfile.mkdtemp(prefix="tlumach-fuzz-")
    stats = {r: {"runs": 0, "ok": 0, "refused": 0, "failures": {}, "slowest": 0.0, "peak_mb": 0.0} for r in readers}
    try:
        seeds = {r: seeds_for(r, scratch, binary) for r in readers}
        end = time.monotonic() + args.budget
        turn = 0
        while time.monotonic() < end and (args.runs is None or turn < args.runs):
            reader = readers[turn % len(readers)]
            turn += 1
            ext, _, commands = READERS[reader]
            data = rng.choice(seeds[reader])
            names = []
            for _ in range(rng.choice([1, 1, 1, 2, 3])):
                data, name = mutate(rng, data, reader)
                names.append(name)
            work = os.path.join(scratch, "run")
            shutil.rmtree(work, ignore_errors=True)
            os.makedirs(work)
            path = os.path.join(work, "input." + ext)
            with open(path, "wb") as handle:
                handle.write(data)
            template = rng.choice(commands)
            command = [part.replace("{f}", path).replace("{d}", work).replace("{root}", ROOT) for part in template]
            result = run_one(binary, command, args.timeout, args.address_space_mb)
            outcome = classify(reader, path, result, args.memory_mb)
            entry = stats[reader]
            entry["runs"] += 1
            entry["slowest"] = max(entry["slowest"], result[5])
            entry["peak_mb"] = max(entry["peak_mb"], result[4])
            if outcome in ("ok", "refused"):
                entry[outcome] += 1
                continue
            entry["failures"][outcome] = entry["failures"].get(outcome, 0) + 1
            digest = hashlib.sha1(data).hexdigest()[:12]
            folder = os.path.join(args.out, reader)
            os.makedirs(folder, exist_ok=True)
            saved = os.path.join(folder, "%s-%s.%s" % (outcome, digest, ext))
            with open(saved, "wb") as handle:
                handle.write(data)
            shown = [part.replace(path, saved) for part in command]
            with open(saved + ".txt", "w") as handle:
                handle.write("mutations: %s\ncommand: tlumach %s\noutcome: %s (exit %s, signal %s, %.1f s CPU, %.0f MB)\nstderr:\n%s\n" % (
                    "+".join(names), " ".join(shown), outcome, result[0], result[1], result[5], result[4], result[3][:4000]))
            print("fuzz: %s %s: %s (%s) -> %s" % (reader, outcome, "+".join(names), " ".join(shown[:2]), saved), flush=True)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)

    return report(stats, readers, seed, args)


def report(stats, readers, seed, args):
    failed = 0
    print("%-14s %6s %6s %8s %8s %8s  %s" % ("reader", "runs", "ok", "refused", "max CPU", "peak MB", "failures"))
    for reader in readers:
        entry = stats[reader]
        failed += sum(entry["failures"].values())
        failures = ", ".join("%s %d" % item for item in sorted(entry["failures"].items())) or "none"
        print("%-14s %6d %6d %8d %7.1fs %8.0f  %s" % (reader, entry["runs"], entry["ok"], entry["refused"], entry["slowest"], entry["peak_mb"], failures))
    if args.json:
        with open(args.json, "w") as handle:
            json.dump({"seed": seed, "budget": args.budget, "readers": stats}, handle, indent=1)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
