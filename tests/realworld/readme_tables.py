#!/usr/bin/env python3
"""Re-measure the corpus and rewrite the generated parts of tests/realworld/README.md.

usage: /usr/bin/python3 tests/realworld/readme_tables.py

Runs `node tests/realworld/run.mjs --table` (pass rate, passing snippets, failures by first cause)
and `inventory.py` (missing torch names, Python construct probes) with the current
build/native/tensorlens, and replaces the text between the README's
`<!-- generated:NAME -->` / `<!-- /generated -->` markers. The prose around them (notes on
particular snippets) is not touched: re-read it after a big change.
"""
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def replace(text, name, body):
    pat = re.compile(r"(<!-- generated:%s -->\n).*?(<!-- /generated -->)" % re.escape(name), re.S)
    if not pat.search(text):
        sys.exit("readme_tables.py: marker generated:%s not found in README.md" % name)
    return pat.sub(lambda m: m.group(1) + body.rstrip("\n") + "\n" + m.group(2), text)


def main():
    run = subprocess.run(["node", os.path.join(HERE, "run.mjs"), "--table"], capture_output=True,
                         text=True, cwd=ROOT)
    out = run.stdout.splitlines()
    summary = [l for l in out if l.startswith("realworld: ")][-1]
    exact = subprocess.run(["node", os.path.join(HERE, "run.mjs"), "--exact"], capture_output=True,
                           text=True, cwd=ROOT).stdout.splitlines()[-1]
    passing = " ".join(l.split()[1][:3] + ("~" if l.startswith("PASS~") else "")
                       for l in out if l.startswith("PASS"))
    m = re.match(r"realworld: (\d+)/(\d+) passed \(([\d.]+) %\) \[(\d+) exact, (\d+) within", summary)
    me = re.match(r"realworld: (\d+)/(\d+) passed \(([\d.]+) %\)", exact)
    head = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"], capture_output=True,
                          text=True).stdout.strip()
    result = ("**realworld: %s/%s passed (%s %%)** — %s exact, %s within the float32 tolerance "
              "(`--exact`: %s/%s, %s %%), measured at commit %s with the native CLI.\n"
              "Passing: %s." % (m.group(1), m.group(2), m.group(3), m.group(4), m.group(5),
                                me.group(1), me.group(2), me.group(3), head, passing))
    table = "\n".join(l for l in out if l.startswith("|"))
    inv = subprocess.run([sys.executable, os.path.join(HERE, "inventory.py")], capture_output=True,
                         text=True, cwd=ROOT).stdout
    path = os.path.join(HERE, "README.md")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    text = replace(text, "result", result)
    text = replace(text, "first-cause", table)
    text = replace(text, "inventory", inv.strip())
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    print(summary)


if __name__ == "__main__":
    main()
