"""PyInstaller hook for spaCy, in place of the contrib one: the same, minus spaCy's tests.

spaCy registers its pipeline components when its modules are imported, so every submodule
is bundled; its test suite would add pytest and a minute of build time for nothing.
"""

from PyInstaller.utils.hooks import collect_data_files, collect_submodules

datas = collect_data_files("spacy", excludes=["tests/**"])
hiddenimports = collect_submodules("spacy", filter=lambda name: not name.startswith("spacy.tests"))
