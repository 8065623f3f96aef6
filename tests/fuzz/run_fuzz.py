"""Mutation fuzzing of netcrime's readers in watched subprocesses; prints the outcome table.

    python tests/fuzz/run_fuzz.py --files 500            # 500 mutated files per format
    python tests/fuzz/run_fuzz.py --files 10000 --start 0 --timeout 20   # release run
    python tests/fuzz/run_fuzz.py --long --formats ucinet pajek --files 2000  # block path

Each format is read by a worker subprocess (one per format, restarted after a hang or a
crash). For every file the worker reports the outcome of :func:`corpus.classify` and the
tracemalloc peak of the parse; the parent kills a worker that does not answer within
``--timeout`` seconds ("hang"). A MemoryError, a peak above ``--mem-mb`` or a worker
killed by the system counts as "memory". Mutations are seeded (file ``k`` of a format is
always the same bytes), so a run is reproducible and ``--start`` resumes. ``--long``
mutates long files instead (hundreds of lines, DL and Pajek: the readers' block path).

The script imports the netcrime found on ``PYTHONPATH``; to measure another tree, run it
from there, e.g. ``cd old_tree && PYTHONPATH=$PWD python <this script>``.
"""

from __future__ import annotations

import argparse
import json
import os
import select
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus

COLUMNS = ["parsed", "clean error", "unclear error", "raw exception", "hang", "memory",
           "silently accepted"]


def worker(mem_mb: int, as_limit_gb: float) -> None:
    """Answer one JSON line per job read from stdin."""
    if as_limit_gb > 0:
        import resource

        lim = int(as_limit_gb * 2**30)
        resource.setrlimit(resource.RLIMIT_AS, (lim, lim))
    import netcrime  # noqa: F401 - import once, before the first job

    tmp = Path(tempfile.mkdtemp(prefix="ncfuzz"))
    tracemalloc.start()
    for line in sys.stdin:
        job = json.loads(line)
        fmt, seed = job["fmt"], job["seed"]
        data = corpus.long_mutant(fmt, seed) if job.get("long") else corpus.mutant(fmt, seed)
        path = tmp / f"m{seed}{corpus.EXT[fmt]}"
        path.write_bytes(data)
        tracemalloc.reset_peak()
        outcome, detail = corpus.classify(fmt, path, data)
        peak = tracemalloc.get_traced_memory()[1]
        if peak > mem_mb * 2**20 and outcome != "memory":
            outcome, detail = "memory", f"peak {peak / 2**20:.0f} MB ({outcome}: {detail})"
        path.unlink()
        sys.stdout.write(json.dumps({"outcome": outcome, "detail": detail,
                                     "peak": peak}) + "\n")
        sys.stdout.flush()


class Worker:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.proc: subprocess.Popen | None = None

    def start(self) -> None:
        cmd = [sys.executable, __file__, "--worker", "--mem-mb", str(self.args.mem_mb),
               "--as-limit-gb", str(self.args.as_limit_gb)]
        self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL, text=True, bufsize=1)

    def ask(self, fmt: str, seed: int, timeout: float) -> dict:
        if self.proc is None or self.proc.poll() is not None:
            self.start()
        assert self.proc is not None and self.proc.stdin and self.proc.stdout
        self.proc.stdin.write(json.dumps({"fmt": fmt, "seed": seed,
                                          "long": self.args.long}) + "\n")
        self.proc.stdin.flush()
        first = self.proc.stdout
        ready, _, _ = select.select([first], [], [], timeout)
        if not ready:
            self.stop()
            return {"outcome": "hang", "detail": f"no answer in {timeout:g} s"}
        line = first.readline()
        if not line:
            code = self.proc.wait()
            self.proc = None
            kind = "memory" if code in (-9, 137) else "raw exception"
            return {"outcome": kind, "detail": f"worker died (exit code {code})"}
        return json.loads(line)

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.kill()
            self.proc.wait()
            self.proc = None


def run(args: argparse.Namespace) -> dict:
    counts: dict[str, Counter] = {}
    examples: dict[tuple[str, str], list[str]] = defaultdict(list)
    kinds: dict[str, Counter] = defaultdict(Counter)
    startup = max(args.timeout, 120.0)  # the first job also imports netcrime
    for fmt in args.formats:
        w = Worker(args)
        counts[fmt] = Counter()
        t0 = time.time()
        for seed in range(args.start, args.start + args.files):
            fresh = w.proc is None
            res = w.ask(fmt, seed, startup if fresh else args.timeout)
            counts[fmt][res["outcome"]] += 1
            if res["outcome"] in ("raw exception", "memory"):
                kinds[fmt][res["detail"].split(":")[0]] += 1
            if len(examples[fmt, res["outcome"]]) < args.show:
                examples[fmt, res["outcome"]].append(f"#{seed}: {res['detail']}")
        w.stop()
        print(f"{fmt}: {args.files} files in {time.time() - t0:.0f} s", file=sys.stderr)
    return {"counts": counts, "examples": examples, "kinds": kinds}


def table(counts: dict[str, Counter]) -> str:
    head = "| format | files | " + " | ".join(COLUMNS) + " |"
    out = [head, "|" + "---|" * (len(COLUMNS) + 2)]
    for fmt, c in counts.items():
        out.append(f"| {fmt} | {sum(c.values())} | "
                   + " | ".join(str(c.get(k, 0)) for k in COLUMNS) + " |")
    return "\n".join(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--files", type=int, default=500, help="mutated files per format")
    ap.add_argument("--start", type=int, default=0, help="first mutation number")
    ap.add_argument("--formats", nargs="+", default=list(corpus.FORMATS),
                    choices=corpus.FORMATS)
    ap.add_argument("--timeout", type=float, default=10.0, help="seconds per file")
    ap.add_argument("--mem-mb", type=int, default=200, help="tracemalloc peak bound")
    ap.add_argument("--as-limit-gb", type=float, default=0.0,
                    help="address-space limit of the workers (0: none)")
    ap.add_argument("--show", type=int, default=3, help="examples printed per outcome")
    ap.add_argument("--long", action="store_true",
                    help="long files (ucinet, pajek): the readers' block path")
    ap.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.long and set(args.formats) - {"ucinet", "pajek"}:
        ap.error("--long applies to --formats ucinet pajek")
    if args.worker:
        worker(args.mem_mb, args.as_limit_gb)
        return
    os.environ.setdefault("NUMBA_NUM_THREADS", "1")
    res = run(args)
    print(table(res["counts"]))
    print()
    for fmt, c in res["kinds"].items():
        print(f"{fmt}: raw exceptions and memory by kind: "
              + ", ".join(f"{k} {v}" for k, v in c.most_common()))
    for (fmt, outcome), ex in sorted(res["examples"].items()):
        if outcome in ("parsed", "clean error"):
            continue
        for e in ex:
            print(f"{fmt} / {outcome}: {e}")


if __name__ == "__main__":
    main()
