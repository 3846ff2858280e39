"""Is a place name an administrative area? From its suffix (省 … 村) or China's divisions in the
``cpca`` package (full names and their short forms: 杭州市 and 杭州).

>>> is_admin("青山镇"), is_admin("杭州"), is_admin("霞光中路"), is_chinese_admin("希腊")
(True, True, False, False)
>>> is_admin("鹿城区"), is_admin("主城区"), is_admin("松山工业社区")
(True, False, False)
"""
from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources

# longest first; a short form drops one of these
SUFFIXES = ("壮族自治区", "回族自治区", "维吾尔自治区", "特别行政区", "自治区", "自治州", "自治县", "地区",
            "街道", "社区", "省", "市", "区", "县", "镇", "乡", "村", "盟", "旗")
# names that end like an area but are not one (a 工业社区 is a business park's service unit)
NOT_ADMIN = ("工业社区", "开发区", "自贸区", "示范区", "片区", "园区", "景区", "小区", "功能区", "新区", "保税区",
             "商圈", "街区", "城区", "社区党委")


@lru_cache(maxsize=1)
def _divisions() -> frozenset[str]:
    names: set[str] = set()
    try:
        ref = resources.files("cpca").joinpath("resources/adcodes.csv")
        with ref.open(encoding="utf-8") as f:
            for row in csv.DictReader(f):
                name = row["name"]
                names.add(name)
                short = strip_suffix(name)
                if len(short) >= 2:
                    names.add(short)
    except (FileNotFoundError, ModuleNotFoundError, KeyError):
        pass
    return frozenset(names)


def strip_suffix(name: str) -> str:
    """杭州市 → 杭州; a name the suffix would leave shorter than two characters is kept whole."""
    for suf in SUFFIXES:
        if name.endswith(suf) and len(name) - len(suf) >= 2:
            return name[: -len(suf)]
    return name


def is_chinese_admin(name: str) -> bool:
    return name in _divisions()


def is_admin(name: str) -> bool:
    if is_chinese_admin(name):  # 鹿城区 is a district though it ends like 主城区
        return True
    if name.endswith(NOT_ADMIN):
        return False
    return any(name.endswith(s) and len(name) > len(s) for s in SUFFIXES)
