"""The layout rules of issue 11, checked on the source: modules small enough to read in one sitting, no import
cycle, pure parts that load no I/O library, and Redis commands only in the store.

A new long module, a new cycle or a new Redis call outside the store fails at once.
"""

import ast
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("service", "workers", "messages")
MAX_LINES = 400
# What a Redis client or pipeline is called where it is used, and the commands that would mean Redis knowledge.
REDIS_NAMES = frozenset({"redis", "pipe", "pipeline", "client", "r"})
REDIS_COMMANDS = frozenset(
    {
        "get", "set", "setex", "setnx", "mget", "mset", "incr", "incrby", "decr", "expire", "pexpire", "ttl", "delete",
        "exists", "keys", "scan", "scan_iter", "eval", "evalsha", "hget", "hset", "hmget", "hgetall", "hdel", "hincrby",
        "hexists", "hkeys", "hlen", "zadd", "zrem", "zrange", "zrangebyscore", "zrevrange", "zscore", "zcard",
        "zincrby",
        "zremrangebyscore", "zpopmin", "sadd", "srem", "smembers", "sismember", "scard", "lpush", "rpush", "lpop",
        "rpop", "lrange", "ltrim", "llen", "xadd", "xrange", "publish", "register_script",
    }
)  # fmt: skip


def modules() -> Iterator[tuple[str, Path]]:
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = path.relative_to(ROOT).with_suffix("").parts
            yield ".".join(parts[:-1] if parts[-1] == "__init__" else parts), path


NAMES = dict(modules())


def _type_checking(node: ast.AST) -> bool:
    return isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)


def _imports(tree: ast.AST) -> Iterator[ast.Import | ast.ImportFrom]:
    """Every import statement, at any depth (a lazy import is still a dependency), but not TYPE_CHECKING's."""
    for node in ast.iter_child_nodes(tree):
        if _type_checking(node):
            continue
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield node
        yield from _imports(node)


def dependencies(name: str, path: Path) -> set[str]:
    found = set()
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in _imports(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        else:
            base = node.module or ""
            if node.level:
                base = ".".join([*package.split(".")[: len(package.split(".")) - node.level + 1], base]).strip(".")
            # "from service import store" is the module service.store; "from service.store import State", service.store
            targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in NAMES else base for a in node.names]
        for target in targets:
            while target and target not in NAMES:
                target = target.rpartition(".")[0]  # an attribute of a module, or a module of ours
            if target and target != name:
                found.add(target)
    return found


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    result: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for other in graph[node]:
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                result.append(sorted(component))

    for node in graph:
        if node not in index:
            visit(node)
    return result


# Still over MAX_LINES, with the most lines each may have until it is split.


def _lines(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def test_no_module_is_longer_than_one_sitting() -> None:
    assert {name: n for name, path in NAMES.items() if (n := _lines(path)) > MAX_LINES} == {}


def test_there_is_no_import_cycle() -> None:
    cycles = [set(c) for c in _cycles({name: dependencies(name, path) for name, path in NAMES.items()})]
    assert cycles == []


def test_the_cycle_check_sees_a_cycle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


IO_LIBRARIES = {"flask", "redis", "twilio", "rq", "werkzeug", "prometheus_client"}


@pytest.mark.parametrize(
    "module",
    ["service", "service.crisis", "service.safety", "messages.catalog", "service.conversation.engine"],
)
def test_the_pure_parts_load_no_io_library(module: str) -> None:
    probe = f"import sys, {module}; print(' '.join(sorted({{m.split('.')[0] for m in sys.modules}})))"
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT)
    assert set(loaded.stdout.split()) & IO_LIBRARIES == set()


def redis_calls(path: Path, root: Path = ROOT) -> list[str]:
    calls = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in REDIS_COMMANDS:
            owner = node.func.value
            if isinstance(owner, ast.Name) and owner.id in REDIS_NAMES:
                calls.append(f"{path.relative_to(root)}:{node.lineno} {owner.id}.{node.func.attr}")
    return calls


def test_redis_commands_are_only_in_the_store() -> None:
    outside = {name: calls for name, path in NAMES.items() if not name.startswith("service.store")
               if (calls := redis_calls(path))}  # fmt: skip
    assert outside == {}


def test_the_redis_check_sees_a_call(tmp_path: Path) -> None:
    source = tmp_path / "probe.py"
    source.write_text("def f(redis):\n    return redis.hgetall('k')\n", encoding="utf-8")
    assert redis_calls(source, tmp_path) == ["probe.py:2 redis.hgetall"]


def test_every_kind_of_scheduled_text_has_its_claim_field() -> None:
    from service import store
    from service.conversation import model

    assert set(store.CLAIM_FIELDS) == set(model.SEND_KINDS)
    assert len(set(store.CLAIM_FIELDS.values())) == len(store.CLAIM_FIELDS)  # no two kinds share one day's claim
