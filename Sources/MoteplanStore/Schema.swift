import GRDB

/// The state store's schema, as numbered migrations. Never edit a released migration: add one.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-rotation-and-revisions") { db in
            // Leader terms that have begun or were set by an override: history, never rewritten
            // by config edits.
            try db.execute(sql: """
                CREATE TABLE rotation_term (
                    group_id TEXT NOT NULL,
                    term_kind TEXT NOT NULL CHECK (term_kind IN ('school_year', 'calendar_year')),
                    term_start_year INTEGER NOT NULL,
                    term_start TEXT NOT NULL,
                    term_end TEXT NOT NULL,
                    leader_id TEXT NOT NULL,
                    decision TEXT NOT NULL CHECK (decision IN ('rotation', 'override')),
                    decided_at TEXT NOT NULL,
                    actor TEXT NOT NULL,
                    reason TEXT,
                    PRIMARY KEY (group_id, term_start_year)
                ) STRICT;
                CREATE TABLE rotation_audit (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    group_id TEXT NOT NULL,
                    term_start_year INTEGER NOT NULL,
                    old_leader_id TEXT,
                    new_leader_id TEXT NOT NULL,
                    forced INTEGER NOT NULL,
                    reason TEXT NOT NULL,
                    actor TEXT NOT NULL,
                    at TEXT NOT NULL
                ) STRICT;
                CREATE TABLE published_revision (
                    uid TEXT PRIMARY KEY,
                    content_hash TEXT NOT NULL,
                    sequence INTEGER NOT NULL CHECK (sequence >= 0),
                    dtstamp TEXT NOT NULL
                ) STRICT;
                CREATE TABLE pending_publication (
                    target TEXT PRIMARY KEY,
                    temporary TEXT NOT NULL
                ) STRICT;
                """)
        }
        migrator.registerMigration("v2-meeting-changes-and-referat") { db in
            // Meetings cancelled, moved or added by hand, in the order they were made.
            try db.execute(sql: """
                CREATE TABLE meeting_change (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    uid TEXT NOT NULL,
                    kind TEXT NOT NULL CHECK (kind IN ('cancel', 'move', 'add')),
                    structure_id TEXT,
                    instance_id TEXT,
                    start TEXT,
                    end_time TEXT,
                    title TEXT,
                    reason TEXT,
                    actor TEXT NOT NULL,
                    at TEXT NOT NULL
                ) STRICT;
                CREATE INDEX meeting_change_uid ON meeting_change (uid);
                -- A delivered referat: the meeting, who, when, and at most a reference. Never its text.
                CREATE TABLE referat (
                    uid TEXT PRIMARY KEY,
                    delivered TEXT NOT NULL,
                    delivered_by TEXT,
                    reference TEXT,
                    recorded_at TEXT NOT NULL,
                    actor TEXT NOT NULL
                ) STRICT;
                CREATE TABLE referat_audit (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    uid TEXT NOT NULL,
                    action TEXT NOT NULL CHECK (action IN ('record', 'change', 'undo')),
                    delivered TEXT,
                    delivered_by TEXT,
                    reference TEXT,
                    previous TEXT,
                    reason TEXT,
                    actor TEXT NOT NULL,
                    at TEXT NOT NULL
                ) STRICT;
                """)
        }
        migrator.registerMigration("v3-reminder-outbox") { db in
            // One row per reminder identity: sent at most once, re-sent (and said so) only after a
            // crash between delivery and marking.
            try db.execute(sql: """
                CREATE TABLE reminder (
                    id TEXT PRIMARY KEY,
                    kind TEXT NOT NULL,
                    recipient TEXT NOT NULL,
                    send_on TEXT NOT NULL,
                    relevant_until TEXT NOT NULL,
                    status TEXT NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'dropped')),
                    attempts INTEGER NOT NULL DEFAULT 0,
                    message_id TEXT NOT NULL,
                    note TEXT,
                    last_error TEXT,
                    created_at TEXT NOT NULL,
                    sent_at TEXT
                ) STRICT;
                CREATE INDEX reminder_status ON reminder (status);
                """)
        }
        migrator.registerMigration("v4-placements") { db in
            // The pattern each automatically placed instance takes in a school year: history, like
            // leader terms. The latest row for an instance and year is the placement; earlier rows
            // say what it was before a replan.
            try db.execute(sql: """
                CREATE TABLE placement (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    structure_id TEXT NOT NULL,
                    instance_id TEXT NOT NULL,
                    school_year INTEGER NOT NULL,
                    choice TEXT NOT NULL,
                    decision TEXT NOT NULL CHECK (decision IN ('placed', 'replanned')),
                    decided_at TEXT NOT NULL,
                    actor TEXT NOT NULL
                ) STRICT;
                CREATE INDEX placement_instance ON placement (structure_id, instance_id, school_year);
                """)
        }
        migrator.registerMigration("v5-personal-links-and-innkalling") { db in
            // Personal links: per person (a role or unit id) the generation of their link and the
            // SHA-256 of its current token, never the token (it is derived from a key file beside
            // the store). An innkalling a leader has marked sent, with an audit of record and undo.
            try db.execute(sql: """
                CREATE TABLE personal_link (
                    person_id TEXT PRIMARY KEY,
                    generation INTEGER NOT NULL CHECK (generation >= 1),
                    token_hash TEXT NOT NULL UNIQUE,
                    changed_at TEXT NOT NULL,
                    actor TEXT NOT NULL
                ) STRICT;
                CREATE TABLE innkalling_sent (
                    uid TEXT PRIMARY KEY,
                    sent TEXT NOT NULL,
                    recorded_at TEXT NOT NULL,
                    actor TEXT NOT NULL
                ) STRICT;
                CREATE TABLE innkalling_audit (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    uid TEXT NOT NULL,
                    action TEXT NOT NULL CHECK (action IN ('record', 'undo')),
                    sent TEXT,
                    actor TEXT NOT NULL,
                    at TEXT NOT NULL
                ) STRICT;
                """)
        }
        migrator.registerMigration("v6-event-text-cache") { db in
            // Each event's checked iCalendar texts from the last run that made them, under the key
            // they were made for (EventTextCache: format, content hash, SEQUENCE, DTSTAMP, zone):
            // a cache, never a fact; any row may be deleted, and a row whose key differs is unused.
            try db.execute(sql: """
                CREATE TABLE event_text (
                    uid TEXT PRIMARY KEY,
                    key TEXT NOT NULL,
                    public_text TEXT NOT NULL,
                    private_text TEXT
                ) STRICT;
                -- Each feed file as the last run left it (FeedStamp): the digest of its content and
                -- the file's size, mtime (ns) and inode; a file that still matches is not compared.
                CREATE TABLE feed_stamp (
                    target TEXT PRIMARY KEY,
                    digest TEXT NOT NULL,
                    size INTEGER NOT NULL,
                    modified INTEGER NOT NULL,
                    inode INTEGER NOT NULL
                ) STRICT;
                """)
        }
        migrator.registerMigration("v7-run-fingerprint") { db in
            // A counter every write transaction raises (StateStore.write), and what the last
            // complete `ics` run had as inputs (RunFingerprint): a run whose inputs, store
            // generation and files are all still the same has nothing to do.
            try db.execute(sql: """
                CREATE TABLE store_generation (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    n INTEGER NOT NULL
                ) STRICT;
                INSERT INTO store_generation (id, n) VALUES (1, 0);
                CREATE TABLE run_fingerprint (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    inputs TEXT NOT NULL,
                    generation INTEGER NOT NULL,
                    manifests TEXT NOT NULL,
                    feeds INTEGER NOT NULL,
                    meetings INTEGER NOT NULL
                ) STRICT;
                """)
        }
        migrator.registerMigration("v8-event-keys") { db in
            // What the last `ics` run knew of each event (KnownEventKeys): its meeting's key and
            // its text key's digest, one blob, written in the same transaction as the revisions
            // and texts it describes.
            try db.execute(sql: """
                CREATE TABLE event_keys (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    pairs BLOB NOT NULL
                ) STRICT;
                """)
        }
        return migrator
    }
}
