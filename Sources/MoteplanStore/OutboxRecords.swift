import GRDB
import MoteplanCore

/// A reminder's row in the outbox.
public struct OutboxEntry: Sendable, Hashable {
    /// Where the reminder stands.
    public enum Status: String, Sendable, Hashable {
        /// Waiting to be delivered (again, after a failure).
        case pending
        /// Being delivered; left so by a run that died: deliver again and say so.
        case sending
        /// Delivered.
        case sent
        /// Not sent: its moment passed, or it was superseded; logged.
        case dropped
    }

    /// The reminder's identity.
    public var id: String
    /// Its kind.
    public var kind: String
    /// The recipient address.
    public var recipient: String
    /// The day it becomes due.
    public var sendOn: LocalDate
    /// After this moment it no longer matters.
    public var relevantUntil: LocalDateTime
    /// Where it stands.
    public var status: Status
    /// Delivery attempts so far.
    public var attempts: Int
    /// The Message-ID every delivery carries.
    public var messageID: String
    /// Why it was dropped, or other notes.
    public var note: String?
    /// The last delivery error.
    public var lastError: String?

    /// Creates an entry.
    public init(
        id: String, kind: String, recipient: String, sendOn: LocalDate, relevantUntil: LocalDateTime, status: Status,
        attempts: Int = 0, messageID: String, note: String? = nil, lastError: String? = nil
    ) {
        self.id = id
        self.kind = kind
        self.recipient = recipient
        self.sendOn = sendOn
        self.relevantUntil = relevantUntil
        self.status = status
        self.attempts = attempts
        self.messageID = messageID
        self.note = note
        self.lastError = lastError
    }
}

extension StateTransaction {
    /// Every outbox row, by id.
    public func outbox() throws -> [String: OutboxEntry] {
        var result: [String: OutboxEntry] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT * FROM reminder") {
            guard let sendOn = LocalDate(iso: row["send_on"] as String),
                let until = LocalDateTime(text: row["relevant_until"]),
                let status = OutboxEntry.Status(rawValue: row["status"])
            else { continue }
            let entry = OutboxEntry(
                id: row["id"], kind: row["kind"], recipient: row["recipient"], sendOn: sendOn, relevantUntil: until,
                status: status, attempts: row["attempts"], messageID: row["message_id"], note: row["note"],
                lastError: row["last_error"])
            result[entry.id] = entry
        }
        return result
    }

    /// Adds a row unless one with the same id exists.
    public func enqueue(_ entry: OutboxEntry, at now: LocalDateTime) throws {
        try db.execute(
            sql: """
                INSERT OR IGNORE INTO reminder
                (id, kind, recipient, send_on, relevant_until, status, attempts, message_id, note, created_at)
                VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?)
                """,
            arguments: [
                entry.id, entry.kind, entry.recipient, entry.sendOn.description, entry.relevantUntil.description,
                entry.status.rawValue, entry.messageID, entry.note, now.description,
            ])
    }

    /// Sets a row's status (and counts an attempt when it becomes `sending`).
    public func mark(_ id: String, _ status: OutboxEntry.Status, note: String? = nil, error: String? = nil, at now: LocalDateTime) throws {
        let attempt = status == .sending ? 1 : 0
        let sentAt: String? = status == .sent ? now.description : nil
        try db.execute(
            sql: """
                UPDATE reminder SET status = ?, attempts = attempts + ?, note = coalesce(?, note), last_error = ?,
                sent_at = coalesce(?, sent_at) WHERE id = ?
                """,
            arguments: [status.rawValue, attempt, note, error, sentAt, id])
    }
}
