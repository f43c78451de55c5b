import GRDB
import MoteplanCore

/// That a meeting's innkalling was sent: the meeting, the day, and who said so. Nothing more.
public struct InnkallingRecord: Sendable, Hashable {
    /// The meeting's UID.
    public var uid: String
    /// The day it was sent.
    public var sent: LocalDate

    /// Creates a record.
    public init(uid: String, sent: LocalDate) {
        self.uid = uid
        self.sent = sent
    }
}

extension StateTransaction {
    /// Every innkalling recorded as sent, by UID.
    public func innkallingRecords() throws -> [InnkallingRecord] {
        // A store from before personal links, opened for reading (not migrated): none recorded.
        guard try db.tableExists("innkalling_sent") else { return [] }
        return try Row.fetchAll(db, sql: "SELECT uid, sent FROM innkalling_sent ORDER BY uid").compactMap { row in
            LocalDate(iso: row["sent"] as String).map { InnkallingRecord(uid: row["uid"], sent: $0) }
        }
    }

    /// The record for `uid`, if any.
    public func innkallingRecord(uid: String) throws -> InnkallingRecord? {
        try Row.fetchOne(db, sql: "SELECT uid, sent FROM innkalling_sent WHERE uid = ?", arguments: [uid]).flatMap { row in
            LocalDate(iso: row["sent"] as String).map { InnkallingRecord(uid: row["uid"], sent: $0) }
        }
    }

    /// Records that the innkalling was sent (replacing an earlier day) and audits it; false when
    /// the same was recorded already (nothing written).
    @discardableResult
    public func recordInnkalling(_ record: InnkallingRecord, actor: String, at: LocalDateTime) throws -> Bool {
        if try innkallingRecord(uid: record.uid) == record { return false }
        try db.execute(
            sql: "INSERT OR REPLACE INTO innkalling_sent (uid, sent, recorded_at, actor) VALUES (?, ?, ?, ?)",
            arguments: [record.uid, record.sent.description, at.description, actor])
        try db.execute(
            sql: "INSERT INTO innkalling_audit (uid, action, sent, actor, at) VALUES (?, 'record', ?, ?, ?)",
            arguments: [record.uid, record.sent.description, actor, at.description])
        return true
    }

    /// Removes the record for `uid` and audits it; false when there was none.
    @discardableResult
    public func undoInnkalling(uid: String, actor: String, at: LocalDateTime) throws -> Bool {
        guard let previous = try innkallingRecord(uid: uid) else { return false }
        try db.execute(sql: "DELETE FROM innkalling_sent WHERE uid = ?", arguments: [uid])
        try db.execute(
            sql: "INSERT INTO innkalling_audit (uid, action, sent, actor, at) VALUES (?, 'undo', ?, ?, ?)",
            arguments: [uid, previous.sent.description, actor, at.description])
        return true
    }

    /// The innkalling audit, oldest first, as `action|uid|sent|actor`.
    public func innkallingAudit() throws -> [String] {
        guard try db.tableExists("innkalling_audit") else { return [] }
        return try Row.fetchAll(db, sql: "SELECT action, uid, sent, actor FROM innkalling_audit ORDER BY id").map { row in
            ["action", "uid", "sent", "actor"].map { (row[$0] as String?) ?? "" }.joined(separator: "|")
        }
    }
}
