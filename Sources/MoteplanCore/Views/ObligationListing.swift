import Foundation

/// Obligations as a table, CSV or JSON.
public enum ObligationListing {
    /// The CSV header.
    public static let csvHeader = "due,leader,kind,structure,instance,meeting,text"

    /// A table: due date (with "forfalt" for overdue ones), who, what kind, and what to do.
    public static func table(_ obligations: [Obligation], now: LocalDate) -> String {
        guard !obligations.isEmpty else { return "no open obligations\n" }
        var cells = [["due", "leader", "kind", "text"]]
        for o in obligations {
            let due = o.due < now ? "\(o.due) (forfalt)" : o.due.description
            cells.append([due, o.leader.map(LeaderName.display) ?? "-", o.kind.rawValue, o.text])
        }
        return TextTable(rows: cells).render()
    }

    /// CSV with the fixed header.
    public static func csv(_ obligations: [Obligation]) -> String {
        CSV.document(header: csvHeader, rows: obligations.map { o in
            [
                o.due.description, o.leader.map(LeaderName.display) ?? "", o.kind.rawValue, o.structureID, o.instanceID,
                o.meeting?.description ?? "", o.text,
            ]
        })
    }

    /// JSON, keys sorted.
    public static func json(_ obligations: [Obligation]) throws -> String {
        struct Row: Encodable {
            var due, leader, leaderID, kind, structure, instance, meeting, uid, text: String
        }
        let rows = obligations.map { o in
            Row(
                due: o.due.description, leader: o.leader.map(LeaderName.display) ?? "", leaderID: o.leader?.id ?? "",
                kind: o.kind.rawValue, structure: o.structureID, instance: o.instanceID, meeting: o.meeting?.description ?? "",
                uid: o.meetingUID ?? "", text: o.text)
        }
        return try JSONOutput.encode(rows)
    }
}
