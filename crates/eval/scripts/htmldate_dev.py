#!/usr/bin/env python3
"""Scores htmldate on a page-date benchmark laid out as htmldate-dev is
(`expected-dates.json` and `html/<page>.gz`), the way htmldate's own
comparison scores it: `find_date(page, original_date=True)` with its other
settings left at their defaults; a page is a true positive when the day found
is the expected day, a false positive when another day is found (or a day on a
page with no expected date), a false negative when no day is found for a page
that has one, a true negative when neither has one.

Usage: PYTHONPATH=.tools/python-ref python3 crates/eval/scripts/htmldate_dev.py DIR [--with-url] [--out FILE.jsonl]
(`make eval-reference` installs htmldate there and runs this.)
"""
import argparse
import gzip
import json
import pathlib
import sys

from htmldate import find_date

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from htmldate_score import score  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("dir", type=pathlib.Path)
    parser.add_argument("--with-url", action="store_true",
                        help="also give htmldate the page URL (its benchmark does not)")
    parser.add_argument("--out", type=pathlib.Path)
    args = parser.parse_args()
    expected = json.loads((args.dir / "expected-dates.json").read_text())
    found = {}
    for url, item in expected.items():
        page = gzip.decompress((args.dir / "html" / (item["page"] + ".gz")).read_bytes())
        try:
            found[url] = find_date(page, original_date=True, url=url if args.with_url else None)
        except Exception as error:  # a page htmldate cannot read counts as no date
            print(f"{item['page']}: {error}", file=sys.stderr)
            found[url] = None
    if args.out:
        with args.out.open("w") as out:
            for url, got in found.items():
                out.write(json.dumps({"url": url, "page": expected[url]["page"], "found": got,
                                      "expected": expected[url]["date"]}) + "\n")
    s = score(expected, found)
    print(f"pages {s['pages']}: tp {s['tp']} fp {s['fp']} fn {s['fn']} tn {s['tn']}")
    print(f"precision {s['precision']:.3f} recall {s['recall']:.3f} "
          f"F1 {s['f1']:.3f} coverage {s['coverage']:.3f}")


if __name__ == "__main__":
    main()
