"""Mutation fuzzing of netcrime's file readers: seed files, mutations, reference parsers
and the classification of one parse.

Shared by ``tests/test_io_fuzz.py`` (hypothesis, bounded budget) and
``tests/fuzz/run_fuzz.py`` (watched subprocesses, the outcome table). Imports nothing
from netcrime at module level, so the script can also run against an older tree.

The reference parsers below are written independently of netcrime (a character scanner
for tokens and numbers, ElementTree for GraphML) for a subset of each format. Each returns
``("ok", summary)``, ``("invalid", reason)`` or ``("unsupported", reason)``: a file the
reference calls invalid must be refused by netcrime, a file it reads must give the same
graph; "unsupported" files (features outside the subset) are only checked for the kind of
outcome (a graph or a GraphFormatError naming the file).
"""

from __future__ import annotations

import math
import random
import xml.etree.ElementTree as ET
from typing import Any

FORMATS = ("ucinet", "pajek", "graphml", "csv")
EXT = {"ucinet": ".dl", "pajek": ".net", "graphml": ".graphml", "csv": ".csv"}
CAP = 10_000  # netcrime.io._common.MAX_UNLISTED

# ============================================================================ seeds
SEEDS: dict[str, list[str]] = {
    "ucinet": [
        "DL N = 5\nData:\n0 1 1 1 1\n1 0 1 0 0\n1 1 0 0 1\n1 0 0 0 0\n1 0 1 0 0\n",
        "dl n=5\nformat = fullmatrix\nlabels:\nbarry,david,lin,pat,russ\ndata:\n"
        "0 1 1 1 0\n1 0 0 0 1\n1 0 0 1 0\n1 0 1 0 1\n0 1 0 1 0\n",
        "DL n=5\nformat = edgelist1\nlabels:\ngeorge, sally, jim, billy, jane\ndata:\n"
        "1 2\n1 3\n2 3\n3 1\n4 3\n",
        "dl\nformat=edgelist1\nn=3\ndata:\n1 2 1.56263736263736\n1 3 1.48687978687979\n"
        "2 3 1.39597069597070\n3 1 0.676190476190476\n",
        "DL N=4\nFORMAT = EDGELIST1\nLABELS:\na\nb\nc\nd\nDATA:\n1 2 2.5\n2 3 -1e-3\n"
        "4 1 7\n",
        'DL n = 3, nm = 2, format = edgelist1\nlabels:\n"Ann Lee","Bob","Cy"\n'
        'matrix labels:\n"calls","meets"\ndata:\n1 2 1 \n2 3 2.5 \n!\n2 1 4 \n3 1 1 \n',
        "dl n = 4\nformat = nodelist1\nlabels:\na, b, c, d\ndata:\n1 2 3\n2 4\n4 1\n",
    ],
    "pajek": [
        '*Vertices 3\n1 "Don Vito"\n2 "Sonny"\n3 "Tom"\n*Arcs\n1 2 3\n1 3 1\n',
        '*Vertices 4\n1 "a" 0.1 0.2\n2 "b c" 0.3 0.4 0.5\n3 d\n*Edges\n1 2 2.5\n'
        '3 4 -0.25\n2 3\n',
        "% comment\n*Network test\n*Vertices 5\n1 v1\n2 v2\n*Arcs\n1 2\n2 3 1e2\n"
        "*Edges\n4 5 0.5\n",
        "*Vertices 3\n*Matrix\n0 2 0\n0 0 1\n1 0 0\n",
        '*Vertices 5\n1 "Don Vito" 0.1 0.2 0.5\n2 "Sonny"\n*Arcslist\n1 2 3\n*Edgeslist\n'
        '4 5\n',
    ],
    "graphml": [
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n'
        '<key id="d0" for="edge" attr.name="weight" attr.type="double"/>\n'
        '<key id="d1" for="node" attr.name="role" attr.type="string"/>\n'
        '<graph edgedefault="directed">\n'
        '<node id="a"><data key="d1">boss</data></node>\n'
        '<node id="b"/>\n<node id="c"/>\n'
        '<edge source="a" target="b"><data key="d0">2.5</data></edge>\n'
        '<edge source="b" target="c"><data key="d0">1</data></edge>\n'
        '</graph>\n</graphml>\n',
        '<graphml>\n<key id="k" for="node" attr.name="age" attr.type="int"/>\n'
        '<graph edgedefault="undirected">\n<node id="1"><data key="k">40</data></node>\n'
        '<node id="2"><data key="k">-3</data></node>\n<node id="3"/>\n'
        '<edge source="1" target="2"/>\n<edge source="3" target="2"/>\n</graph>\n'
        '</graphml>\n',
        '<?xml version="1.0" encoding="latin-1"?>\n<graphml>\n'
        '<key id="w" for="edge" attr.name="weight" attr.type="float"/>\n'
        '<key id="f" for="node" attr.name="flag" attr.type="boolean"/>\n'
        '<graph edgedefault="directed">\n<node id="x\u00e9"><data key="f">true</data></node>'
        '\n<node id="y"><data key="f">0</data></node>\n'
        '<edge source="x\u00e9" target="y"><data key="w">0.5e1</data></edge>\n'
        '</graph>\n</graphml>\n',
    ],
    "csv": [
        "source,target,weight\na,b,2.5\nb,c,1\nc,a,-0.5\n",
        "source,target\n1,2\n2,3\n3,1\n4,1\n",
        'source,target,weight,note\n"Ann, Lee",Bob,3,"said ""hi"""\nBob,Cy,1e-2,\n',
        "source,target,weight\nx,y,1\n\ny,z,2\n",
    ],
}


def seed_bytes(fmt: str, k: int) -> bytes:
    text = SEEDS[fmt][k % len(SEEDS[fmt])]
    if fmt == "graphml" and 'encoding="latin-1"' in text:
        return text.encode("latin-1")
    return text.encode("utf-8")


# ============================================================================ mutations
INTERESTING = [
    b'"', b"'", b"nan", b"NaN", b"inf", b"-Infinity", b"1e999", b"0x1F", b"1_000", b"+.5",
    b"\xef\xbc\x91", b"\xd9\xa3", b"\xc2\xb2", b"\xff", b"\xfe\xff", b"\x00", b"\xc3(",
    b"999999999999", b"4294967297", b"10000000", b"-1", b"0", b",", b"\n", b"\r", b"\t",
    b" ", b"!", b":", b"=", b"%", b"*Vertices 10000000\n", b"*Arcs\n", b"*Edges\n",
    b"N=99999999999999 ", b"NM=100000000 ", b"<node id=\"zz\"/>",
    b"<edge source=\"a\" target=\"nowhere\"/>", b"<edge source=\"a\"/>",
    b"<graph edgedefault=\"directed\">", b"</graph>", b"<node id=\"a\"/>",
    b'<?xml version="1.0" encoding="bogus"?>', b"&lt;", b"<data key=\"zz\">1</data>",
    b"a,b,c,d\n", b",,\n", b'"unclosed\n', b"1 2 3 4 5 6\n", b"DATA:\n", b"labels:\n",
    b"1e-400", b"\xe2\x80\xa8", b"\x0c", b"\x1c",
]
NUMBERISH = [b"nan", b"inf", b"Infinity", b"0x10", b"1_0", b"1e999", b"\xef\xbc\x91",
             b"\xd9\xa3", b"1.2.3", b"--1", b"1e", b".", b"10000000", b"999999999999999",
             b"1" * 40, b"-0", b"1.", b".5", b"+2", b"4E2"]


def _number_spans(data: bytes) -> list[tuple[int, int]]:
    spans, i = [], 0
    while i < len(data):
        if 48 <= data[i] <= 57:
            j = i
            while j < len(data) and (48 <= data[j] <= 57 or data[j] in b".eE-+"):
                j += 1
            spans.append((i, j))
            i = j
        else:
            i += 1
    return spans


def mutate_once(data: bytes, rnd: random.Random) -> bytes:
    """One random mutation of ``data``."""
    n = len(data)
    op = rnd.randrange(11)
    pos = rnd.randrange(n + 1) if n else 0
    if op == 0 and n:  # byte flip
        i = rnd.randrange(n)
        return data[:i] + bytes([rnd.randrange(256)]) + data[i + 1:]
    if op == 1 and n:  # bit flip
        i = rnd.randrange(n)
        return data[:i] + bytes([data[i] ^ (1 << rnd.randrange(8))]) + data[i + 1:]
    if op == 2:  # random insertion
        return data[:pos] + bytes(rnd.randrange(256) for _ in range(rnd.randint(1, 4))) \
            + data[pos:]
    if op == 3:  # interesting insertion
        return data[:pos] + rnd.choice(INTERESTING) + data[pos:]
    if op == 4 and n:  # deletion
        j = min(n, pos + rnd.randint(1, 8))
        return data[:pos] + data[j:]
    if op == 5:  # truncation
        return data[:pos]
    spans = _number_spans(data)
    if op in (6, 7) and spans:  # huge count / odd number syntax
        a, b = rnd.choice(spans)
        new = (b"1" + b"0" * rnd.choice([5, 7, 9, 12, 18, 30, 5000]) if op == 6
               else rnd.choice(NUMBERISH))
        return data[:a] + new + data[b:]
    if op == 8:  # bad encodings
        k = rnd.randrange(3)
        if k == 0:
            return data[:pos] + b"\xff\xfe" + data[pos:]
        if k == 1:
            return data.decode("utf-8", "replace").encode("utf-16")
        return data.replace(b"\xc3\xa9", b"\xe9") + b"\xe9\x80"
    if op == 9 and (b'"' in data or b"'" in data):  # unbalanced quotes
        idx = [i for i, c in enumerate(data) if c in b"\"'"]
        i = rnd.choice(idx)
        return data[:i] + data[i + 1:]
    lines = data.split(b"\n")  # line duplication / swap
    if len(lines) > 1:
        i, j = rnd.randrange(len(lines)), rnd.randrange(len(lines))
        if rnd.random() < 0.5:
            lines.insert(j, lines[i])
        else:
            lines[i], lines[j] = lines[j], lines[i]
    return b"\n".join(lines)


def mutant(fmt: str, seed: int) -> bytes:
    """The mutated file number ``seed`` of format ``fmt`` (1 to 4 mutations of a seed)."""
    return mutant_from(fmt, random.Random(f"{fmt}:{seed}"))


def mutant_from(fmt: str, rnd: random.Random) -> bytes:
    """A mutated file of format ``fmt`` drawn with ``rnd`` (hypothesis passes its own)."""
    data = seed_bytes(fmt, rnd.randrange(len(SEEDS[fmt])))
    for _ in range(rnd.choice([1, 1, 1, 2, 2, 3, 4])):
        data = mutate_once(data, rnd)
    return data


# ============================================================================ long files
_LONG_VALUES = ["2", "-0.5", "1.5e-3", ".5", "1.", "+2", "4E2", "007", "0", "-0", "1e-300",
                "123456789.123456789", "9.999999999999999e307"]


def _long_sep(rnd: random.Random, commas: bool) -> str:
    return rnd.choice([" ", " ", " ", "\t", "  ", " \t"] + ([",", ", "] if commas else []))


def _long_line(rnd: random.Random, toks: list[str], commas: bool) -> str:
    pad = rnd.choice(["", "", "", " ", "\t"])
    return pad + "".join(t + _long_sep(rnd, commas) for t in toks[:-1]) + toks[-1] \
        + rnd.choice(["", "", "", " "])


def _long_value(rnd: random.Random) -> str:
    return rnd.choice(_LONG_VALUES) if rnd.random() < 0.3 else repr(rnd.random() * 10)


def long_seed(fmt: str, rnd: random.Random) -> bytes:
    """A valid file long enough for the block path of the DL and Pajek readers (hundreds
    of plain lines, see ``netcrime.io._common.BLOCK_MIN_LINES``): Pajek, every vertex
    labelled and one or two sections of distinct ``*Arcs``/``*Edges``; DL, an edgelist1
    matrix with or without labels, blanks or commas between entries."""
    n = rnd.randint(70, 300)
    pairs = set()
    while len(pairs) < rnd.randint(70, 400):
        a, b = rnd.randint(1, n), rnd.randint(1, n)
        pairs.add((min(a, b), max(a, b)))
    ties = [(a, b) if rnd.random() < 0.5 else (b, a) for a, b in sorted(pairs)]
    rnd.shuffle(ties)
    valued = rnd.random() < 0.6
    out = []
    if fmt == "pajek":
        out.append(f"*Vertices {n}")
        quoted = rnd.random() < 0.5
        out += [_long_line(rnd, [str(i), f'"v {i}"' if quoted else f"v{i}"], False)
                for i in range(1, n + 1)]
        cut = rnd.randint(1, len(ties) - 1)
        parts = [("*Arcs", ties[:cut]), ("*Edges", ties[cut:])] if rnd.random() < 0.3 \
            else [(rnd.choice(["*Arcs", "*Edges"]), ties)]
        for sec, part in parts:
            out.append(sec)
            out += [_long_line(rnd, [str(a), str(b)]
                               + ([_long_value(rnd)] if valued else []), False)
                    for a, b in part]
    else:
        out += [f"DL N={n}", "FORMAT = EDGELIST1"]
        if rnd.random() < 0.5:
            out += ["LABELS:", ", ".join(f"n{i}" for i in range(1, n + 1))]
        out.append("DATA:")
        out += [_long_line(rnd, [str(a), str(b)] + ([_long_value(rnd)] if valued else []),
                           True) for a, b in ties]
    return ("\n".join(out) + "\n").encode("utf-8")


def long_mutant(fmt: str, seed: int) -> bytes:
    """The long mutated file number ``seed`` of format ``fmt`` (``ucinet`` or ``pajek``)."""
    return long_mutant_from(fmt, random.Random(f"long:{fmt}:{seed}"))


def long_mutant_from(fmt: str, rnd: random.Random) -> bytes:
    """A long file of ``fmt`` (:func:`long_seed`) with 0 to 3 mutations."""
    data = long_seed(fmt, rnd)
    for _ in range(rnd.choice([0, 1, 1, 1, 2, 3])):
        data = mutate_once(data, rnd)
    return data


# ============================================================================ references
ODD_SPACE = {c for c in map(chr, range(0x3000 + 1)) if c.isspace()} - set(" \t\n\r")


def ref_number(tok: str) -> float | None:
    """A finite decimal number, scanned by hand: [+-] digits [. digits] [e [+-] digits]."""
    i, n, digits = 0, len(tok), 0
    if i < n and tok[i] in "+-":
        i += 1
    while i < n and "0" <= tok[i] <= "9":
        i, digits = i + 1, digits + 1
    if i < n and tok[i] == ".":
        i += 1
        while i < n and "0" <= tok[i] <= "9":
            i, digits = i + 1, digits + 1
    if digits == 0:
        return None
    if i < n and tok[i] in "eE":
        i += 1
        if i < n and tok[i] in "+-":
            i += 1
        e0 = i
        while i < n and "0" <= tok[i] <= "9":
            i += 1
        if i == e0:
            return None
    if i != n or n > 1000:
        return None
    v = float(tok)
    return v if math.isfinite(v) else None


def ref_int(tok: str) -> int | None:
    t = tok[1:] if tok[:1] == "+" else tok
    if not t or len(t) > 4000 or any(not "0" <= c <= "9" for c in t):
        return None
    return int(t)


def _decode(data: bytes) -> str | None:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return text[1:] if text.startswith("\ufeff") else text


def _lines(text: str) -> list[str]:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return lines[:-1] if lines and lines[-1] == "" else lines


def summary(nodes: list[Any], directed: bool, ties: dict) -> tuple:
    """A comparable description: node labels as text, direction, {pair: value}."""
    out = {}
    for (a, b), w in ties.items():
        key = (str(a), str(b)) if directed else tuple(sorted((str(a), str(b))))
        out[key] = float(w)
    return (tuple(str(x) for x in nodes), bool(directed), tuple(sorted(out.items())))


def graph_summary(g: Any) -> tuple:
    """The same description of a netcrime Graph."""
    df = g.to_pandas()
    w = df["weight"].tolist() if "weight" in df.columns else [1.0] * len(df)
    return summary(list(g.nodes), g.directed,
                   dict(zip(zip(df["source"].tolist(), df["target"].tolist()), w)))


def _too_many(n: int, text: str) -> bool:
    return n > max(CAP, len(text))


# ---------------------------------------------------------------------------- Pajek
def _pajek_toks(s: str) -> list[str] | None:
    """Blank-separated tokens; "quoted" tokens; None for a quote out of place."""
    out, i, n = [], 0, len(s)
    while i < n:
        if s[i] in " \t":
            i += 1
            continue
        if s[i] == '"':
            j = s.find('"', i + 1)
            if j < 0 or (j + 1 < n and s[j + 1] not in " \t"):
                return None
            out.append(s[i + 1:j])
            i = j + 1
            continue
        j = i
        while j < n and s[j] not in " \t":
            if s[j] == '"':
                return None
            j += 1
        out.append(s[i:j])
        i = j
    return out


class _Verdict(Exception):
    """A reference parser's verdict reached early: ("invalid" | "unsupported", reason)."""


class _RefPajek:
    def __init__(self, text: str) -> None:
        self.text = text
        self.n: int | None = None
        self.labels: dict[int, str] = {}
        self.section: str | None = None
        self.ties: list[tuple[int, int, float, str]] = []
        self.kinds: set[str] = set()

    def header(self, s: str) -> None:
        words = s.split()
        kw = words[0].lower()
        if kw == "*vertices":
            if self.n is not None or len(words) != 2 or ref_int(words[1]) is None \
                    or words[1][:1] == "+":
                raise _Verdict("invalid", "*Vertices")
            self.n = int(words[1])
            if _too_many(self.n, self.text):
                raise _Verdict("invalid", "count")
            self.section = "v"
        elif kw in ("*arcs", "*edges") and len(words) == 1:
            if self.n is None:
                raise _Verdict("invalid", "ties before vertices")
            self.section = kw[1:]
            self.kinds.add(self.section)
        else:
            raise _Verdict("unsupported", kw)

    def vertex(self, tok: str) -> int:
        v = ref_int(tok)
        if v is None or not 1 <= v <= self.n:
            raise _Verdict("invalid", "vertex")
        return v

    def vertex_line(self, v: int, toks: list[str]) -> None:
        if v in self.labels:
            raise _Verdict("invalid", "vertex twice")
        coords = []
        for t in toks[2:]:
            if ref_number(t) is not None:
                coords.append(t)
            elif t.lower().lstrip("+-") in ("nan", "inf", "infinity") or \
                    t[:1] in "0123456789+-.":
                raise _Verdict("invalid", "coordinate")
            else:
                raise _Verdict("unsupported", "drawing options")
        if len(coords) == 1 or len(coords) > 3:
            raise _Verdict("invalid", "coordinates")
        self.labels[v] = toks[1] if len(toks) > 1 else str(v)

    def tie_line(self, v: int, toks: list[str]) -> None:
        if len(toks) < 2:
            raise _Verdict("invalid", "short tie line")
        if len(toks) > 3:
            raise _Verdict("unsupported", "drawing options")
        b = self.vertex(toks[1])
        w = 1.0 if len(toks) == 2 else ref_number(toks[2])
        if w is None:
            raise _Verdict("invalid", "value")
        self.ties.append((v, b, w, self.section))

    def line(self, line: str) -> None:
        s = line.strip(" \t")
        if not s or s[0] == "%":
            return
        if s[0] == "*":
            self.header(s)
            return
        if self.section is None:
            raise _Verdict("invalid", "outside a section")
        toks = _pajek_toks(s)
        if toks is None:
            raise _Verdict("invalid", "quote")
        v = self.vertex(toks[0])
        if self.section == "v":
            self.vertex_line(v, toks)
        else:
            self.tie_line(v, toks)

    def result(self) -> tuple:
        n = self.n
        if n is None:
            raise _Verdict("invalid", "no *Vertices")
        nodes = [self.labels.get(i, str(i)) for i in range(1, n + 1)]
        if len(set(nodes)) != n:
            raise _Verdict("invalid", "label twice")
        directed = "arcs" in self.kinds
        out: dict = {}
        for a, b, w, kind in self.ties:
            if not directed:
                pairs = [(min(a, b), max(a, b))]
            elif kind == "arcs" or a == b:
                pairs = [(a, b)]
            else:
                pairs = [(a, b), (b, a)]
            for key in pairs:
                if key in out:
                    raise _Verdict("invalid", "repeated tie")
                out[key] = w
        return summary(nodes, directed, {(nodes[a - 1], nodes[b - 1]): w
                                         for (a, b), w in out.items()})


def ref_pajek(data: bytes) -> tuple[str, Any]:
    text = _decode(data)
    if text is None:
        return "invalid", "encoding"
    if any(c in ODD_SPACE for c in text):
        return "unsupported", "unusual blank"
    ref = _RefPajek(text)
    try:
        for line in _lines(text):
            ref.line(line)
        return "ok", ref.result()
    except _Verdict as v:
        return v.args[0], v.args[1]


# ---------------------------------------------------------------------------- UCINET DL
_DL_OTHER = {"nr", "nc", "nm", "diagonal", "row", "column", "col", "matrix", "level",
             "embedded", "fm", "full", "edgelist", "el1", "nodelist", "nl1", "nodelist1"}


def _dl_header(words: list[str], text: str) -> tuple[str, Any]:
    """(``"ok"``, (n, format, labels)) or a verdict."""
    n, fmt, labels, i = None, "fullmatrix", None, 1
    while i < len(words):
        w = words[i].lower()
        if w == "n":
            if words[i + 1:i + 2] != ["="] or i + 2 >= len(words):
                return "invalid", "N ="
            v = words[i + 2]
            if any(not "0" <= c <= "9" for c in v):
                return "invalid", "N value"
            n = int(v) if len(v) <= 18 else 10 ** 18
            i += 3
        elif w == "format":
            f = words[i + 2].lower() if i + 2 < len(words) and words[i + 1] == "=" else ""
            if f not in ("fullmatrix", "edgelist1"):
                return ("unsupported", f) if f in _DL_OTHER else ("invalid", "format")
            fmt, i = f, i + 3
        elif w == "labels":
            if words[i + 1:i + 2] != [":"] or n is None or _too_many(n, text):
                return ("unsupported", "embedded") if words[i + 1:i + 2] == ["embedded"] \
                    else ("invalid", "labels")
            labels = words[i + 2:i + 2 + n]
            if len(labels) < n or any(x in ("=", ":") for x in labels):
                return "invalid", "labels"
            i += 2 + n
        else:
            return ("unsupported", w) if w in _DL_OTHER else ("invalid", "keyword " + w)
    if n is None:
        return "invalid", "no N"
    if _too_many(n, text):
        return "invalid", "count"
    return "ok", (n, fmt, labels)


def _dl_words(s: str) -> list[str]:
    for c in "=:":
        s = s.replace(c, f" {c} ")
    return s.replace(",", " ").split()


def ref_dl(data: bytes) -> tuple[str, Any]:
    text = _decode(data)
    if text is None:
        return "invalid", "encoding"
    if any(c in ODD_SPACE for c in text) or '"' in text or "'" in text:
        return "unsupported", "quotes or unusual blanks"
    lines = _lines(text)
    at = next((k for k, s in enumerate(lines)
               if s.lstrip().lower().startswith("data") and
               s.lstrip()[4:].lstrip().startswith(":")), None)
    if at is None:
        return "invalid", "no data:"
    words = _dl_words("\n".join(lines[:at]))
    if not words or words[0].lower() != "dl":
        return "invalid", "no DL"
    verdict, head = _dl_header(words, text)
    if verdict != "ok":
        return verdict, head
    n, fmt, labels = head
    if labels is not None and len(set(labels)) != n:
        return "invalid", "label twice"
    rest = lines[at].split(":", 1)[1]
    data_lines = [s for s in [rest, *lines[at + 1:]] if s.strip(" \t")]
    if any(s.strip(" \t") == "!" for s in data_lines):
        return "unsupported", "!"
    cells: dict = {}
    if fmt == "fullmatrix":
        if len(data_lines) != n:
            return "invalid", "rows"
        for r, s in enumerate(data_lines):
            toks = s.replace(",", " ").split()
            vals = [ref_number(t) for t in toks]
            if len(toks) != n or any(v is None for v in vals):
                return "invalid", "row"
            for c, v in enumerate(vals):
                if v != 0:
                    cells[(r, c)] = v
    else:
        for s in data_lines:
            toks = s.replace(",", " ").split()
            if len(toks) not in (2, 3):
                return "invalid", "edge line"
            a, b = ref_int(toks[0]), ref_int(toks[1])
            if a is None or b is None or not (1 <= a <= n and 1 <= b <= n):
                return "invalid", "node"
            v = ref_number(toks[2]) if len(toks) == 3 else 1.0
            if v is None:
                return "invalid", "value"
            if cells.get((a - 1, b - 1), v) != v:
                return "invalid", "conflicting cell"
            cells[(a - 1, b - 1)] = v
        cells = {k: v for k, v in cells.items() if v != 0}
    nodes = labels if labels is not None else list(range(1, n + 1))
    return "ok", summary(nodes, True, {(nodes[a], nodes[b]): v for (a, b), v in cells.items()})


# ---------------------------------------------------------------------------- CSV
def ref_csv(data: bytes) -> tuple[str, Any]:
    text = _decode(data)
    if text is None:
        return "invalid", "encoding"
    if '"' in text or "\r" in text.replace("\r\n", ""):
        return "unsupported", "quotes"
    rows = [s.split(",") for s in text.replace("\r\n", "\n").split("\n") if s != ""]
    if not rows:
        return "invalid", "empty"
    head = rows[0]
    if any(h == "" for h in head) or len(set(head)) != len(head):
        return "invalid", "header"
    if "source" not in head or "target" not in head:
        return "invalid", "columns"
    if set(head) - {"source", "target", "weight"}:
        return "unsupported", "attributes"
    recs = []
    for r in rows[1:]:
        if len(r) != len(head):
            return "invalid", "field count"
        recs.append(dict(zip(head, r)))
    if any(rec["source"] == "" or rec["target"] == "" for rec in recs):
        return "invalid", "missing endpoint"
    ws = []
    for rec in recs:
        w = ref_number(rec["weight"]) if "weight" in rec else 1.0
        if w is None:
            return "invalid", "weight"
        ws.append(w)
    nodes: list[str] = []
    seen: set[str] = set()
    for col in ("source", "target"):
        for rec in recs:
            if rec[col] not in seen:
                seen.add(rec[col])
                nodes.append(rec[col])
    ties: dict = {}
    for rec, w in zip(recs, ws):
        key = (rec["source"], rec["target"])
        if key in ties:
            return "invalid", "repeated pair"
        ties[key] = w
    if any(ref_int(x) is not None and x != str(ref_int(x)) for x in nodes):
        return "unsupported", "integer labels that do not read back as written"
    return "ok", summary(nodes, True, ties)


# ---------------------------------------------------------------------------- GraphML
def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _graphml_value(kind: str, raw: str) -> bool:
    v = raw.strip()
    if kind in ("int", "long"):
        t = v[1:] if v[:1] in "+-" else v
        i = ref_int(t) if t[:1] != "+" else None
        return i is not None and -2**63 <= (-i if v[:1] == "-" else i) < 2**63
    if kind in ("float", "double"):
        return v in ("INF", "-INF", "+INF", "NaN") or ref_number(v) is not None
    if kind == "boolean":
        return v in ("true", "false", "1", "0")
    return True


def _ref_keys(root: ET.Element) -> dict:
    keys = {}
    for k in root:
        if _local(k.tag) != "key":
            continue
        kid, kind = k.get("id"), k.get("attr.type", "string")
        if kid is None or kid in keys or kind not in ("boolean", "int", "long", "float",
                                                      "double", "string"):
            raise _Verdict("invalid", "key")
        if any(_local(c.tag) == "default" for c in k):
            raise _Verdict("unsupported", "key defaults")
        keys[kid] = (kind, k.get("attr.name"))
    for d in root.iter():
        if _local(d.tag) == "data":
            if d.get("key") not in keys:
                raise _Verdict("invalid", "data key")
            if not _graphml_value(keys[d.get("key")][0], d.text or ""):
                raise _Verdict("invalid", "value")
    return keys


def _ref_weight(e: ET.Element, keys: dict) -> float:
    w = 1.0
    for d in e:
        if _local(d.tag) == "data" and keys[d.get("key")][1] == "weight":
            if keys[d.get("key")][0] not in ("float", "double", "int", "long"):
                raise _Verdict("unsupported", "text weight")
            w = float((d.text or "").strip())
            if not math.isfinite(w):
                raise _Verdict("unsupported", "non-finite weight")
    return w


def _ref_graph(g: ET.Element, keys: dict) -> tuple:
    ed = g.get("edgedefault")
    if ed not in ("directed", "undirected", None):
        raise _Verdict("invalid", "edgedefault")
    directed = ed == "directed"
    nodes: list[str] = []
    for e in g:
        if _local(e.tag) == "node":
            if e.get("id") is None or e.get("id") in nodes:
                raise _Verdict("invalid", "node id")
            nodes.append(e.get("id"))
    ties: dict = {}
    for e in g:
        if _local(e.tag) != "edge":
            continue
        if "directed" in e.attrib:
            raise _Verdict("unsupported", "edge direction")
        a, b = e.get("source"), e.get("target")
        if a is None or b is None or a not in nodes or b not in nodes:
            raise _Verdict("invalid", "endpoint")
        key = (a, b) if directed else tuple(sorted((a, b)))
        if key in ties:
            raise _Verdict("invalid", "parallel edge")
        ties[key] = _ref_weight(e, keys)
    return summary(nodes, directed, ties)


def ref_graphml(data: bytes) -> tuple[str, Any]:
    try:
        root = ET.fromstring(data)
    except ET.ParseError:
        return "invalid", "xml"
    except (LookupError, ValueError):
        return "invalid", "encoding"
    if root.tag not in ("graphml", "{http://graphml.graphdrawing.org/xmlns}graphml"):
        return "invalid", "root"
    if any(_local(e.tag) in ("hyperedge", "port", "endpoint") for e in root.iter()):
        return "unsupported", "hyperedges or ports"
    graphs = [e for e in root.iter() if _local(e.tag) == "graph"]
    if len(graphs) != 1 or graphs[0] not in list(root):
        return "invalid", "graph count"
    try:
        return "ok", _ref_graph(graphs[0], _ref_keys(root))
    except _Verdict as v:
        return v.args[0], v.args[1]


REFERENCES = {"ucinet": ref_dl, "pajek": ref_pajek, "graphml": ref_graphml, "csv": ref_csv}


# ============================================================================ one parse
def read_with_netcrime(fmt: str, path: Any) -> Any:
    """Read ``path`` with netcrime's reader for ``fmt`` (default options; DL: every
    matrix, the only one when there is one)."""
    import netcrime as nc

    if fmt == "ucinet":
        mats = nc.io.read_ucinet_dl_matrices(path)
        return next(iter(mats.values())) if len(mats) == 1 else mats
    if fmt == "pajek":
        return nc.io.read_pajek(path)
    if fmt == "graphml":
        return nc.io.read_graphml(path)
    return nc.io.read_csv(path, directed=True)


def classify(fmt: str, path: Any, data: bytes) -> tuple[str, str]:
    """``(outcome, detail)`` of reading one file. Outcomes: ``"parsed"`` (a graph that
    agrees with the reference), ``"clean error"`` (GraphFormatError naming the file, and
    the line and ``encoding=`` for a decoding error), ``"unclear error"``
    (GraphFormatError without them), ``"silently accepted"`` (a graph from a file the
    reference refuses, or a graph that differs from the reference's), ``"raw exception"``
    and ``"memory"`` (MemoryError). Hangs and memory peaks are judged by the caller."""
    from netcrime.exceptions import GraphFormatError

    try:
        g = read_with_netcrime(fmt, path)
    except GraphFormatError as exc:
        msg = str(exc)
        if not msg.startswith(path.name):
            return "unclear error", msg[:160]
        if "decode" in msg and ("line" not in msg or "encoding=" not in msg):
            return "unclear error", msg[:160]
        if ("more than the file can hold" in msg or "quote" in msg) and ", line " not in msg:
            return "unclear error", msg[:160]
        return "clean error", msg[:160]
    except MemoryError as exc:
        return "memory", repr(exc)[:160]
    except Exception as exc:  # counting every raw exception is the point
        return "raw exception", f"{type(exc).__name__}: {exc}"[:160]
    verdict, ref = REFERENCES[fmt](data)
    if verdict == "invalid":
        return "silently accepted", f"reference refuses it ({ref})"
    if verdict == "ok" and not isinstance(g, dict) and graph_summary(g) != ref:
        return "silently accepted", "the graph differs from the reference parse"
    return "parsed", verdict
