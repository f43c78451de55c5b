import Foundation

/// The rows `moteplan referat status` shows.
public enum ReferatListing {
    /// One expected referat.
    public struct Row: Sendable, Hashable, Encodable {
        public var uid: String
        public var structure: String
        public var instance: String
        /// The meeting's start, `YYYY-MM-DDTHH:MM`.
        public var meeting: String
        public var due: String
        /// "not due yet", "due by …", "overdue by N days", "delivered on time", "delivered late (N days)".
        public var status: String
        public var delivered: String
        public var by: String
        public var ref: String
    }

    /// The CSV header.
    public static let csvHeader = "uid,structure,instance,meeting,due,status,delivered,by,ref"

    /// Rows at `now`, optionally for one group and only overdue ones.
    public static func rows(_ ledger: ReferatLedger, now: LocalDateTime, group: String?, overdueOnly: Bool) -> [Row] {
        ledger.expected.compactMap { referat in
            if let group, referat.meeting.instance.groupID != group { return nil }
            let state = ledger.state(of: referat, now: now)
            if overdueOnly && !state.isOverdue { return nil }
            let record = ledger.records[referat.uid]
            return Row(
                uid: referat.uid, structure: referat.meeting.instance.structureID,
                instance: referat.meeting.instance.instanceID, meeting: referat.meeting.startDateTime.description,
                due: referat.due.description, status: state.text, delivered: record?.delivered.description ?? "",
                by: record?.deliveredBy ?? "", ref: record?.reference ?? "")
        }
    }

    /// A table for people.
    public static func table(_ rows: [Row]) -> String {
        guard !rows.isEmpty else { return "no referat expected\n" }
        var cells = [["meeting", "instance", "due", "status", "delivered", "ref"]]
        for row in rows {
            cells.append([row.meeting, row.instance, row.due, row.status, row.delivered, row.ref])
        }
        return TextTable(rows: cells).render()
    }

    /// CSV with the fixed header.
    public static func csv(_ rows: [Row]) -> String {
        CSV.document(header: csvHeader, rows: rows.map {
            [$0.uid, $0.structure, $0.instance, $0.meeting, $0.due, $0.status, $0.delivered, $0.by, $0.ref]
        })
    }

    /// JSON, keys sorted.
    public static func json(_ rows: [Row]) throws -> String {
        try JSONOutput.encode(rows)
    }
}
