"""A corpus generator for the benchmarks: N distinct plans with the bundled plans' structure.

Each generated plan takes one bundled document, moves it to another jurisdiction
(names, document-number prefix), gives it its own number and date, reorders the
departments named in its notes and drops some units, so that every plan is a
different document with the shapes policykg reads. Deterministic for a seed.

    python -m tests.corpus_gen 1000 /tmp/corpus-1000
"""

import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "corpus").glob("*.txt"))
# (name, short name, document-number prefix, capital) of the jurisdictions in loaders/data/jurisdictions.tsv
PLACES = [("安徽省", "安徽", "皖政", "合肥"), ("浙江省", "浙江", "浙政", "杭州"), ("广东省", "广东", "粤府", "广州"),
          ("江苏省", "江苏", "苏政发", "南京")]
CITIES = [("深圳市", "深圳", "深府"), ("上海市", "上海", "沪府"), ("北京市", "北京", "京政发"), ("广州市", "广州", "穗府"),
          ("杭州市", "杭州", "杭政")]
NOTE = re.compile(r"（((?:[^（）\n]|（[^（）\n]*）)+)）")


STATED = re.compile(r"^(?P<lead>[^：]+?牵头)，(?P<supports>[^：]+?)(?P<end>等?(?:配合|按职责分工负责))$")


def _shuffle_note(match: re.Match[str], rng: random.Random) -> str:
    """X牵头，Y、Z等配合 → the same lead, the supports in another order."""
    m = STATED.match(match.group(1))
    if not m:
        return match.group(0)
    supports = m.group("supports").split("、")
    rng.shuffle(supports)
    return f"（{m.group('lead')}，{'、'.join(supports)}{m.group('end')}）"


def generate(index: int, rng: random.Random) -> tuple[str, str]:
    seed = SEEDS[index % len(SEEDS)]
    text = seed.read_text(encoding="utf-8")
    city = "深圳" in text[:200]
    if city:
        name, short, prefix = CITIES[index % len(CITIES)]
        text = text.replace("深圳市", name).replace("深圳", short).replace("深府", prefix)
    else:
        original = next(p for p in PLACES if p[2] in text[:300] or p[0] in text[:300]) if "皖政" not in text[:300] \
            else PLACES[0]
        name, short, prefix, capital = PLACES[index % len(PLACES)]
        text = (text.replace(original[0], name).replace(original[1], short).replace(original[2], prefix)
                .replace(original[3], capital))
    year = 2014 + index % 2  # before the plans' target years, so their targets stay targets
    number = f"{prefix}〔{year}〕{100 + index}号"
    lines = text.split("\n")
    title_at = next(i for i, ln in enumerate(lines) if ln.strip())
    if "〔" not in lines[title_at]:
        lines[title_at] = lines[title_at].strip() + f"（第{index + 1}号样本）"
        lines.insert(title_at + 1, f"（{number}）")
    else:  # the document starts with its number: give it a new one
        lines[title_at] = f"（{number}）"
    kept = [ln for ln in lines if not (re.match(r"^\d+[．.]", ln.strip()) and rng.random() < 0.15)]
    text = "\n".join(kept)
    text = NOTE.sub(lambda m: _shuffle_note(m, rng), text)
    text = re.sub(r"(\d{4})年(\d{1,2})月(\d{1,2})日", lambda m: f"{year}年{m.group(2)}月{m.group(3)}日", text, count=1)
    return f"gen_{index:05d}_{seed.stem[:3]}.txt", text


def write_corpus(count: int, folder: Path, seed: int = 7) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    paths = []
    for i in range(count):
        name, text = generate(i, rng)
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


if __name__ == "__main__":
    n, out = int(sys.argv[1]), Path(sys.argv[2])
    print(f"wrote {len(write_corpus(n, out))} documents to {out}")
