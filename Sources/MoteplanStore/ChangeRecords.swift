import GRDB
import MoteplanCore

extension StateTransaction {
    /// Every meeting change, oldest first.
    public func meetingChanges() throws -> [MeetingChange] {
        try Row.fetchAll(db, sql: "SELECT * FROM meeting_change ORDER BY id").compactMap { row in
            let kind: MeetingChange.Kind
            switch row["kind"] as String {
            case "cancel":
                kind = .cancel
            case "move":
                guard let start = LocalDateTime(text: row["start"]), let end = LocalTime(text: row["end_time"] as String)
                else { return nil }
                kind = .move(start: start, end: end)
            case "add":
                guard let start = LocalDateTime(text: row["start"]), let end = LocalTime(text: row["end_time"] as String)
                else { return nil }
                kind = .add(structureID: row["structure_id"], instanceID: row["instance_id"], start: start, end: end, title: row["title"])
            default:
                return nil
            }
            guard let at = LocalDateTime(text: row["at"]) else { return nil }
            return MeetingChange(uid: row["uid"], kind: kind, reason: row["reason"], actor: row["actor"], at: at)
        }
    }

    /// Appends a meeting change.
    public func append(_ change: MeetingChange) throws {
        var structure: String?
        var instance: String?
        var start: String?
        var end: String?
        var title: String?
        let kind: String
        switch change.kind {
        case .cancel:
            kind = "cancel"
        case .move(let s, let e):
            kind = "move"
            start = s.description
            end = e.description
        case .add(let st, let inst, let s, let e, let t):
            kind = "add"
            structure = st
            instance = inst
            start = s.description
            end = e.description
            title = t
        }
        try db.execute(
            sql: """
                INSERT INTO meeting_change (uid, kind, structure_id, instance_id, start, end_time, title, reason, actor, at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [change.uid, kind, structure, instance, start, end, title, change.reason, change.actor, change.at.description])
    }

    /// Every recorded referat.
    public func referatRecords() throws -> [ReferatRecord] {
        try Row.fetchAll(db, sql: "SELECT uid, delivered, delivered_by, reference FROM referat ORDER BY uid").compactMap(Self.referat)
    }

    private static func referat(_ row: Row) -> ReferatRecord? {
        guard let delivered = LocalDate(iso: row["delivered"] as String) else { return nil }
        return ReferatRecord(uid: row["uid"], delivered: delivered, deliveredBy: row["delivered_by"], reference: row["reference"])
    }

    /// The delivery recorded for `uid`, if any.
    public func referatRecord(uid: String) throws -> ReferatRecord? {
        try Row.fetchOne(db, sql: "SELECT uid, delivered, delivered_by, reference FROM referat WHERE uid = ?", arguments: [uid])
            .flatMap(Self.referat)
    }

    /// What `recordReferat` did.
    public enum ReferatWrite: Sendable, Equatable {
        /// The same record was there already; nothing written.
        case unchanged
        /// A new record.
        case recorded
        /// A different record was replaced (with `force`).
        case replaced
    }

    /// A different delivery is recorded for the meeting and `force` was not given.
    public struct ReferatConflict: Error, Sendable {
        /// What is recorded.
        public let current: ReferatRecord
    }

    /// Records `record` under the store's write lock: nothing if the same is recorded, a conflict
    /// if a different one is and `force` is false, else saved (and audited).
    public func recordReferat(_ record: ReferatRecord, force: Bool, actor: String, at: LocalDateTime) throws -> ReferatWrite {
        let current = try referatRecord(uid: record.uid)
        if current == record { return .unchanged }
        if let current, !force { throw ReferatConflict(current: current) }
        try saveReferat(record, replacing: current, actor: actor, at: at)
        return current == nil ? .recorded : .replaced
    }

    /// Records (or replaces) a delivery and audits it.
    public func saveReferat(_ record: ReferatRecord, replacing previous: ReferatRecord?, actor: String, at: LocalDateTime) throws {
        try db.execute(
            sql: "INSERT OR REPLACE INTO referat (uid, delivered, delivered_by, reference, recorded_at, actor) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [record.uid, record.delivered.description, record.deliveredBy, record.reference, at.description, actor])
        try auditReferat(
            uid: record.uid, action: previous == nil ? "record" : "change", record: record, previous: previous, reason: nil,
            actor: actor, at: at)
    }

    /// Removes a delivery and audits it.
    public func undoReferat(_ previous: ReferatRecord, reason: String?, actor: String, at: LocalDateTime) throws {
        try db.execute(sql: "DELETE FROM referat WHERE uid = ?", arguments: [previous.uid])
        try auditReferat(uid: previous.uid, action: "undo", record: nil, previous: previous, reason: reason, actor: actor, at: at)
    }

    private func auditReferat(
        uid: String, action: String, record: ReferatRecord?, previous: ReferatRecord?, reason: String?, actor: String,
        at: LocalDateTime
    ) throws {
        let before = previous.map { "\($0.delivered)|\($0.deliveredBy ?? "")|\($0.reference ?? "")" }
        try db.execute(
            sql: """
                INSERT INTO referat_audit (uid, action, delivered, delivered_by, reference, previous, reason, actor, at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                uid, action, record?.delivered.description, record?.deliveredBy, record?.reference, before, reason, actor,
                at.description,
            ])
    }

    /// The referat audit, oldest first, as `action|uid|delivered|by|ref|previous|actor`.
    public func referatAudit() throws -> [String] {
        try Row.fetchAll(db, sql: "SELECT * FROM referat_audit ORDER BY id").map { row in
            let columns = ["action", "uid", "delivered", "delivered_by", "reference", "previous", "actor"]
            return columns.map { (row[$0] as String?) ?? "" }.joined(separator: "|")
        }
    }
}

/// Everything the store knows, read at once: the facts a schedule and its obligations depend on.
public struct StateSnapshot: Sendable {
    /// Recorded leader terms.
    public var terms: [RecordedTerm] = []
    /// Meeting changes, oldest first.
    public var changes: [MeetingChange] = []
    /// Delivered referat.
    public var referat: [ReferatRecord] = []
    /// Recorded placements, oldest first.
    public var placements: [RecordedPlacement] = []
    /// Innkallinger recorded as sent.
    public var innkallingSent: [InnkallingRecord] = []

    /// An empty snapshot (no store yet).
    public init() {}

    /// Reads the store at `statePath` without creating it; an empty snapshot when there is none.
    public static func read(statePath: String) throws -> StateSnapshot {
        try StateStore.openForReading(path: statePath).map { store in try store.read { try StateSnapshot($0) } } ?? StateSnapshot()
    }

    /// Reads a snapshot within a transaction.
    public init(_ transaction: StateTransaction) throws {
        terms = try transaction.recordedTerms()
        changes = try transaction.meetingChanges()
        referat = try transaction.referatRecords()
        placements = try transaction.recordedPlacements()
        innkallingSent = try transaction.innkallingRecords()
    }
}
