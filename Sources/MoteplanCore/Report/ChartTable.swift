/// The text alternative of a bar chart in the report (WCAG 1.1.1, 1.4.1): the same numbers as a
/// table, one row per bar group and one column per series, so nothing is told by colour alone.
enum ChartTable {
    /// `<table>` with `caption`, a header row of `series` and one row per label.
    static func render(caption: String, labels: [String], series: [String], values: [[Int]], catalogue: Catalogue) -> String {
        var html = "<table>\n<caption>\(Markup.escape(caption))</caption>\n<tr><th scope=\"col\">\(catalogue(.name))</th>"
        html += series.map { "<th scope=\"col\">\(Markup.escape($0))</th>" }.joined() + "</tr>\n"
        for (label, row) in zip(labels, values) {
            html += "<tr><th scope=\"row\">\(Markup.escape(label))</th>" + row.map { "<td>\($0)</td>" }.joined() + "</tr>\n"
        }
        return html + "</table>\n"
    }
}

extension Phrase {
    /// "Navn" / "Namn", a table's first column.
    public static let name = Phrase("word.name")
}
