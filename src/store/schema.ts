/**
 * The database schema as an ordered list of migrations; `PRAGMA user_version` records how many
 * have run. A migration is only ever appended, never edited, so old databases upgrade in place.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE documents (
    id              INTEGER PRIMARY KEY,
    root            TEXT NOT NULL,            -- absolute folder the file was ingested from
    path            TEXT NOT NULL,            -- path under that folder, '/' separated
    sha256          TEXT NOT NULL,
    encoding        TEXT NOT NULL,
    lang            TEXT NOT NULL CHECK (lang IN ('en', 'ru', 'be', 'uk', 'und')),
    lang_confidence REAL NOT NULL,
    mixed           INTEGER NOT NULL DEFAULT 0,
    title           TEXT,
    date            TEXT,
    text            TEXT NOT NULL,
    stripped        TEXT NOT NULL,            -- JSON array of {kind, text}
    ingested_at     TEXT NOT NULL,
    UNIQUE (root, path)
  );
  CREATE INDEX documents_path ON documents (path);
  CREATE INDEX documents_lang ON documents (lang);

  -- What the user decided with 'palign pair' / 'palign unpair', by path so it survives re-ingest.
  CREATE TABLE manual_pairs (
    en_path TEXT NOT NULL UNIQUE,
    ru_path TEXT NOT NULL UNIQUE
  );
  CREATE TABLE unpaired (
    path TEXT PRIMARY KEY
  );

  CREATE TABLE doc_pairs (
    id        INTEGER PRIMARY KEY,
    en_doc    INTEGER NOT NULL UNIQUE REFERENCES documents (id) ON DELETE CASCADE,
    ru_doc    INTEGER NOT NULL UNIQUE REFERENCES documents (id) ON DELETE CASCADE,
    score     REAL NOT NULL,
    manual    INTEGER NOT NULL DEFAULT 0,
    evidence  TEXT NOT NULL,                  -- JSON PairEvidence
    aligned   INTEGER NOT NULL DEFAULT 0,     -- 1 once its units are stored
    checked   INTEGER NOT NULL DEFAULT 0      -- 1 once its flags are stored
  );

  CREATE TABLE segments (
    id        INTEGER PRIMARY KEY,
    doc_id    INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    idx       INTEGER NOT NULL,
    paragraph INTEGER NOT NULL,
    start     INTEGER NOT NULL,
    end       INTEGER NOT NULL,
    text      TEXT NOT NULL,
    UNIQUE (doc_id, idx)
  );

  -- One row per bead of a document pair's alignment; 1-0 and 0-1 beads have one side empty.
  CREATE TABLE units (
    id        INTEGER PRIMARY KEY,
    pair_id   INTEGER NOT NULL REFERENCES doc_pairs (id) ON DELETE CASCADE,
    idx       INTEGER NOT NULL,
    bead      TEXT NOT NULL,
    en_first  INTEGER, en_last INTEGER,       -- segment idx range on each side, NULL when empty
    ru_first  INTEGER, ru_last INTEGER,
    en_text   TEXT NOT NULL,
    ru_text   TEXT NOT NULL,
    score     REAL NOT NULL,
    created   TEXT NOT NULL,
    UNIQUE (pair_id, idx)
  );

  CREATE TABLE flags (
    id        INTEGER PRIMARY KEY,
    unit_id   INTEGER NOT NULL REFERENCES units (id) ON DELETE CASCADE,
    kind      TEXT NOT NULL,
    severity  TEXT NOT NULL,
    message   TEXT NOT NULL,
    en        TEXT NOT NULL,                  -- JSON array of evidence spans
    ru        TEXT NOT NULL
  );
  CREATE INDEX flags_unit ON flags (unit_id);

  -- Corpus-level models learned by a stage and reused by the next (JSON values).
  CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );

  -- Full-text search over both sides of every unit, kept in sync by triggers: word search that
  -- folds case and diacritics, and trigram search for stems and substrings.
  CREATE VIRTUAL TABLE units_fts USING fts5 (
    en_text, ru_text, content = 'units', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
  );
  CREATE VIRTUAL TABLE units_tri USING fts5 (
    en_text, ru_text, content = 'units', content_rowid = 'id', tokenize = 'trigram'
  );
  CREATE TRIGGER units_ai AFTER INSERT ON units BEGIN
    INSERT INTO units_fts (rowid, en_text, ru_text) VALUES (new.id, new.en_text, new.ru_text);
    INSERT INTO units_tri (rowid, en_text, ru_text) VALUES (new.id, new.en_text, new.ru_text);
  END;
  CREATE TRIGGER units_ad AFTER DELETE ON units BEGIN
    INSERT INTO units_fts (units_fts, rowid, en_text, ru_text) VALUES ('delete', old.id, old.en_text, old.ru_text);
    INSERT INTO units_tri (units_tri, rowid, en_text, ru_text) VALUES ('delete', old.id, old.en_text, old.ru_text);
  END;
  CREATE TRIGGER units_au AFTER UPDATE OF en_text, ru_text ON units BEGIN
    INSERT INTO units_fts (units_fts, rowid, en_text, ru_text) VALUES ('delete', old.id, old.en_text, old.ru_text);
    INSERT INTO units_tri (units_tri, rowid, en_text, ru_text) VALUES ('delete', old.id, old.en_text, old.ru_text);
    INSERT INTO units_fts (rowid, en_text, ru_text) VALUES (new.id, new.en_text, new.ru_text);
    INSERT INTO units_tri (rowid, en_text, ru_text) VALUES (new.id, new.en_text, new.ru_text);
  END;
  `,
];
