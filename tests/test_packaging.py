"""Reader installs and launches like a desktop application: entry points, desktop files, bundle."""

from __future__ import annotations

import configparser
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest

from reader import __version__
from reader.assets import sample_article_path
from reader.cli import document_record
from reader.document import load_document

ROOT = Path(__file__).resolve().parent.parent
LINUX = ROOT / "packaging" / "linux"
APP_ID = "io.github.reader_news.Reader"
DESKTOP_FILE = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)
HAS_MAIN_WINDOW = (ROOT / "reader" / "ui" / "main_window.py").is_file()
needs_bash = pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")


def run(command: list[str], **kwargs) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, timeout=600, **kwargs)


def read_desktop_entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive in desktop files
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def offscreen_env() -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen"}


# --- the `reader` command from source -------------------------------------------------------


def test_version_prints_package_version() -> None:
    result = run([sys.executable, "-m", "reader", "--version"], cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"reader {__version__}"


def test_help_explains_the_extract_subcommand() -> None:
    result = run([sys.executable, "-m", "reader", "--help"], cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert "reader extract" in result.stdout
    assert "--quit-after-show" not in result.stdout  # testing aids, not user options
    assert "--quit-after-analysis" not in result.stdout


@pytest.mark.skipif(not HAS_MAIN_WINDOW, reason="the main window is not in this tree yet")
def test_window_opens_on_the_sample_and_quits_when_asked() -> None:
    result = run(
        [sys.executable, "-m", "reader", "--quit-after-show", str(sample_article_path())],
        cwd=ROOT,
        env=offscreen_env(),
    )
    assert "Traceback" not in result.stderr
    check_shown(result, sample_article_path())


@pytest.mark.skipif(not HAS_MAIN_WINDOW, reason="the main window is not in this tree yet")
def test_window_analyses_the_sample_with_its_model_worker() -> None:
    result = run(
        [sys.executable, "-m", "reader", "--quit-after-analysis", str(sample_article_path())],
        cwd=ROOT,
        env=offscreen_env(),
    )
    check_analysed(result, sample_article_path())


# The sample names these; the window's analysis must find them (any order, among others).
SAMPLE_ENTITIES = {"Marta Kask", "Nordline", "Tallinn", "Henrik Lund", "Helsinki"}


def check_shown(result: subprocess.CompletedProcess[str], sample: Path) -> None:
    """The smoke run printed `PATH: TITLE` once the sample's text was on screen."""
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines, "the window quit before showing the article"
    assert lines[0] == f"{sample}: {load_document(sample).title}"


def check_analysed(result: subprocess.CompletedProcess[str], sample: Path) -> None:
    """`PATH: TITLE`, then `PATH: N entities: NAME; ...` once the worker analysed it."""
    check_shown(result, sample)
    assert len(result.stdout.splitlines()) == 2, result.stdout
    prefix, count, names = result.stdout.splitlines()[1].split(": ", 2)
    assert prefix == str(sample)
    found = names.split("; ")
    assert int(count.split()[0]) == len(found) > 5
    assert set(found) >= SAMPLE_ENTITIES, found


# --- Linux desktop integration --------------------------------------------------------------


def test_desktop_file_offers_reader_for_text_files() -> None:
    entry = read_desktop_entry(DESKTOP_FILE)
    assert "text/plain" in entry["MimeType"].split(";")
    assert entry["Exec"].split()[0] == "reader"
    assert entry["Icon"] == APP_ID


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils")
def test_desktop_file_passes_desktop_file_validate() -> None:
    result = run(["desktop-file-validate", str(DESKTOP_FILE)])
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstream not installed")
def test_metainfo_passes_appstream_validation() -> None:
    result = run(["appstreamcli", "validate", "--no-net", str(METAINFO)])
    assert result.returncode == 0, result.stdout + result.stderr


def test_metainfo_lists_this_version_as_the_newest_release() -> None:
    releases = ElementTree.parse(METAINFO).getroot().findall("releases/release")
    assert releases[0].get("version") == __version__


@needs_bash
def test_desktop_entry_installs_for_the_user_with_a_bundle_path(tmp_path: Path) -> None:
    launcher = tmp_path / "my apps" / "reader"
    launcher.parent.mkdir()
    launcher.touch()
    data = tmp_path / "share"
    result = run(
        ["bash", str(LINUX / "install-desktop-entry.sh"), "--exec", str(launcher)],
        env={**os.environ, "XDG_DATA_HOME": str(data)},
    )
    assert result.returncode == 0, result.stderr

    installed = data / "applications" / f"{APP_ID}.desktop"
    assert read_desktop_entry(installed)["Exec"] == f'"{launcher}" %F'
    assert (data / "metainfo" / METAINFO.name).is_file()
    assert (data / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    for size in ICON_SIZES:
        assert (data / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png").is_file()
    if shutil.which("desktop-file-validate"):
        assert run(["desktop-file-validate", str(installed)]).returncode == 0


# --- the PyInstaller bundle -----------------------------------------------------------------


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the one-folder bundle once for this module (about two minutes on two cores)."""
    out = tmp_path_factory.mktemp("bundle")
    env = {
        **os.environ,
        "PYTHON": sys.executable,
        "READER_DIST": str(out / "dist"),
        "READER_WORK": str(out / "work"),
    }
    result = run(["bash", str(ROOT / "packaging" / "build.sh")], cwd=ROOT, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    return out / "dist" / "reader"


def bundled_reader(bundle: Path) -> str:
    return str(bundle / ("reader-cli.exe" if sys.platform == "win32" else "reader"))


@pytest.mark.slow
@needs_bash
def test_bundle_reports_its_version(bundle: Path) -> None:
    result = run([bundled_reader(bundle), "--version"])
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"reader {__version__}"


@pytest.mark.slow
@needs_bash
def test_bundle_extracts_the_sample_like_the_source(bundle: Path) -> None:
    sample = sample_article_path()
    result = run([bundled_reader(bundle), "extract", str(sample)])
    assert result.returncode == 0, result.stderr

    record = json.loads(result.stdout)
    expected = document_record(load_document(sample))
    assert record["title"] == expected["title"]
    assert record["text"] == expected["text"]
    names = {entity["name"] for entity in record["entities"]}
    assert names >= SAMPLE_ENTITIES, names
    assert len(record["summary"]) == 3


@pytest.mark.slow
@needs_bash
def test_bundle_stays_under_300_mb_without_unused_parts(bundle: Path) -> None:
    files = [p for p in bundle.rglob("*") if p.is_file() and not p.is_symlink()]
    assert sum(p.stat().st_size for p in files) < 300e6
    names = {p.name for p in files}
    assert "libqxcb.so" in names or sys.platform != "linux"  # still a desktop program
    assert not names & {"libqvnc.so", "libqlinuxfb.so", "qt_de.qm"}
    assert not [p for p in files if p.suffix in (".pyx", ".pxd") and "spacy" in p.parts]


@pytest.mark.slow
@needs_bash
def test_bundle_carries_the_language_model(bundle: Path) -> None:
    configs = list(bundle.rglob("en_core_web_sm*/en_core_web_sm*/config.cfg"))
    assert configs, "no spaCy model weights in the bundle"
    assert (configs[0].parent / "ner").is_dir()


@pytest.mark.slow
@needs_bash
@pytest.mark.skipif(not HAS_MAIN_WINDOW, reason="the main window is not in this tree yet")
def test_bundle_opens_the_sample_offscreen(bundle: Path) -> None:
    sample = next(bundle.rglob("samples/baltic-ferry-strike.txt"))
    result = run([str(bundle / "reader"), "--quit-after-show", str(sample)], env=offscreen_env())
    assert "Traceback" not in result.stderr
    check_shown(result, sample)


@pytest.mark.slow
@needs_bash
@pytest.mark.skipif(not HAS_MAIN_WINDOW, reason="the main window is not in this tree yet")
def test_bundle_analyses_the_sample_in_its_model_worker(bundle: Path) -> None:
    sample = next(bundle.rglob("samples/baltic-ferry-strike.txt"))
    result = run(
        [str(bundle / "reader"), "--quit-after-analysis", str(sample)], env=offscreen_env()
    )
    check_analysed(result, sample)


@pytest.mark.slow
@needs_bash
def test_bundle_keeps_a_library(bundle: Path, tmp_path: Path) -> None:
    env = {**os.environ, "READER_DATA_DIR": str(tmp_path / "data")}
    added = run([bundled_reader(bundle), "library", "add", str(sample_article_path())], env=env)
    assert added.returncode == 0, added.stderr
    found = run([bundled_reader(bundle), "library", "search", "ferry", "--format", "json"], env=env)
    assert found.returncode == 0, found.stderr
    assert [Path(hit["path"]).name for hit in json.loads(found.stdout)] == [
        sample_article_path().name
    ]


def test_every_resource_folder_is_declared_so_pip_install_is_quiet() -> None:
    """setuptools warns at length about data folders that are importable but undeclared."""
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]
    packages = set(config["setuptools"]["packages"])
    package_data = config["setuptools"]["package-data"]
    resources = ROOT / config["setuptools"]["package-dir"]["reader.resources"]
    for folder in [resources, *(p for p in resources.rglob("*") if p.is_dir())]:
        if folder.name == "__pycache__":
            continue
        name = ".".join(["reader.resources", *folder.relative_to(resources).parts])
        assert name in packages, f"{name} is not in [tool.setuptools] packages"
        files = {p.suffix for p in folder.iterdir() if p.is_file() and p.suffix != ".py"}
        declared = {pattern.removeprefix("*") for pattern in package_data.get(name, [])}
        assert files <= declared, f"{name}: {files - declared} would be left out"
