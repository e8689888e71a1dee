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
    // 3: dispute cases, their transactions, steps, evidence files and timeline.
    r#"
    CREATE TABLE cases (
        id               INTEGER PRIMARY KEY,
        reason           TEXT NOT NULL,
        jurisdiction     TEXT NOT NULL,
        instrument       TEXT NOT NULL,
        status           TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'refunded', 'closed')),
        opened_at        TEXT NOT NULL,
        statement_date   TEXT,
        account_last4    TEXT,
        merchant_name    TEXT,
        -- Address lines joined by newlines.
        merchant_address TEXT,
        notes            TEXT NOT NULL DEFAULT '',
        outcome          TEXT
    );
    CREATE TABLE case_transactions (
        case_id        INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        transaction_id INTEGER NOT NULL REFERENCES transactions(id) ON DELETE RESTRICT,
        PRIMARY KEY (case_id, transaction_id)
    );
    CREATE INDEX case_transactions_by_transaction ON case_transactions(transaction_id);
    -- A disputed charge is the case's evidence: undoing the import that holds it must be
    -- refused with a message the user can act on, not a bare constraint failure.
    CREATE TRIGGER transactions_in_a_case_stay BEFORE DELETE ON transactions
    WHEN EXISTS (SELECT 1 FROM case_transactions WHERE transaction_id = old.id)
    BEGIN
        SELECT RAISE(ABORT, 'this import holds transactions of a dispute case; delete the case first to undo the import');
    END;
    CREATE TABLE case_steps (
        case_id       INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        step          TEXT NOT NULL,
        sent_date     TEXT,
        answer_due    TEXT,
        answered_date TEXT,
        outcome       TEXT,
        -- The letter body as the user edited and saved it; NULL means the template's text.
        letter_text   TEXT,
        PRIMARY KEY (case_id, step)
    );
    CREATE TABLE evidence (
        id          INTEGER PRIMARY KEY,
        case_id     INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        file_name   TEXT NOT NULL,
        stored_path TEXT NOT NULL,
        sha256      TEXT NOT NULL,
        added_at    TEXT NOT NULL
    );
    CREATE INDEX evidence_by_case ON evidence(case_id);
    CREATE TABLE case_events (
        id      INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        date    TEXT NOT NULL,
        kind    TEXT NOT NULL,
        step    TEXT,
        text    TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX case_events_by_case ON case_events(case_id, date);
    "#,
    // 4: the search index is filled once per import batch (BatchWriter::finish) rather than by
    // a trigger per row: one bulk insert is several times faster on a large statement.
    r#"
    DROP TRIGGER transactions_fts_insert;
    "#,
    // 5: transactions without secondary indexes. Each cost about a second per million rows
    // imported, and nothing needs them any more: the transactions view searches, filters,
    // sorts and pages in memory (ledger_view.rs); the dedupe key is checked in memory against
    // the keys read when a batch begins (batches.rs); what reads an account's rows (detection
    // history, insights) reads most of the table anyway, and a scan of a million rows takes a
    // fraction of a second. Rebuilt the SQLite way (new table, copy, drop, rename) with
    // foreign keys off (db.rs), because a UNIQUE constraint cannot be dropped in place.
    r#"
    DROP TRIGGER transactions_fts_delete;
    DROP TABLE transactions_fts;
    CREATE TABLE transactions_new (
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
        occurrence   INTEGER NOT NULL
    );
    INSERT INTO transactions_new SELECT id, account_id, batch_id, date, time, posted_date,
        description, merchant, merchant_key, amount, currency, reference, card_last4, status,
        source_line, fingerprint, occurrence FROM transactions;
    DROP TABLE transactions;
    ALTER TABLE transactions_new RENAME TO transactions;
    CREATE TRIGGER transactions_in_a_case_stay BEFORE DELETE ON transactions
    WHEN EXISTS (SELECT 1 FROM case_transactions WHERE transaction_id = old.id)
    BEGIN
        SELECT RAISE(ABORT, 'this import holds transactions of a dispute case; delete the case first to undo the import');
    END;
    -- Bumped by every write that adds or removes transactions, so an in-memory view built
    -- from the table (by this or another process) knows when it is stale.
    CREATE TABLE ledger_version (
        id      INTEGER PRIMARY KEY CHECK (id = 1),
        version INTEGER NOT NULL
    );
    INSERT INTO ledger_version(id, version) VALUES (1, 1);
    "#,
    // 6: removals counted apart from additions. Rows are only ever added (an import) or removed
    // (an undo), never changed, and added rows take ids above every stored one; so while no row
    // was removed, a view built earlier is brought up to date by reading the rows above its
    // highest id, instead of reading a million rows again after each small import.
    r#"
    ALTER TABLE ledger_version ADD COLUMN removals INTEGER NOT NULL DEFAULT 0;
    "#,
    // 7: the sheet of a workbook a batch was read from (provenance "bill.xlsx · Sheet1 ·
    // row 19"); NULL for files that have no sheets.
    r#"
    ALTER TABLE batches ADD COLUMN source_sheet TEXT;
    "#,
    // 8: what a case records beyond its charges, so letters state only recorded facts: when the
    // goods arrived, when the charge was reported to the bank, the police report number, the
    // bank's name (the defendant for an unauthorised charge), the UK nation (its bank
    // holidays) and, in China, the one body a complaint goes to.
    r#"
    ALTER TABLE cases ADD COLUMN delivered_on TEXT;
    ALTER TABLE cases ADD COLUMN reported_on TEXT;
    ALTER TABLE cases ADD COLUMN police_report TEXT;
    ALTER TABLE cases ADD COLUMN bank_name TEXT;
    ALTER TABLE cases ADD COLUMN region TEXT;
    ALTER TABLE cases ADD COLUMN complaint_body TEXT;
    "#,
    // 9: more facts a letter needs that the case did not record: a US bank transfer's kind
    // ("ach" or "wire"; NULL when the user does not know), which decides between Regulation E
    // and UCC Article 4A; and each evidence file's description in the user's words, which
    // letters list instead of the kind read from its extension (never its file name).
    r#"
    ALTER TABLE cases ADD COLUMN transfer_kind TEXT;
    ALTER TABLE evidence ADD COLUMN description TEXT;
    "#,
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;
