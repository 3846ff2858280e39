"""How often the relation recognisers read DuIE 2.0's facts from sentences nobody tuned on — once
the recognisers found both ends.

    python bench/relate_duie.py [../shared/data/duie2/duie_dev_first2000.json]

DuIE predicates read: 董事长, 校长 (holds_position), 创始人 (founded), 成立日期 (founded_on), 国籍
(nationality), 祖籍 (hometown_of), 总部地点 and 所在城市 (located_in). Prints, per relation: gold
facts, those whose two ends were recognised, those read, and all predicted. DuIE lists only some
facts per sentence, so "predicted" is an upper bound on false positives, not a count of them.
"""
from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

from kg.pipeline import extract
from kg.resolve import normal_name

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "duie2" / "duie_dev_first2000.json"
WANT = {"董事长": "holds_position", "校长": "holds_position", "创始人": "founded", "成立日期": "founded_on",
        "国籍": "nationality", "祖籍": "hometown_of", "总部地点": "located_in", "所在城市": "located_in"}


def gold_fact(spo: dict) -> tuple[str, str, str]:
    """(kind, subject, object) in the pipeline's direction; founded_on's object is "YYYY[-MM]"."""
    kind, subj, obj = WANT[spo["predicate"]], spo["subject"], spo["object"]["@value"]
    if kind in ("holds_position", "founded"):
        return kind, normal_name(obj), normal_name(subj)  # DuIE: company 董事长 person; here: person … company
    if kind == "founded_on":
        nums = re.findall(r"\d+", obj)
        return kind, normal_name(subj), f"{nums[0]}-{int(nums[1]):02d}" if len(nums) > 1 else (nums[0] if nums else obj)
    return kind, normal_name(subj), normal_name(obj)


def main(path: Path) -> None:
    stats: Counter = Counter()
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        spos = [s for s in row["spo_list"] if s["predicate"] in WANT]
        if not spos:
            continue
        d = extract(row["text"])
        names = {normal_name(m.key or m.label) for m in d.mentions} | {normal_name(m.label) for m in d.mentions}
        got = {(r.kind, normal_name(d.mentions[r.subject].label),
                r.literal if r.object is None else normal_name(d.mentions[r.object].label)) for r in d.relations}
        for s in spos:
            kind, a, b = gold_fact(s)
            stats[kind, "gold"] += 1
            stats[kind, "ends"] += a in names and (kind == "founded_on" or b in names)
            stats[kind, "read"] += (kind, a, b) in got or kind == "founded_on" and any(
                g[0] == kind and g[1] == a and str(g[2])[:4] == b[:4] for g in got)
        for kind in set(WANT.values()):
            stats[kind, "predicted"] += sum(1 for g in got if g[0] == kind)
    for kind in sorted(set(WANT.values())):
        e, r = stats[kind, "ends"], stats[kind, "read"]
        print(f"{kind:15s} gold {stats[kind, 'gold']:4d}  both ends recognised {e:4d}  read {r:4d}"
              f" ({r / e if e else 0:.0%} of those)  predicted {stats[kind, 'predicted']:4d}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT)
