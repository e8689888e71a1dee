//! Forward-only schema migrations. The schema version is SQLite's `user_version`; migration N
//! brings the schema from version N-1 to N. Never edit a published migration: add a new one.

/// Each entry is one migration, applied in order inside one transaction.
pub const MIGRATIONS: &[&str] = &[
    // 1: accounts, import batches, transactions (with provenance and the dedupe key), search.
    r#"
    CREATE TABLE accounts (
        id           INTEGER PRIMARY KEY,
        name         TEXT NOT NULL UNIQUE,
        profile_json TEXT,
        created_at   TEXT NOT NULL
    );
    CREATE TABLE batches (
        id              INTEGER PRIMARY KEY,
        account_id      INTEGER NOT NULL REFERENCES accounts(id),
        file_name       TEXT NOT NULL,
        sha256          TEXT NOT NULL,
        imported_at     TEXT NOT NULL,
        rows_read       INTEGER NOT NULL,
        imported        INTEGER NOT NULL,
        already_present INTEGER NOT NULL,
        skipped         INTEGER NOT NULL,
        detected_json   TEXT NOT NULL
    );
    -- amount: signed minor units, negative = money out. fingerprint + occurrence is the dedupe
    -- key: the k-th identical row of a file has occurrence k, so identical rows inside one
    -- statement are all kept while a re-import of the same rows adds nothing.
    CREATE TABLE transactions (
        id           INTEGER PRIMARY KEY,
        account_id   INTEGER NOT NULL REFERENCES accounts(id),
        batch_id     INTEGER NOT NULL REFERENCES batches(id),
        date         TEXT NOT NULL,
        time         TEXT,
        posted_date  TEXT,
        description  TEXT NOT NULL,
        merchant     TEXT NOT NULL,
        merchant_key TEXT NOT NULL,
        amount       INTEGER NOT NULL,
        currency     TEXT NOT NULL,
        reference    TEXT,
        card_last4   TEXT,
        status       TEXT NOT NULL,
        source_line  INTEGER NOT NULL,
        fingerprint  INTEGER NOT NULL,
        occurrence   INTEGER NOT NULL,
        UNIQUE (account_id, fingerprint, occurrence)
    );
    CREATE INDEX transactions_by_date ON transactions(date, id);
    CREATE INDEX transactions_by_account_date ON transactions(account_id, date);
    CREATE INDEX transactions_by_batch ON transactions(batch_id);
    CREATE INDEX transactions_by_merchant ON transactions(merchant_key);
    -- Substring search in any script (trigram), kept in step with the table by triggers.
    CREATE VIRTUAL TABLE transactions_fts USING fts5(
        description, merchant, content='transactions', content_rowid='id', tokenize='trigram'
    );
    CREATE TRIGGER transactions_fts_insert AFTER INSERT ON transactions BEGIN
        INSERT INTO transactions_fts(rowid, description, merchant)
        VALUES (new.id, new.description, new.merchant);
    END;
    CREATE TRIGGER transactions_fts_delete AFTER DELETE ON transactions BEGIN
        INSERT INTO transactions_fts(transactions_fts, rowid, description, merchant)
        VALUES ('delete', old.id, old.description, old.merchant);
    END;
    CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    "#,
    // 2: flags, their permanent dismissals, trusted merchants.
    r#"
    CREATE TABLE flags (
        id                  INTEGER PRIMARY KEY,
        transaction_id      INTEGER NOT NULL REFERENCES transactions(id) ON DELETE CASCADE,
        kind                TEXT NOT NULL,
        reason              TEXT NOT NULL,
        severity            TEXT NOT NULL,
        related_json        TEXT NOT NULL,
        explanation_en      TEXT NOT NULL,
        explanation_zh      TEXT NOT NULL,
        status              TEXT NOT NULL DEFAULT 'open',
        UNIQUE (transaction_id, reason)
    );
    CREATE INDEX flags_by_status ON flags(status, severity);
    -- A dismissal is keyed by the row's dedupe key, not its id, so it survives undoing and
    -- re-importing the batch: "looks fine" is permanent.
    CREATE TABLE dismissals (
        account_id  INTEGER NOT NULL,
        fingerprint INTEGER NOT NULL,
        occurrence  INTEGER NOT NULL,
        reason      TEXT NOT NULL,
        PRIMARY KEY (account_id, fingerprint, occurrence, reason)
    );
    CREATE TABLE trusted_merchants (
        merchant_key TEXT PRIMARY KEY,
        merchant     TEXT NOT NULL
    );
    "#,
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;
