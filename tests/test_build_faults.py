"""Faults a build must survive or report clearly (issue 10): caches and concurrent builds,
the Mermaid lock, and writer mistakes that used to pass ``mkdocs build --strict``.

- A figure is written to a temporary file and renamed: a build killed mid-write leaves no
  truncated SVG behind, and a cached SVG that does not parse is drawn again.
- Builds that draw the same figure, or fetch Mermaid into an empty cache, at the same time
  do not trip over each other's files.
- A truncated notebook cache file is rendered again, not blamed on the notebook.
- package-lock.json's integrity must be sha512 (or sha384/sha256); a mismatch shows both
  hashes and the command that refreshes the lock.
- An include of ``file:section`` whose file lacks exactly one start and one end marker fails
  the build naming the file and section; a figure no example draws names its
  ``plt.show()`` and ``snippets/examples/<name>.py``.

The concurrent tests run real processes (the hooks as builds run them), each with its own
interpreter; the drawing and the download are replaced by fixed bytes so that only the cache
handling is under test, and the processes are lined up to collide.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
import tarfile
import textwrap
import threading
import time
import xml.etree.ElementTree as ElementTree
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from conftest import ROOT

HOOKS = ROOT / "hooks"
sys.path.insert(0, str(HOOKS))
import figures  # noqa: E402  (the build hooks)
import mermaid  # noqa: E402


def run_workers(
    script: str, args: list[list[str]], env: dict | None = None, timeout: float = 60
) -> list[subprocess.CompletedProcess]:
    """Run ``script`` in one Python process per argument list, all at once; their results."""
    code = f"import sys; sys.path.insert(0, {str(HOOKS)!r})\n" + textwrap.dedent(script)
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", code, *a],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, **(env or {})},
        )
        for a in args
    ]
    results = []
    for proc, a in zip(procs, args, strict=True):
        out, err = proc.communicate(timeout=timeout)
        results.append(subprocess.CompletedProcess(a, proc.returncode, out, err))
    return results


def failures(results: list[subprocess.CompletedProcess]) -> str:
    return "\n".join(f"worker {r.args} exited {r.returncode}:\n{r.stderr[-2000:]}" for r in results if r.returncode)


def is_svg(data: bytes) -> bool:
    try:
        ElementTree.fromstring(data)
    except ElementTree.ParseError:
        return False
    return data.rstrip().endswith(b"</svg>")


# --- figures: written whole or not at all ------------------------------------------------------


@pytest.fixture
def figure_project(tmp_path, monkeypatch) -> Path:
    """A throwaway project for the figure hook, with one drawing example and an empty cache."""
    shutil.copytree(ROOT / "snippets", tmp_path / "snippets")
    monkeypatch.setattr(figures, "ROOT", tmp_path)
    monkeypatch.setattr(figures, "EXAMPLES", tmp_path / "snippets" / "examples")
    monkeypatch.setattr(figures, "CACHE", tmp_path / ".cache" / "figures")
    return tmp_path


def test_a_cached_figure_that_does_not_parse_is_drawn_again(figure_project):
    example = figures.EXAMPLES / "relu.py"
    whole = figures.figure_svg(example)
    cached = figures.cached_file(example)
    assert cached.read_bytes() == whole
    for broken in (whole[: len(whole) // 2], b"", whole.replace(b"</svg>", b"")):
        cached.write_bytes(broken)  # as a build killed mid-write used to leave it
        served = figures.figure_svg(example)
        assert served == whole, f"a cached figure of {len(broken)} bytes that is not whole SVG was served"
        assert cached.read_bytes() == whole, "the cache still holds the broken file"


# Four or more builds drawing the same figures at once. Each worker draws the example
# (fixed bytes, no matplotlib) at the same instant as the others, round after round, with a
# new version of the code each round (so the previous round's file is stale), and reads the
# file the hook gave it as soon as it has it, as the build's copy step would.
FIGURE_WORKER = """
    import time, xml.etree.ElementTree as ET
    from pathlib import Path
    import figures
    project, svg_file, start, rounds = Path(sys.argv[1]), Path(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
    figures.ROOT, figures.EXAMPLES = project, project / "snippets" / "examples"
    figures.CACHE = project / ".cache" / "figures"
    svg = svg_file.read_bytes()
    for r in range(rounds):
        at = start + 0.05 * r
        def draw(path, at=at):
            time.sleep(max(0.0, at - time.time()))
            return svg
        figures.draw = draw
        example = figures.EXAMPLES / f"round{r}" / "chart.py"
        served = figures.figure_svg(example)
        assert served == svg, f"round {r}: the build got other bytes than the drawn figure"
        try:
            ET.fromstring(figures.cached_file(example).read_bytes())  # whole, if there
        except FileNotFoundError:
            pass  # a worker a round ahead removed it as stale
"""


def big_svg(lines: int = 500) -> bytes:
    """A valid SVG of ``lines`` paths (500: about 25 kB, as large as the site's figures)."""
    paths = "".join(f'<path d="M {i} 0 L {i} {i % 97}" stroke="#000"/>\n' for i in range(lines))
    return f'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg">\n{paths}</svg>\n'.encode()


def test_builds_drawing_the_same_figure_at_once_do_not_collide(figure_project, tmp_path):
    # Each round is a chance to collide; the old hook (write in place, unlink stale files
    # unguarded) failed every run of 60 rounds, with FileNotFoundError or half a figure.
    rounds, workers = 60, 4
    for r in range(rounds):  # the same figure name, new code each round
        chart = figure_project / "snippets" / "examples" / f"round{r}" / "chart.py"
        chart.parent.mkdir()
        chart.write_text(f"import matplotlib.pyplot as plt\nplt.plot([{r}, 1])\nplt.show()\n", encoding="utf-8")
    svg_file = tmp_path / "drawn.svg"
    svg_file.write_bytes(big_svg())
    start = time.time() + 2.0  # after every worker has started
    results = run_workers(FIGURE_WORKER, [[str(figure_project), str(svg_file), str(start), str(rounds)]] * workers)
    assert not failures(results), failures(results)
    left = sorted(p.name for p in figures.CACHE.iterdir())
    assert len(left) == 1 and left[0].startswith("chart-") and left[0].endswith(".svg"), f"cache holds {left}"


# A build killed while it writes a figure: RLIMIT_FSIZE stops the process with SIGXFSZ when a
# file it writes reaches the limit, which is a kill at a chosen byte.
KILLED_WORKER = """
    import resource
    from pathlib import Path
    import figures
    project, svg_file = Path(sys.argv[1]), Path(sys.argv[2])
    figures.ROOT, figures.EXAMPLES = project, project / "snippets" / "examples"
    figures.CACHE = project / ".cache" / "figures"
    svg = svg_file.read_bytes()
    figures.draw = lambda path: svg
    figures.CACHE.mkdir(parents=True, exist_ok=True)
    resource.setrlimit(resource.RLIMIT_FSIZE, (len(svg) // 2, len(svg) // 2))
    figures.figure_svg(figures.EXAMPLES / "relu.py")
"""


def test_a_build_killed_while_writing_a_figure_leaves_no_half_figure(figure_project, tmp_path):
    svg_file = tmp_path / "drawn.svg"
    svg_file.write_bytes(big_svg(40_000))  # 2 MB: killed at 1 MB
    [killed] = run_workers(KILLED_WORKER, [[str(figure_project), str(svg_file)]])
    assert killed.returncode != 0, "the worker was meant to be killed mid-write"
    example = figures.EXAMPLES / "relu.py"
    cached = figures.cached_file(example)
    half = cached.exists() and not is_svg(cached.read_bytes())
    assert not half, f"{cached.name}: a half-written figure under the final name"


def test_a_figure_no_example_draws_names_the_plt_show_it_comes_from():
    class Page:
        class file:
            src_uri = "en/functions/relu.md"
            abs_src_path = str(ROOT / "docs" / "en" / "functions" / "relu.md")

    markdown = "Text\n\n![The curve](../figures/no_such_chart.svg)\n"
    with pytest.raises(PluginError) as error:
        figures.on_page_markdown(markdown, page=Page, config={"docs_dir": str(ROOT / "docs")}, files=None)
    message = str(error.value)
    assert "figures/no_such_chart.svg" in message and "plt.show()" in message
    assert "snippets/examples/no_such_chart.py" in message and "docs/en/functions/relu.md" in message


# --- Mermaid: fetched once, checked against a strong hash ------------------------------------


def tarball(size: int = 3_000_000) -> bytes:
    """A package tarball with the files the hook serves (random bytes: large and incompressible)."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz", compresslevel=1) as archive:
        for inner, data in {mermaid.SCRIPT: os.urandom(size), "LICENSE": b"MIT"}.items():
            info = tarfile.TarInfo(f"package/{inner}")
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


def integrity(data: bytes, algorithm: str = "sha512") -> str:
    return f"{algorithm}-{base64.b64encode(hashlib.new(algorithm, data).digest()).decode()}"


def write_lock(path: Path, integrity_value: str, version: str = "0.0.1") -> Path:
    lock = {"packages": {f"node_modules/{mermaid.PACKAGE}": {"version": version, "integrity": integrity_value}}}
    path.write_text(json.dumps(lock), encoding="utf-8")
    return path


class Registry:
    """A localhost npm registry serving one tarball; holds each answer until ``parties``
    requests have arrived (or a second has passed), so that concurrent builds download at once."""

    def __init__(self, data: bytes, parties: int = 1):
        barrier = threading.Barrier(parties) if parties > 1 else None
        self.requests = 0

        registry = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                registry.requests += 1
                if barrier is not None:
                    try:
                        barrier.wait(timeout=10)
                    except threading.BrokenBarrierError:
                        pass
                self.send_response(200)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_port}/"

    def __enter__(self):
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def npm(tmp_path, monkeypatch):
    """The Mermaid hook pointed at a lock file and an empty cache of the test's own."""
    monkeypatch.setattr(mermaid, "LOCK", tmp_path / "package-lock.json")
    monkeypatch.setattr(mermaid, "CACHE", tmp_path / "npm")
    mermaid.package_files.cache_clear()
    yield tmp_path
    mermaid.package_files.cache_clear()


MERMAID_WORKER = """
    from pathlib import Path
    import mermaid
    mermaid.LOCK, mermaid.CACHE = Path(sys.argv[1]), Path(sys.argv[2])
    files = mermaid.package_files()
    assert set(files) == set(mermaid.SERVED.values()), sorted(files)
"""


def test_builds_fetching_mermaid_into_an_empty_cache_at_once_do_not_collide(npm):
    data = tarball()
    lock = write_lock(npm / "package-lock.json", integrity(data))
    workers, rounds = 8, 2
    with Registry(data, parties=workers) as registry:
        for r in range(rounds):
            cache = npm / f"cache{r}"
            env = {"npm_config_registry": registry.url}
            results = run_workers(MERMAID_WORKER, [[str(lock), str(cache)]] * workers, env=env)
            assert not failures(results), f"round {r}:\n{failures(results)}"
            assert [p.name for p in cache.iterdir()] == [f"{mermaid.PACKAGE.replace('/', '__')}-0.0.1.tgz"]


@pytest.mark.parametrize("algorithm", ["sha1", "md5"])
def test_a_weak_integrity_hash_is_refused(npm, monkeypatch, algorithm):
    data = tarball(1000)
    write_lock(npm / "package-lock.json", integrity(data, algorithm))
    with Registry(data) as registry:
        monkeypatch.setenv("npm_config_registry", registry.url)
        with pytest.raises(PluginError) as error:
            mermaid.package_files()
    message = str(error.value)
    assert algorithm in message and "sha512" in message and "package-lock.json" in message


def test_an_unknown_integrity_algorithm_is_a_clear_error(npm):
    write_lock(npm / "package-lock.json", "sha999-AAAA")
    with pytest.raises(PluginError) as error:
        mermaid.package_files()
    assert "sha999" in str(error.value) and "package-lock.json" in str(error.value)


def test_an_integrity_mismatch_shows_both_hashes_and_the_command_that_refreshes_the_lock(npm, monkeypatch):
    data = tarball(1000)
    expected = integrity(b"other bytes")
    write_lock(npm / "package-lock.json", expected)
    with Registry(data) as registry:
        monkeypatch.setenv("npm_config_registry", registry.url)
        with pytest.raises(PluginError) as error:
            mermaid.package_files()
    message = str(error.value)
    assert expected in message and integrity(data) in message and "npm install --package-lock-only" in message


def test_a_cached_tarball_that_does_not_match_is_fetched_again(npm, monkeypatch):
    data = tarball(1000)
    write_lock(npm / "package-lock.json", integrity(data))
    (npm / "npm").mkdir()
    (npm / "npm" / f"{mermaid.PACKAGE.replace('/', '__')}-0.0.1.tgz").write_bytes(data[:100])
    with Registry(data) as registry:
        monkeypatch.setenv("npm_config_registry", registry.url)
        assert set(mermaid.package_files()) == set(mermaid.SERVED.values())
        assert registry.requests == 1


# --- builds in a copy of the project ------------------------------------------------------------


def build(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(project / "site")],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        timeout=300,
    )


def test_a_truncated_notebook_cache_file_is_rendered_again(warm_copy):
    cached = sorted((warm_copy / ".cache" / "mkdocs-jupyter").glob("*.json"))
    assert cached, "the session build left no notebook cache to truncate"
    for file in cached:
        file.write_bytes(file.read_bytes()[:1000])  # a build killed while writing it
    result = build(warm_copy)
    assert result.returncode == 0, f"a truncated notebook cache file broke the build:\n{result.stderr[-3000:]}"
    page = (warm_copy / "site" / "notebooks" / "try-activations" / "index.html").read_text(encoding="utf-8")
    assert "jp-Cell" in page or "jp-CodeCell" in page, "the notebook page was not rendered"
    for file in (warm_copy / ".cache" / "mkdocs-jupyter").glob("*.json"):
        json.loads(file.read_text(encoding="utf-8"))  # whole again


def test_a_misspelt_end_marker_fails_the_build_naming_file_and_section(warm_copy):
    example = warm_copy / "snippets" / "examples" / "relu.py"
    example.write_text(example.read_text(encoding="utf-8").replace("[end:example]", "[end:exmaple]"), encoding="utf-8")
    result = build(warm_copy)
    output = result.stdout + result.stderr
    assert result.returncode != 0, "the page included the rest of snippets/examples/relu.py and the build passed"
    assert "snippets/examples/relu.py" in output and "[end:example]" in output, output[-3000:]
