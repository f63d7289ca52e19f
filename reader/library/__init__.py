"""The library: many articles on one desk, searchable, with who appears where. No Qt here.

One SQLite database (`reader.sqlite3` in the user's data folder) holds each article's
metadata, its cached analysis (so an unchanged text is never analysed twice), a
full-text index and an index of entities across articles.
"""

from reader.library.indexing import (
    AddReport,
    Analysed,
    DocumentAnalyser,
    ModelAnalyser,
    Outcome,
    Progress,
    ServiceAnalyser,
    add_file,
    add_paths,
    analyser_version,
    find_articles,
    pack_annotations,
    unpack_annotations,
)
from reader.library.location import DATA_DIR_ENV, DATABASE_NAME, data_dir, database_path
from reader.library.serialise import analysis_from_dict, analysis_to_dict
from reader.library.store import (
    SCHEMA_VERSION,
    AlsoIn,
    ArticleRecord,
    DamagedLibraryError,
    EntityArticle,
    EntitySummary,
    Library,
    LibraryEntity,
    LibraryError,
    LibraryStats,
    NewerLibraryError,
    SearchHit,
    content_hash,
)

__all__ = [
    "DATABASE_NAME",
    "DATA_DIR_ENV",
    "SCHEMA_VERSION",
    "AddReport",
    "AlsoIn",
    "Analysed",
    "ArticleRecord",
    "DamagedLibraryError",
    "DocumentAnalyser",
    "EntityArticle",
    "EntitySummary",
    "Library",
    "LibraryEntity",
    "LibraryError",
    "LibraryStats",
    "ModelAnalyser",
    "NewerLibraryError",
    "Outcome",
    "Progress",
    "SearchHit",
    "ServiceAnalyser",
    "add_file",
    "add_paths",
    "analyser_version",
    "analysis_from_dict",
    "analysis_to_dict",
    "content_hash",
    "data_dir",
    "database_path",
    "find_articles",
    "pack_annotations",
    "unpack_annotations",
]
