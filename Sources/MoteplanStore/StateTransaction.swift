import GRDB
import MoteplanCore

/// The store's reads and writes, used inside one transaction.
public struct StateTransaction {
    let db: Database

    /// `PRAGMA integrity_check`.
    func integrityCheck() throws -> String {
        try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "no answer"
    }

    // MARK: Rotation terms

    /// Every recorded term, by group and term.
    public func recordedTerms() throws -> [RecordedTerm] {
        try Row.fetchAll(db, sql: """
            SELECT group_id, term_kind, term_start_year, leader_id, decision, decided_at, actor, reason
            FROM rotation_term ORDER BY group_id, term_start_year
            """).compactMap { row in
            guard let kind = TermKind(rawValue: row["term_kind"]),
                let decision = RecordedTerm.Decision(rawValue: row["decision"]),
                let decidedAt = LocalDateTime(text: row["decided_at"])
            else { return nil }
            return RecordedTerm(
                groupID: row["group_id"], term: Term(kind: kind, startYear: row["term_start_year"]),
                leaderID: row["leader_id"], decision: decision, decidedAt: decidedAt, actor: row["actor"],
                reason: row["reason"])
        }
    }

    /// Records a term; an existing record for the same group and term is replaced only with `replace`.
    public func record(_ term: RecordedTerm, replace: Bool = false) throws {
        let verb = replace ? "INSERT OR REPLACE" : "INSERT OR IGNORE"
        try db.execute(
            sql: """
                \(verb) INTO rotation_term
                (group_id, term_kind, term_start_year, term_start, term_end, leader_id, decision, decided_at, actor, reason)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                term.groupID, term.term.kind.rawValue, term.term.startYear, term.term.range.first.description,
                term.term.range.last.description, term.leaderID, term.decision.rawValue, term.decidedAt.description,
                term.actor, term.reason,
            ])
    }

    /// Adds an audit line for a leader change made by hand.
    public func audit(
        group: String, term: Term, oldLeader: String?, newLeader: String, forced: Bool, reason: String, actor: String,
        at: LocalDateTime
    ) throws {
        try db.execute(
            sql: """
                INSERT INTO rotation_audit (group_id, term_start_year, old_leader_id, new_leader_id, forced, reason, actor, at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [group, term.startYear, oldLeader, newLeader, forced, reason, actor, at.description])
    }

    /// The audit lines, oldest first: (group, term start year, old, new, forced, reason, actor, at).
    public func auditLog() throws -> [[String]] {
        try Row.fetchAll(db, sql: "SELECT * FROM rotation_audit ORDER BY id").map { row in
            [
                row["group_id"], String(row["term_start_year"] as Int), row["old_leader_id"] ?? "",
                row["new_leader_id"], (row["forced"] as Bool) ? "forced" : "", row["reason"], row["actor"], row["at"],
            ]
        }
    }

    // MARK: Published revisions

    /// Stored revisions for every UID.
    public func revisions() throws -> [String: StoredRevision] {
        var result: [String: StoredRevision] = [:]
        let rows = try Row.fetchCursor(db, sql: "SELECT uid, content_hash, sequence, dtstamp FROM published_revision")
        while let row = try rows.next() {
            result[row["uid"]] = Self.storedRevision(row)
        }
        return result
    }

    /// The stored revisions of those of `uids` that have one.
    public func revisions(_ uids: [String]) throws -> [String: StoredRevision] {
        var result: [String: StoredRevision] = [:]
        try forEachRow(of: uids, sql: "SELECT uid, content_hash, sequence, dtstamp FROM published_revision WHERE uid IN") { row in
            result[row["uid"]] = Self.storedRevision(row)
        }
        return result
    }

    /// The stored revision of one UID, if any.
    public func revision(uid: String) throws -> StoredRevision? {
        try Row.fetchOne(db, sql: "SELECT content_hash, sequence, dtstamp FROM published_revision WHERE uid = ?", arguments: [uid])
            .map(Self.storedRevision)
    }

    private static func storedRevision(_ row: Row) -> StoredRevision {
        StoredRevision(contentHash: row["content_hash"], sequence: row["sequence"], dtstamp: row["dtstamp"])
    }

    /// Stores (or replaces) the revision of one UID.
    public func saveRevision(uid: String, _ revision: StoredRevision) throws {
        // Cached: a first publication saves one row per event (100k at Oslo size).
        // Unchecked arguments: four values for four placeholders, and GRDB's check of that per row
        // costs as much as SQLite's insert.
        let statement = try db.cachedStatement(
            sql: "INSERT OR REPLACE INTO published_revision (uid, content_hash, sequence, dtstamp) VALUES (?, ?, ?, ?)")
        statement.setUncheckedArguments([uid, revision.contentHash, revision.sequence, revision.dtstamp])
        try statement.execute()
    }

    // MARK: Pending publication

    /// Staged feed files whose rename has not been confirmed.
    public func pendingPublication() throws -> [(temporary: String, target: String)] {
        try Row.fetchAll(db, sql: "SELECT temporary, target FROM pending_publication ORDER BY target").map {
            (temporary: $0["temporary"], target: $0["target"])
        }
    }

    /// Records staged files before the transaction commits, so a crash can be rolled forward.
    public func setPendingPublication(_ files: [(temporary: String, target: String)]) throws {
        try db.execute(sql: "DELETE FROM pending_publication")
        for file in files {
            try db.execute(
                sql: "INSERT INTO pending_publication (target, temporary) VALUES (?, ?)",
                arguments: [file.target, file.temporary])
        }
    }
}

/// A UID's last published revision.
public struct StoredRevision: Sendable, Hashable {
    /// Hash of the event's content (everything but DTSTAMP and SEQUENCE).
    public var contentHash: String
    /// SEQUENCE: starts at 0, grows by one per content change, never decreases.
    public var sequence: Int
    /// DTSTAMP, `YYYYMMDDTHHMMSSZ`: when the content last changed.
    public var dtstamp: String

    /// Creates a stored revision.
    public init(contentHash: String, sequence: Int, dtstamp: String) {
        self.contentHash = contentHash
        self.sequence = sequence
        self.dtstamp = dtstamp
    }
}
