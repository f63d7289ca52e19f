"""The library of articles a reader has opened or indexed (stores, search). No Qt here."""
