"""htmldate's page-date scoring: exact day, precision, recall, F1, coverage."""


def score(expected, found):
    tp = fp = fn = tn = 0
    for url, want in expected.items():
        got = found.get(url)
        want = want["date"]
        if got is None and want is None:
            tn += 1
        elif got is None:
            fn += 1
        elif got == want:
            tp += 1
        else:
            fp += 1
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    coverage = sum(1 for got in found.values() if got) / len(expected)
    return dict(pages=len(expected), tp=tp, fp=fp, fn=fn, tn=tn,
                precision=precision, recall=recall, f1=f1, coverage=coverage)
