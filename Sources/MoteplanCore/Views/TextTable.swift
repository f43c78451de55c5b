/// A plain-text table with columns padded to their widest cell (counted in characters,
/// so æøå line up).
public struct TextTable: Sendable {
    /// The rows; the first is the header.
    public var rows: [[String]]
    /// Columns to right-align (numbers).
    public var rightAligned: Set<Int>

    /// Creates a table.
    public init(rows: [[String]], rightAligned: Set<Int> = []) {
        self.rows = rows
        self.rightAligned = rightAligned
    }

    /// The table, one line per row, columns separated by two spaces, ending in a newline.
    public func render() -> String {
        let columns = rows.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: columns)
        for row in rows {
            for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) }
        }
        var text = ""
        for row in rows {
            var cells: [String] = []
            for (i, cell) in row.enumerated() {
                let padding = String(repeating: " ", count: widths[i] - cell.count)
                let isLast = i == row.count - 1
                cells.append(rightAligned.contains(i) ? padding + cell : (isLast ? cell : cell + padding))
            }
            text += cells.joined(separator: "  ") + "\n"
        }
        return text
    }
}
