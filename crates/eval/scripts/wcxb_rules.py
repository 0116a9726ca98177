"""The matching rule for page metadata on WCXB (title, author, publish date),
used by wcxb_trafilatura.py; `normalizer-eval wcxb` (crates/eval/src/wcxb.rs)
applies the same rule to our records, so the figures sit side by side.

- A field is counted on the pages whose ground truth gives it (M); it is right
  (N) when the tool's value matches. A value on a page whose ground truth has
  none is counted apart as "extra".
- Text is compared folded: NFKC, lower case, every run of characters that are
  not letters or digits as one space, trimmed.
- title: the folded strings are equal.
- date: the first ten characters (`YYYY-MM-DD`) are the expected day.
- author: right when the folded strings are equal, or the sets of folded names
  are equal (names split at `,` `;` `&` `|` ` and `), or one folded string
  holds the other as whole words and the held one has at least two words
  (a name with its job title, one of two authors).
"""
import json
import pathlib
import re
import unicodedata

FIELDS = ("title", "author", "date")
NAME_SEPARATORS = re.compile(r"\s*(?:[,;&|]|\band\b)\s*", re.IGNORECASE)


def fold(text):
    text = unicodedata.normalize("NFKC", text or "").casefold()
    return " ".join(re.sub(r"[\W_]+", " ", text).split())


def names(text):
    return {fold(name) for name in NAME_SEPARATORS.split(text or "") if fold(name)}


def title_right(got, want):
    return fold(got) == fold(want) != ""


def date_right(got, want):
    return (got or "")[:10] == want


def author_right(got, want):
    a, b = fold(got), fold(want)
    if not a or not b:
        return False
    if a == b or names(got) == names(want):
        return True
    short, long = sorted((a, b), key=len)
    return len(short.split()) >= 2 and f" {short} " in f" {long} "


RULES = {"title": title_right, "author": author_right, "date": date_right}


def load_truth(root):
    truth = {}
    for path in sorted((pathlib.Path(root) / "ground-truth").glob("*.json")):
        data = json.loads(path.read_text())
        gt = data["ground_truth"]
        truth[path.stem] = {
            "type": data.get("_internal", {}).get("page_type", {}).get("primary", ""),
            "title": gt.get("title") or None,
            "author": gt.get("author") or None,
            "date": gt.get("publish_date") or None,
        }
    return truth


def report(root, predictions, out=None):
    truth = load_truth(root)
    rows = []
    for scope in ("all", "article"):
        cells = []
        for field in FIELDS:
            right = total = extra = 0
            for page_id, want in truth.items():
                if scope != "all" and want["type"] != scope:
                    continue
                got = (predictions.get(page_id) or {}).get(field)
                if want[field]:
                    total += 1
                    right += bool(got) and RULES[field](got, want[field])
                elif got:
                    extra += 1
            cells.append(f"{right}/{total} ({100 * right / max(total, 1):.1f} %, {extra} extra)")
        rows.append(f"| {scope} | " + " | ".join(cells) + " |")
    print("| pages | title | author | date |\n|---|---:|---:|---:|")
    print("\n".join(rows))
    if out:
        with open(out, "w") as sink:
            for page_id, want in truth.items():
                got = predictions.get(page_id) or {}
                sink.write(json.dumps({"id": page_id, "type": want["type"], **{
                    field: {"got": got.get(field), "want": want[field],
                            "right": bool(want[field]) and bool(got.get(field))
                            and RULES[field](got.get(field), want[field])}
                    for field in FIELDS}}, ensure_ascii=False) + "\n")
