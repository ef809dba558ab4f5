#!/usr/bin/env python3
"""Does `tlumach check` stay linear on one huge unit? For each shape below, a PO unit repeating the shape N and
4N times (the source and the target each as one string) is checked; a check that reads the whole text once per
occurrence costs 16× for 4× the text instead of about 4×. Prints the CPU seconds (user + system of the child,
best of the runs) of each size and the ratio; exits 1 when a ratio passes --limit.

Found this way (issue 11, "every input's length and count handled in linear time"): number-mismatch on thousands of
one repeated figure, mixed-script on thousands of mixed words (each read the whole source once per occurrence).

    scripts/check-growth.py --bin .build/release/tlumach            # N = 4000, runs 2, limit 8
    scripts/check-growth.py --bin … --size 2000 --only mixed,numbers
"""
import argparse
import os
import resource
import subprocess
import sys
import tempfile

# name: (source piece, target piece); each shape is a real pattern of the judged catalogs, repeated.
SHAPES = {
    "printf": ("%s %d ", "%d "),
    "braces": ("{a} {b} ", "{a} "),
    "links": ("see http://a.com/x and ", "див. "),
    "mixed": ("word ", "cлово "),
    "hotkeys": ("D)elete 'A'lways ", "ВиD)алити З'A'вжди "),
    "options": ("-kWORD --ifFORMAT ", "-kСЛОВО --ifФОРМАТ -zСЛОВО "),
    "dots": ("Done. ", "Готово  "),
    "colons": ("a : b ", "а : б "),
    "key-lists": ("h,? q ", "h або ? ч "),
    "dimensions": ("WidthxHeight ", "ШиринаxВисота "),
    "years": ("June/08 1/1/70 ", "червня 2008 1.01.1970 "),
    "numbers": ("3D 1-byte [SE-08] 0 x2 ", "тривимірний "),
    "names": ("libgit2 ARM64 ", "libgit2 "),
    "tags": ("<b>x</b> ", "<i>x</i> "),
    "apostrophes": ("Audacious's ", "Audacious'осові "),
    "columns": (" -a <x> y\\n", " -a <ц>  у\\n"),
    "number-words": ("twenty four 24 ", "двадцять "),
    "glued-codes": ("%UChannel $tNotify ", "%UКанал "),
    "status": ("Returns 0 if ok; returns 1 otherwise. ", "Завершується успішно. "),
    "qt-letters": ("%1x%2 %3fps ", "%1⨯%2 %3 кд/с "),
    "superscripts": ("R^2 m3 80 ", "R² вісімдесят "),
    "lone-letters": ("apples and pears ", "яблука y груші "),
    "breaks": ("a camera<br/>(which looks<br/>on your desktop), ", "фотоапарат (який виглядає), "),
    "compounds": ("anti-tank artillery shells ", "протипіхотні снаряди "),
    "clock-times": ("8PM 11 a.m. 7 ", "20:00 11:00 9 "),
    "phones": ("+33 7 55 23 68 67 ", "+38 0 55 23 68 67 "),
    "samples": ("Jan Kowal <jkowal@a.pl> ftp://my.host.org/x ", "Іван Петренко <ipetrenko@b.ua> ftp://мій.хост.org/х "),
    "added-figures": ("fine APKs in² ", "на 1 APK дюйм2 "),
    "addresses": ("1.2.3.4 11.22.33.44 ", "192.0.2.2 192.0.2.3 "),
    "scales": ("1:15 000 at 1:10 000 ", "1:15000 у 1:10000 "),
    "kuit": ("every %1 months <interface>Project</interface> ", "кожні <numid>%1</numid> місяців <interface>Проєкт</interface> "),
    "repeats": ("to '%1', '%1' does not exist ", "до «%1», такої теки немає "),
    "wikitext": ("{{PLURAL:$1|1 file|$1 files}} <strong>$2</strong> {{GENDER:$3|x}} ", "$1 {{PLURAL:$1|файл|файли}} '''$2''' "),
    "named": ("%colony% %nation%'s ", "%nation% %colony% %colony% "),
    "docbook": ("the <guilabel>Ext</guilabel> <b>x <quote>a</quote> &MMB; <acronym>ISP</acronym> ", "<guilabel>Суф</guilabel> «а» <mousebutton>с</mousebutton> "),
    "quotations": ("an <quote>Undo</quote> feature ", "функція скасування "),
    "messageformat": ("{COUNT, plural, =1 {1 tab} other {# tabs}} {x} ", "{COUNT,plural, =1{1 вкладка}one{# вкладка}few{# вкладки}} "),
    "man-fonts": ("B<mount> I</dir> I<<label>> <<<<I<I<B<x.> ", "I<змонтувати> I</каталог> I<<мітка>> <<<<I<I<B<x.> "),
    "unclosed-fonts": ("B<B<I< ", "B<B<I< "),
    "command-lines": ("sed 's/#.*//' /etc/fstab | column -t -s ':' ", "sed 's/#.*//' /etc/fstab | column -t -s ':' "),
}
# Units written before the measured one: two units with an option in a font make the catalog po4a's, so the shape
# runs through the man-page rules.
PREAMBLE = {
    "man-fonts": 'msgid "Print help (B<--help>)."\nmsgstr "Довідка (B<--help>)."\n\n'
    'msgid "Show all (B<--all>)."\nmsgstr "Усі (B<--all>)."\n\n'
}
HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: uk\\n"\n\n'


def cpu_seconds(binary, path, runs):
    best = None
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run([binary, "check", "--no-glossary", path], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       timeout=600)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        spent = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        best = spent if best is None else min(best, spent)
    return best


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bin", required=True)
    parser.add_argument("--size", type=int, default=4000, help="repetitions of the small unit (the large one has 4×)")
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--limit", type=float, default=8.0, help="largest CPU ratio accepted for 4× the text")
    parser.add_argument("--only", default="", help="comma-separated shape names")
    args = parser.parse_args()
    shapes = [name for name in SHAPES if not args.only or name in args.only.split(",")]
    failed = []
    with tempfile.TemporaryDirectory(prefix="tlumach-growth-") as folder:
        for name in shapes:
            source, target = SHAPES[name]
            times = []
            for size in (args.size, 4 * args.size):
                path = os.path.join(folder, f"{name}-{size}.po")
                with open(path, "w", encoding="utf-8") as file:
                    file.write(HEADER + PREAMBLE.get(name, "") + f'msgid "{source * size}"\nmsgstr "{target * size}"\n')
                times.append(cpu_seconds(args.bin, path, args.runs))
            # Below 50 ms the process's fixed cost dominates: compare against it, not against zero.
            ratio = times[1] / max(times[0], 0.05)
            verdict = "ok" if ratio <= args.limit else "GROWS FASTER THAN THE TEXT"
            print(f"{name:14} {times[0]:7.3f} s  {times[1]:7.3f} s  ×{ratio:5.1f}  {verdict}")
            if ratio > args.limit:
                failed.append(name)
    if failed:
        print(f"check-growth: {', '.join(failed)} over ×{args.limit} for 4× the text", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
