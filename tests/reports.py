"""Small reports of our own invention for the ingest tests, and ways to write them as files."""
from __future__ import annotations

import json
from pathlib import Path

CITIES = ("岳阳", "常德", "益阳", "郴州", "永州", "娄底")
CHAIRS = ("李明", "王建国", "赵海涛", "刘春华", "陈光荣", "周志强")


def report(n: int, doc: str | None = None) -> str:
    """Report ``n``: a city government executive meeting with a chair, two attendees and one document."""
    city, chair = CITIES[n % len(CITIES)], CHAIRS[n % len(CHAIRS)]
    day = 1 + n % 28
    doc = doc or f"{city}市第{n}号工作方案"
    return (f"{city}市政府召开常务会议\n本报讯 6月{day}日上午，市长{chair}主持召开市政府第{n + 1}次常务会议，"
            f"审议并原则通过《{doc}》。\n会议强调，要压实责任，抓好落实。\n市领导王芳、赵强出席。")


def jsonl(path: Path, numbers, *, date: str = "2023-06-04") -> Path:
    """Reports ``numbers`` as one JSON Lines file."""
    lines = [json.dumps({"text": report(n), "date": date}, ensure_ascii=False) for n in numbers]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def corpus(folder: Path, files: int, per_file: int) -> list[Path]:
    """``files`` JSON Lines files of ``per_file`` reports each, numbered through."""
    folder.mkdir(parents=True, exist_ok=True)
    return [jsonl(folder / f"feed-{i:03d}.jsonl", range(i * per_file, (i + 1) * per_file)) for i in range(files)]
