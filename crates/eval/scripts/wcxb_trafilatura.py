#!/usr/bin/env python3
"""Runs trafilatura's metadata extraction (`extract_metadata(page,
default_url=url)`, default settings) on a WCXB folder (`html/<id>.html.gz`,
`ground-truth/<id>.json`) and scores title, author and date with the rule in
wcxb_rules.py.

Usage: PYTHONPATH=.tools/python-ref python3 crates/eval/scripts/wcxb_trafilatura.py DIR [--out FILE.jsonl]
(`make eval-reference` installs trafilatura there and runs this.)
"""
import argparse
import gzip
import json
import pathlib
import sys

from trafilatura import extract_metadata

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from wcxb_rules import report  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("dir", type=pathlib.Path)
    parser.add_argument("--out", type=pathlib.Path)
    args = parser.parse_args()
    predictions = {}
    for truth in sorted((args.dir / "ground-truth").glob("*.json")):
        url = json.loads(truth.read_text()).get("url") or None
        page = gzip.decompress((args.dir / "html" / (truth.stem + ".html.gz")).read_bytes())
        try:
            meta = extract_metadata(page, default_url=url)
        except Exception as error:  # a page trafilatura cannot read gives nothing
            print(f"{truth.stem}: {error}", file=sys.stderr)
            meta = None
        predictions[truth.stem] = {
            "title": meta.title if meta else None,
            "author": meta.author if meta else None,
            "date": meta.date if meta else None,
        }
    report(args.dir, predictions, args.out)


if __name__ == "__main__":
    main()
