#!/usr/bin/env python3
"""Runs trafilatura's main-content extraction (`extract(page, url=url)`,
default settings) on the two HTML benchmarks `normalizer-eval html` scores,
with the same scoring, so the figures sit side by side:

- word-level F1 as WCXB's evaluate.py computes it: lower-cased `\\w+` tokens,
  precision and recall of the multiset overlap, F1 per page, averaged over
  pages (an empty truth with an empty prediction scores 1);
- per page type on WCXB (`_internal.page_type.primary`, `category` read as
  `collection`); every page of the Scrapinghub benchmark is an article;
- pages per second: the extraction alone, in this one process (one core),
  the page already decompressed and decoded.

Usage: PYTHONPATH=.tools/python-ref python3 crates/eval/scripts/html_trafilatura.py \
    [--scrapinghub DIR] [--wcxb DIR] [--every N] [--out FILE.json]
(`make eval-reference` and `make bench` run this.)
"""
import argparse
import gzip
import json
import pathlib
import re
import sys
import time
from collections import Counter, defaultdict

from trafilatura import extract

TYPES = ("article", "forum", "product", "collection", "listing", "documentation", "service")
TOKEN = re.compile(r"\w+")


def word_f1(predicted, reference):
    pred = TOKEN.findall((predicted or "").lower())
    ref = TOKEN.findall((reference or "").lower())
    if not ref:
        return 1.0 if not pred else 0.0
    if not pred:
        return 0.0
    overlap = sum((Counter(pred) & Counter(ref)).values())
    if overlap == 0:
        return 0.0
    precision, recall = overlap / len(pred), overlap / len(ref)
    return 2 * precision * recall / (precision + recall)


def page_type(data):
    internal = data.get("_internal") or {}
    kind = internal.get("page_type", {})
    kind = kind.get("primary", "article") if isinstance(kind, dict) else (kind or "article")
    return "collection" if kind == "category" else kind


def scrapinghub_pages(root, every):
    truth = json.loads((root / "ground-truth.json").read_text())
    for page_id in sorted(truth)[::every]:
        html = gzip.decompress((root / "html" / f"{page_id}.html.gz").read_bytes())
        item = truth[page_id]
        yield page_id, html.decode("utf-8", "replace"), item.get("url"), item.get("articleBody") or "", "article"


def wcxb_pages(root, every):
    for path in sorted((root / "ground-truth").glob("*.json"))[::every]:
        data = json.loads(path.read_text())
        html = gzip.decompress((root / "html" / f"{path.stem}.html.gz").read_bytes())
        truth = (data.get("ground_truth") or {}).get("main_content") or ""
        yield path.stem, html.decode("utf-8", "replace"), data.get("url"), truth, page_type(data)


def run(name, pages):
    by_type, spent, out = defaultdict(list), 0.0, {}
    for page_id, html, url, truth, kind in pages:
        started = time.perf_counter()
        try:
            text = extract(html, url=url) or ""
        except Exception as error:  # a page trafilatura cannot read gives nothing
            print(f"{name} {page_id}: {error}", file=sys.stderr)
            text = ""
        spent += time.perf_counter() - started
        score = word_f1(text, truth)
        by_type[kind].append(score)
        out[page_id] = score
    pages = sum(len(scores) for scores in by_type.values())
    print(f"\n## trafilatura on {name}: {pages} pages, {pages / spent:.1f} pages/s, {1e3 * spent / pages:.1f} ms/page\n")
    print("| page type | pages | word F1 |\n|---|---:|---:|")
    for kind in TYPES:
        if by_type[kind]:
            print(f"| {kind} | {len(by_type[kind])} | {sum(by_type[kind]) / len(by_type[kind]):.3f} |")
    every_score = [s for scores in by_type.values() for s in scores]
    print(f"| all | {len(every_score)} | {sum(every_score) / len(every_score):.3f} |")
    return {"pages_per_second": pages / spent, "f1": out}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--scrapinghub", type=pathlib.Path)
    parser.add_argument("--wcxb", type=pathlib.Path)
    parser.add_argument("--every", type=int, default=1)
    parser.add_argument("--out", type=pathlib.Path)
    args = parser.parse_args()
    results = {}
    if args.scrapinghub:
        results["scrapinghub"] = run("Scrapinghub", scrapinghub_pages(args.scrapinghub, args.every))
    if args.wcxb:
        results["wcxb"] = run("WCXB", wcxb_pages(args.wcxb, args.every))
    if args.out:
        args.out.write_text(json.dumps(results))


if __name__ == "__main__":
    main()
