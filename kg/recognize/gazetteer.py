"""Component: places from a gazetteer — China's divisions (from ``cpca``) and the world's countries.

Full names (苏州市) and short forms (苏州) are both found; ``Mention.key`` holds the full name so
resolution merges them. Short forms that are ordinary words are left out.

>>> from kg.doc import Doc
>>> [(m.text, m.key) for m in recognize(Doc(path="x", text="江苏省苏州市吴中区与法国，苏州"))]
[('江苏省', ''), ('苏州市', ''), ('吴中区', ''), ('法国', ''), ('苏州', '苏州市')]
>>> PARENT["吴中区"]
'苏州市'
"""
from __future__ import annotations

import csv
import re
from functools import lru_cache
from importlib import resources

from ..doc import Doc, Mention
from .tokens import boundaries, literal_regex, tag, token_at, view
from .words import COUNTRIES, REGIONS, WORLD_CITIES

# Longest suffixes first: a short form drops the administrative suffix.
_SUFFIXES = ("壮族自治区", "回族自治区", "维吾尔自治区", "特别行政区", "自治区", "自治州", "自治县", "地区", "省", "市", "区", "县", "盟", "旗")
_GENERIC_HEADS = {"新城", "老城", "城关", "城中", "市中", "新华", "和平", "城东", "城西", "城南", "城北", "江北", "江南", "河东", "河西", "新区", "郊区", "矿区", "城区", "新建", "吉利"}
_BAD_SHORT = {"城", "郊", "矿", "市中", "城中", "新城", "开发", "高新", "经济", "中心", "新", "东", "西", "南", "北", "江北", "江南", "城东", "城西", "城南", "城北", "河东", "河西", "白云", "和平", "新华", "平安", "长安", "向阳", "红旗", "朝阳", "永安", "建设", "解放", "东方", "复兴"}

_NOT_PLACE_AFTER = re.compile("特色|式|梦|风格|方案|智慧|精神|故事|道路|样板|模式|经验|实践|力量|声音")
FULL: dict[str, str] = {}  # surface → full name
SHORT: set[str] = set()  # short forms: must stand as a word of their own (jieba token boundaries)
WORDY: set[str] = set()  # full names jieba also lists as ordinary words (营口市 n): a word of their own too
LEVEL3: set[str] = set()  # surfaces of districts and counties: trusted only beside their city
_WORDY = {"n", "v", "a", "vn", "d", "ad", "an", "m", "q", "r", "p", "c", "u", "f", "t", "s", "l", "i"}
PARENT: dict[str, str] = {}  # full name → parent's full name


def _load() -> None:
    ref = resources.files("cpca").joinpath("resources/adcodes.csv")
    rows = []
    with ref.open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            rows.append((r["adcode"], r["name"]))
    by_code = {c: n for c, n in rows}
    # provinces, then cities, then counties: a short form names the highest division that has it
    # (西安 is 西安市, not a district of that name in another province)
    for code, name in sorted(rows, key=lambda r: (r[0][2:] != "0" * 10, r[0][4:] != "0" * 8, r[0])):
        if code[2:] == "0" * 10:
            parent = None
        elif code[4:] == "0" * 8:
            parent = by_code.get(code[:2] + "0" * 10)
        else:
            parent = by_code.get(code[:4] + "0" * 8) or by_code.get(code[:2] + "0" * 10)
        if name in ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划") or len(name) < 2:
            continue
        if parent and parent not in ("市辖区",) and name not in PARENT:
            PARENT[name] = parent
        if tag(name) in _WORDY:
            if len(name) < 3 or name[0] in "市城郊新":  # 城区, 郊区, 市中区: ordinary words
                continue
            WORDY.add(name)  # 营口市, 保定市: jieba lists them as nouns; 大同|市场 is not 大同市
        FULL.setdefault(name, name)
        short = _short(name)
        level3 = code[4:] != "0" * 8
        if level3 and name.endswith(("市", "县")) and len(name) >= 3 and parent and name[:-1] + "区" not in FULL:
            # many county-level cities and counties have since become districts (X市 → X区)
            FULL[name[:-1] + "区"] = name[:-1] + "区"
            PARENT.setdefault(name[:-1] + "区", parent)
        if level3 and (name[:2] in _GENERIC_HEADS or len(name) < 3):
            LEVEL3.add(name)
        if short and short != name and short not in FULL:
            FULL[short] = name
            SHORT.add(short)
            if level3 or name.endswith(("自治州", "地区", "盟")):
                LEVEL3.add(short)
    for w in COUNTRIES + REGIONS + WORLD_CITIES:
        FULL.setdefault(w, w)


def _short(name: str) -> str:
    for suf in _SUFFIXES:
        if name.endswith(suf):
            s = name[: -len(suf)]
            # drop minority names from 自治 forms: 延边朝鲜族自治州 → 延边
            s = re.sub(r"(.{2,}?)(?:[^族]{1,3}族)+$", r"\1", s) if "族" in s else s
            if len(s) < 2 or s in _BAD_SHORT or s[-1] in "新矿" or tag(s) in _WORDY:
                return ""
            return s
    return ""


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern:
    _load()
    return re.compile(literal_regex(FULL))


def recognize(doc: Doc) -> list[Mention]:
    out: list[Mention] = []
    text = view(doc)
    bounds = boundaries(doc)
    found = [(m.start(), m.end(), m.group()) for m in _pattern().finditer(text)]
    literal = {w for _, _, w in found}
    above = {FULL[w] for w in literal if w not in LEVEL3}  # cities, provinces named in the document
    for start, end, w in found:
        if _NOT_PLACE_AFTER.match(text, end):
            continue  # 中国特色, 中国式: a quality, not the place
        if (w in SHORT or w in WORDY) and not (start in bounds and end in bounds):
            continue
        if w in LEVEL3 and PARENT.get(FULL[w]) not in above and FULL[w] not in literal - {w}:
            continue
        full = FULL[w]
        score = 0.75 if w == full else 0.6
        out.append(Mention(start, end, w, "Place", "gazetteer", score, key=full if full != w else ""))
    return out + abbreviations(doc)


# One-character names of countries and continents, as news writes them in pairs (中美关系, 中日韩合作).
ABBREVIATIONS = {"中": "中国", "美": "美国", "日": "日本", "俄": "俄罗斯", "英": "英国", "法": "法国", "德": "德国",
                 "韩": "韩国", "朝": "朝鲜", "印": "印度", "巴": "巴基斯坦", "澳": "澳大利亚", "加": "加拿大",
                 "意": "意大利", "欧": "欧洲", "非": "非洲", "亚": "亚洲", "越": "越南", "泰": "泰国", "蒙": "蒙古",
                 "缅": "缅甸", "以": "以色列", "奥": "奥地利", "菲": "菲律宾", "古": "古巴", "苏": "苏联"}
_PAIR = re.compile("([" + "".join(ABBREVIATIONS) + "]{2,3})(?=关系|两国|三国|四国|双方|三方|合作|贸易|边境|边界|之间|首脑|会谈|会晤|"
                   "联合|友好|建交|经贸|对话|峰会|外长|领导人|战略|伙伴|特使|争端|冲突|谈判|协议|条约|合资|之战|两大洲|友谊|交流)")
# a run of them listed with 、 (中、英、德、法): every one but the last a word of its own
_LISTED = re.compile("[" + "".join(ABBREVIATIONS) + "](?:、[" + "".join(ABBREVIATIONS) + "])+")
# one of them acting as a country: 俄政府, 对韩投资, 俄经济 (a word of its own, so 增加|政府 is not 加)
_ACTING_WORDS = ("政府", "方面", "经济", "社会", "国内", "外长", "总统", "总理", "首相", "政局", "企业", "投资", "军方", "当局", "议会")
_ACTING = re.compile("([俄美英法德日韩朝印澳意越泰缅菲])(?=" + "|".join(_ACTING_WORDS) + ")")
_VISITED_KEYS = {"华": "中国", "京": "北京市"}
_VISITED = re.compile("(?<=[访来对在驻援抵])华(?![东南西北中夏人裔侨商文语])|(?<=[赴抵进来离返驻留])京(?![剧城华东津])")


# One-character names of provinces, as written in runs (京津冀协同发展, 粤港澳大湾区, 川渝两地).
PROVINCES = {"京": "北京市", "津": "天津市", "冀": "河北省", "沪": "上海市", "苏": "江苏省", "浙": "浙江省", "皖": "安徽省",
             "粤": "广东省", "港": "香港", "澳": "澳门", "川": "四川省", "渝": "重庆市", "闽": "福建省", "赣": "江西省",
             "湘": "湖南省", "鄂": "湖北省", "鲁": "山东省", "豫": "河南省", "晋": "山西省", "陕": "陕西省", "甘": "甘肃省",
             "黔": "贵州省", "滇": "云南省", "桂": "广西壮族自治区", "琼": "海南省", "黑": "黑龙江省", "辽": "辽宁省",
             "藏": "西藏自治区", "台": "台湾"}
_RUN = re.compile("([" + "".join(PROVINCES) + "]{2,4})(?=协同|一体化|两地|三地|四地|地区|大湾区|交界|边界|毗邻|三省|两省|四省)")


def abbreviations(doc: Doc) -> list[Mention]:
    """Countries and provinces named by one character in runs: 中美关系 → 中 (中国), 美 (美国);
    lists (中、英、德、法); one acting as a country (俄政府, 对韩投资); 华 and 京 after a visit (访华, 抵京)."""
    out = []
    text = view(doc)
    bounds = boundaries(doc)
    for m in _LISTED.finditer(text):
        if all(p in bounds and p + 1 in bounds for p in range(m.start(), m.end() - 1, 2)) and m.start() in bounds:
            out += [Mention(p, p + 1, text[p], "Place", "gazetteer", 0.6, key=ABBREVIATIONS[text[p]])
                    for p in range(m.start(), m.end(), 2)]
    for m in _ACTING.finditer(text):
        p = m.start()
        w, a, b = token_at(text, p)
        if a == p and (b == p + 1 or b in bounds and w[1:] in _ACTING_WORDS):
            out.append(Mention(p, p + 1, text[p], "Place", "gazetteer", 0.6, key=ABBREVIATIONS[text[p]]))
    for m in _VISITED.finditer(text):
        p = m.start()
        w, a, b = token_at(text, p)
        if b == p + 1 and (a == p or a == p - 1) and p + 1 in bounds:
            out.append(Mention(p, p + 1, text[p], "Place", "gazetteer", 0.6, key=_VISITED_KEYS[text[p]]))
    for pattern, names in ((_PAIR, ABBREVIATIONS), (_RUN, PROVINCES)):
        for m in pattern.finditer(text):
            if len(set(m.group(1))) < len(m.group(1)):
                continue
            for i, ch in enumerate(m.group(1)):
                s = m.start(1) + i
                out.append(Mention(s, s + 1, ch, "Place", "gazetteer", 0.6, key=names[ch]))
    return out


def quality_follows(text: str, end: int) -> bool:
    """Whether the words after a place name make it a quality (中国|特色, 中国|式) rather than the place."""
    return _NOT_PLACE_AFTER.match(text, end) is not None


def parent_of(name: str) -> str | None:
    """Full name of the division that holds ``name`` (a full or short name), if known."""
    _pattern()
    return PARENT.get(FULL.get(name, name))
