import GRDB

/// The store's schema, as GRDB migrations: each released change is a new migration appended here, never an edit of
/// an old one, so every older memory file upgrades in place when opened.
package enum MemorySchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
                    -- One row per translation unit; xml is the whole <tu> as TMXWriter writes it (lossless), the other
                    -- columns are derived from it for search and display.
                    CREATE TABLE unit(
                        id INTEGER PRIMARY KEY,
                        tuid TEXT,
                        source_text TEXT NOT NULL,
                        target_text TEXT NOT NULL,
                        pair_hash INTEGER NOT NULL,
                        latest_date TEXT,
                        languages TEXT NOT NULL,
                        source_codes INTEGER NOT NULL,
                        import_id INTEGER NOT NULL,
                        xml TEXT NOT NULL
                    );
                    CREATE INDEX unit_pair_hash ON unit(pair_hash);
                    -- Token ids of each unit: source words, source stems, target stems (UInt32 little-endian arrays).
                    CREATE TABLE unit_tokens(
                        id INTEGER PRIMARY KEY,
                        words BLOB NOT NULL,
                        stems BLOB NOT NULL,
                        target_stems BLOB NOT NULL
                    );
                    -- Vocabulary of words and stems; df/tdf = units whose source/target stems contain it.
                    CREATE TABLE token(
                        id INTEGER PRIMARY KEY,
                        text TEXT NOT NULL UNIQUE,
                        df INTEGER NOT NULL DEFAULT 0,
                        tdf INTEGER NOT NULL DEFAULT 0
                    );
                    -- Inverted index over stems, one chunk of ascending unit ids per token per import; side 0 is the
                    -- source language, 1 the target.
                    CREATE TABLE posting(
                        id INTEGER PRIMARY KEY,
                        side INTEGER NOT NULL,
                        token INTEGER NOT NULL,
                        units BLOB NOT NULL
                    );
                    CREATE INDEX posting_token ON posting(side, token);
                    CREATE TABLE import(
                        id INTEGER PRIMARY KEY,
                        origin TEXT NOT NULL,
                        at TEXT NOT NULL,
                        read INTEGER NOT NULL,
                        added INTEGER NOT NULL,
                        merged INTEGER NOT NULL
                    );
                    """)
        }
        return migrator
    }

    /// Meta keys.
    package static let sourceLanguageKey = "source_language"
    package static let targetLanguageKey = "target_language"
    package static let headerKey = "header_xml"
    package static let sourceStemmerKey = "source_stemmer"
    package static let targetStemmerKey = "target_stemmer"
    package static let createdKey = "created"
}
