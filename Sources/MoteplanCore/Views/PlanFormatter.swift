import Foundation

/// Renders plan rows as a text table, CSV or JSON.
public enum PlanFormatter {
    /// The CSV header, fixed: scripts and spreadsheets rely on it.
    public static let csvHeader = "uid,structure,instance,title,start,end,leader,location,notes"

    /// A table for people: weekday, date, time, title, leader, location, notes.
    public static func table(_ rows: [PlanRow], catalogue: Catalogue) -> String {
        guard !rows.isEmpty else { return "no meetings in this period\n" }
        var cells = [["date", "time", "meeting", "leader", "location", "notes"]]
        for row in rows {
            let date = LocalDateTime(text: row.start)?.date
            let day = date.map { "\(catalogue.weekday($0.weekday).prefix(3)) \($0)" } ?? row.start
            let time = "\(row.start.suffix(5))–\(row.end.suffix(5))"
            cells.append([day, time, row.title, row.leader, row.location, row.notes.joined(separator: "; ")])
        }
        return TextTable(rows: cells).render()
    }

    /// RFC 4180 CSV with the fixed header; notes joined by "; ".
    public static func csv(_ rows: [PlanRow]) -> String {
        CSV.document(header: csvHeader, rows: rows.map { row in
            [
                row.uid, row.structure, row.instance, row.title, row.start, row.end, row.leader, row.location,
                row.notes.joined(separator: "; "),
            ]
        })
    }

    /// A JSON array of rows, keys sorted, for scripts.
    public static func json(_ rows: [PlanRow]) throws -> String {
        try JSONOutput.encode(rows)
    }
}

/// JSON as moteplan writes it for scripts: pretty, keys sorted, slashes unescaped, a final newline.
public enum JSONOutput {
    /// `value` encoded.
    public static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }
}

/// CSV field quoting (RFC 4180).
public enum CSV {
    /// The field, quoted when it holds a comma, quote or line break.
    public static func field(_ value: String) -> String {
        // By byte: the four are ASCII, and a Character scan cost a third of `conflicts` at 100k.
        guard value.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") })
        else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A document: the header line, then a line per row (fields quoted as needed), CRLF endings.
    public static func document(header: String, rows: [[String]]) -> String {
        var text = header + "\r\n"
        for row in rows { text += row.map(field).joined(separator: ",") + "\r\n" }
        return text
    }
}
