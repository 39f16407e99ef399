#!/usr/bin/env python3
"""Time against article size: one article per input kind and size, from
10 KB to 10 MB, linted by the release binary with every rule. Prints the
CPU seconds (user and system) and peak memory per size and the growth exponent between sizes
(1.0 is linear, 2.0 quadratic), once with every rule and once without the
numeric-claims rules, so that one slow pass cannot hide the others.

    bench/scaling.py                      # every kind, 10 KB to 10 MB
    bench/scaling.py --kinds faq,yaml     # some kinds
    bench/scaling.py --max-bytes 1000000  # stop at 1 MB
    bench/scaling.py --timeout 60         # give up on a size after 60 s

The inputs are generated here, deterministically; nothing is read from
outside the repository. A size that times out stops that kind's row.
"""

import argparse
import math
import os
import subprocess
import sys
import tempfile
import time

SIZES = [10_000, 30_000, 100_000, 300_000, 1_000_000, 3_000_000, 10_000_000]
CLAIMS_RULES = "inconsistent-number,invalid-range"


def numbers(i):
    """Prose dense in numbers, the input that reaches the claims pass."""
    return f"Sessions last {i % 50 + 1} minutes and results show within {i % 9 + 2} days. "


def prose(i):
    """Ordinary prose with an occasional number, paragraph by paragraph."""
    return (
        f"Rest helps the skin recover after treatment number {i}. Drink water, avoid strong sun "
        "and keep the area clean; most people return to work the next day.\n\n"
    )


def table(i):
    """One long table, some rows with empty cells."""
    value = "" if i % 7 == 0 else f"{i % 40 + 5} minutes"
    return f"| Step {i} | {value} | note {i} |\n"


def list_item(i):
    """One long list of items with leads, each a case of the list."""
    return f"- Step {i}: rest for {i % 40 + 5} minutes\n"


def suppression(i):
    """A suppression comment before each empty section."""
    return f"<!-- medlint-disable-next-line empty-section -->\n## Empty {i}\n\n"


def faq(i):
    """FAQ entries as bold lines and sub-headings, some repeated, some unanswered."""
    if i % 2:
        return f"**Question {i % 5000} about the treatment?**\n\nAn answer to it.\n\n"
    return f"### Heading question {i}?\n\nAnswer {i}.\n\n"


def yaml_key(i):
    return f"key_{i}: value {i}\n"


def toml_key(i):
    return f'key_{i} = "value {i}"\n'


BODY_KINDS = {
    "numbers": ("# Numbers\n\n", numbers),
    "prose": ("# Prose\n\n", prose),
    "tables": ("# Tables\n\n## Details\n\n| Step | Time | Note |\n| --- | --- | --- |\n", table),
    "lists": ("# Lists\n\nTake it as follows:\n\n", list_item),
    "suppressions": ("# Suppressions\n\nText.\n\n", suppression),
    "faq": ("# FAQ\n\n## Frequently Asked Questions\n\n", faq),
}
FRONT_MATTER_KINDS = {
    "yaml": ("---\n", yaml_key, "---\n# Front matter\n\nText.\n"),
    "toml": ("+++\n", toml_key, "+++\n# Front matter\n\nText.\n"),
}
KINDS = list(BODY_KINDS) + list(FRONT_MATTER_KINDS)


def article(kind, size):
    """An article of `kind` of about `size` bytes."""
    if kind in BODY_KINDS:
        head, piece = BODY_KINDS[kind]
        tail = ""
    else:
        head, piece, tail = FRONT_MATTER_KINDS[kind]
    parts, total, i = [head], len(head) + len(tail), 0
    while total < size:
        text = piece(i)
        parts.append(text)
        total += len(text)
        i += 1
    parts.append(tail)
    return "".join(parts)


def run(binary, path, extra, timeout):
    """CPU seconds (wall seconds without /usr/bin/time) and peak resident
    kilobytes of one run, or None on timeout."""
    command = [binary, "check", path, "--no-config", "--today", "2026-11-24", "--format", "concise", "--quiet"]
    command += extra
    measure = ["/usr/bin/time", "-f", "%U %S %M"] if os.path.exists("/usr/bin/time") else []
    start = time.perf_counter()
    try:
        done = subprocess.run(measure + command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None
    seconds = time.perf_counter() - start
    peak = None
    if measure:
        # CPU seconds (user + system) rather than wall time: on a shared
        # machine they move far less with the load of other processes.
        last = done.stderr.decode(errors="replace").strip().splitlines()[-1:]
        fields = last[0].split() if last else []
        if len(fields) == 3:
            seconds = float(fields[0]) + float(fields[1])
            peak = int(fields[2])
    return seconds, peak


def exponent(size_a, time_a, size_b, time_b):
    if time_a <= 0 or time_b <= 0:
        return float("nan")
    return math.log(time_b / time_a) / math.log(size_b / size_a)


def human(size):
    return f"{size // 1_000_000} MB" if size >= 1_000_000 else f"{size // 1000} KB"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", default=None, help="medlint binary (default: build target/release/medlint)")
    parser.add_argument("--kinds", default=",".join(KINDS))
    parser.add_argument("--max-bytes", type=int, default=SIZES[-1])
    parser.add_argument("--timeout", type=float, default=120.0)
    parser.add_argument("--runs", type=int, default=3, help="runs per size; the fastest counts")
    args = parser.parse_args()
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    binary = args.binary
    if binary is None:
        subprocess.run(["cargo", "build", "--release", "--quiet", "--bin", "medlint"], cwd=root, check=True)
        binary = os.path.join(root, "target", "release", "medlint")
    sizes = [s for s in SIZES if s <= args.max_bytes]
    print(f"{os.cpu_count()} cores; CPU seconds (peak MB) per size; exponent = growth between the two largest sizes")
    print("| kind | rules | " + " | ".join(human(s) for s in sizes) + " | exponent |")
    print("| --- | --- | " + " | ".join("---" for _ in sizes) + " | --- |")
    with tempfile.TemporaryDirectory() as work:
        for kind in args.kinds.split(","):
            for label, extra in (("all", []), ("no claims", ["--ignore", CLAIMS_RULES])):
                cells, points = [], []
                for size in sizes:
                    path = os.path.join(work, f"{kind}-{size}.md")
                    if not os.path.exists(path):
                        with open(path, "w") as f:
                            f.write(article(kind, size))
                    results = [run(binary, path, extra, args.timeout) for _ in range(args.runs)]
                    if any(r is None for r in results):
                        cells.append(f"> {args.timeout:.0f} s")
                        break
                    seconds = min(r[0] for r in results)
                    peak = max((r[1] or 0) for r in results)
                    points.append((size, seconds))
                    cells.append(f"{seconds:.3f} ({peak / 1024:.0f})" if peak else f"{seconds:.3f}")
                cells += ["" for _ in range(len(sizes) - len(cells))]
                slope = exponent(*points[-2], *points[-1]) if len(points) >= 2 else float("nan")
                print(f"| {kind} | {label} | " + " | ".join(cells) + f" | {slope:.2f} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
