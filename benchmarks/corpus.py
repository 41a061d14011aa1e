"""A deterministic generator of Dutch news-like corpora for throughput and scaling runs.

Documents are assembled from the project's own sentence templates
(``benchmarks/templates.nl.txt``) and the sentences of the seed article,
with slots filled from small lists of actors, places, numbers and topics.
The same ``seed`` and size always give the same bytes, so anyone can rebuild
the 10 MB / 100 MB / 1 GB corpus a figure was measured on::

    python -m benchmarks.corpus --size 100MB --seed 1 -o /tmp/news-100mb.jsonl

The text is not real news: it is built to have the shape of news (headlines,
paragraphs, quotes, numbers, speakers) so that every extractor does its
usual amount of work. Accuracy is never measured on it.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path

import regex

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates.nl.txt"
SEED_ARTICLE = HERE.parent / "seeds" / "000_5445485583bac3ad.txt"

_SLOT = regex.compile(r"\{(\w+)\}")

FILLERS: dict[str, tuple[str, ...]] = {
    "person": (
        "Anthony Blinken", "Sergej Lavrov", "Jens Stoltenberg", "Mark Rutte", "Olaf Scholz",
        "Emmanuel Macron", "Volodymyr Zelensky", "Ursula von der Leyen", "Kaja Kallas",
        "Antonio Guterres", "Recep Tayyip Erdogan", "Xi Jinping", "Joe Biden", "Dick Schoof",
        "Caspar Veldkamp", "Hanke Bruins Slot", "Josep Borrell", "Dmitri Peskov",
    ),
    "surname": (
        "Blinken", "Lavrov", "Stoltenberg", "Rutte", "Scholz", "Macron", "Zelensky",
        "Kallas", "Guterres", "Erdogan", "Peskov", "Borrell", "Schoof", "Veldkamp",
    ),
    "title": (
        "minister", "president", "premier", "woordvoerder", "secretaris-generaal",
        "bondskanselier", "minister van Buitenlandse Zaken", "ambassadeur",
    ),
    "org": (
        "de NAVO", "de Europese Unie", "de VN", "het Kremlin", "het Witte Huis", "Moskou",
        "Washington", "Brussel", "Peking", "de OVSE", "het Pentagon", "Den Haag", "Kyiv",
    ),
    "country": (
        "Rusland", "Oekraïne", "Nederland", "Duitsland", "Frankrijk", "China", "Turkije",
        "Polen", "Belarus", "Moldavië", "Georgië", "Israël", "Iran", "de Verenigde Staten",
    ),
    "place": (
        "Stockholm", "Genève", "Brussel", "Wenen", "Kyiv", "Charkiv", "Odesa", "Donetsk",
        "Minsk", "Istanbul", "Warschau", "Vilnius", "Den Haag", "Parijs",
    ),
    "number": (
        "bijna 100.000", "ruim 40", "zo'n 2500", "tienduizenden", "honderden", "1,5 miljard",
        "drieëntwintig", "twaalf", "meer dan 300", "ten minste 17", "ongeveer 60 procent",
        "anderhalf miljoen", "tussen 50 en 60", "ruim 3,2 miljard euro", "twee derde",
    ),
    "noun": (
        "soldaten", "burgers", "vluchtelingen", "tanks", "raketten", "drones", "doden",
        "gewonden", "militairen", "diplomaten", "demonstranten", "gijzelaars",
    ),
    "topic": (
        "een diplomatieke oplossing", "nieuwe sancties", "een staakt-het-vuren",
        "de uitbreiding van de NAVO", "wapenleveranties", "een vredesconferentie",
        "humanitaire corridors", "de graandeal", "een onderzoek naar oorlogsmisdaden",
        "extra steun voor Oekraïne", "een handelsakkoord",
    ),
    "cue": (
        "zei", "zegt", "verklaarde", "benadrukte", "liet weten", "stelde", "meldde",
        "schreef", "waarschuwde", "herhaalde",
    ),
    "month": (
        "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
        "september", "oktober", "november", "december",
    ),
    "year": ("2014", "2015", "2019", "2022", "2023", "2024"),
    "day": tuple(str(d) for d in range(1, 29)),
}


def _templates() -> tuple[tuple[str, ...], tuple[str, ...]]:
    headlines, sentences = [], []
    for line in TEMPLATES.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, _, template = line.partition("\t")
        (headlines if kind == "headline" else sentences).append(template)
    seed_text = regex.sub(r"^ date \S+ ", "", SEED_ARTICLE.read_text(encoding="utf-8"))
    sentences += [s for s in regex.split(r"(?<=[.?!\"])\s+(?=[A-Z\"])", seed_text) if len(s) > 40]
    return tuple(headlines), tuple(sentences)


def _fill(template: str, rng: random.Random) -> str:
    text = _SLOT.sub(lambda m: rng.choice(FILLERS[m.group(1)]), template)
    return text[:1].upper() + text[1:]


def documents(seed: int = 1) -> Iterator[dict[str, str]]:
    """An endless, deterministic stream of JSON-ready news-like records."""
    rng = random.Random(seed)
    headlines, sentences = _templates()
    number = 0
    while True:
        number += 1
        paragraphs = [_fill(rng.choice(headlines), rng)]
        for _ in range(rng.randint(3, 9)):
            count = rng.randint(1, 4)
            paragraphs.append(" ".join(_fill(rng.choice(sentences), rng) for _ in range(count)))
            if rng.random() < 0.2:
                paragraphs.append(_fill(rng.choice(headlines), rng))
        yield {
            "id": f"gen-{seed}-{number:08d}",
            "date": f"{rng.choice(FILLERS['year'])}-{rng.randint(1, 12):02d}",
            "text": "\n\n".join(paragraphs),
        }


def parse_size(text: str) -> int:
    """``10MB`` -> 10_000_000 bytes (decimal units: KB, MB, GB)."""
    match = regex.fullmatch(r"(?i)\s*(\d+(?:\.\d+)?)\s*([kmg]?b?)\s*", text)
    if match is None:
        raise argparse.ArgumentTypeError(f"not a size like 10MB or 1GB: {text!r}")
    factor = {"": 1, "b": 1, "k": 10**3, "kb": 10**3, "m": 10**6, "mb": 10**6, "g": 10**9,
              "gb": 10**9}[match.group(2).lower()]
    return int(float(match.group(1)) * factor)


def write_corpus(path: str | Path, size: int, *, seed: int = 1) -> int:
    """Write JSON Lines records until the file holds at least *size* bytes; return the bytes."""
    written = 0
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        for record in documents(seed):
            line = json.dumps(record, ensure_ascii=False) + "\n"
            out.write(line)
            written += len(line.encode("utf-8"))
            if written >= size:
                break
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.corpus", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=parse_size, default=parse_size("10MB"))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("-o", "--output", required=True)
    args = parser.parse_args(argv)
    written = write_corpus(args.output, args.size, seed=args.seed)
    print(f"wrote {written:,} bytes to {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
