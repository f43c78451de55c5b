/// `moteplan plan --format html`: a printable plan (A4 landscape), one table per month, in Norwegian.
public enum PlanHTML {
    /// The print style: A4 landscape, headers repeated on every page, no row split across pages.
    public static let style = """
        @page { size: A4 landscape; margin: 12mm; }
        body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 10.5pt; color: #111; margin: 1.5em .5em; }
        h1 { font-size: 16pt; margin: 0 0 .2em; }
        p.periode { margin: 0 0 1em; color: #444; }
        h2 { font-size: 12.5pt; margin: 1.2em 0 .3em; break-after: avoid; page-break-after: avoid; }
        table { width: 100%; border-collapse: collapse; }
        thead { display: table-header-group; }
        th, td { border: 1px solid #999; padding: 3px 6px; text-align: left; vertical-align: top; }
        th { background: #e9eef3; }
        tr { break-inside: avoid; page-break-inside: avoid; }
        td.avlyst { text-decoration: line-through; color: #595959; }
        @media print { body { margin: 0; } a { color: inherit; text-decoration: none; } }
        """

    /// The whole page for `rows` (in schedule order), titled with the municipality's name.
    public static func render(_ rows: [PlanRow], configuration: Configuration) -> String {
        let name = Markup.escape(configuration.municipality.name)
        var html = """
            <!DOCTYPE html>
            <html lang="nb">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Møteplan – \(name)</title>
            <style>
            \(style)
            \(AccessibleMarkup.style)
            </style>
            </head>
            <body>
            <h1>Møteplan – \(name)</h1>

            """
        guard let first = rows.first, let last = rows.last else {
            return html + "<p>Ingen møter i perioden.</p>\n</body>\n</html>\n"
        }
        html += "<p class=\"periode\">\(rows.count) møte\(rows.count == 1 ? "" : "r"), \(dateText(first.start)) – \(dateText(last.start)).</p>\n"
        var month = ""
        for row in rows {
            let key = String(row.start.prefix(7))
            if key != month {
                if !month.isEmpty { html += "</tbody>\n</table>\n" }
                month = key
                html += "<h2>\(monthHeading(key))</h2>\n<table>\n<thead><tr><th>Dato</th><th>Tid</th><th>Møte</th><th>Leder</th><th>Sted</th><th>Merknader</th></tr></thead>\n<tbody>\n"
            }
            html += tableRow(row)
        }
        return AccessibleMarkup.scrollableTables(html + "</tbody>\n</table>\n</body>\n</html>\n")
    }

    static func tableRow(_ row: PlanRow) -> String {
        let cancelled = row.notes.contains { $0.hasPrefix("AVLYST") }
        let cells = [
            dateText(row.start), "\(row.start.suffix(5))–\(row.end.suffix(5))", row.title, row.leader, row.location,
            row.notes.joined(separator: "; "),
        ]
        let tds = cells.enumerated().map { index, cell in
            index == 2 && cancelled ? "<td class=\"avlyst\">\(Markup.escape(cell))</td>" : "<td>\(Markup.escape(cell))</td>"
        }
        return "<tr>\(tds.joined())</tr>\n"
    }

    /// "ons. 16. september 2026" from "2026-09-16T14:00".
    static func dateText(_ start: String) -> String {
        guard let date = LocalDateTime(text: start)?.date else { return start }
        return "\(date.weekday.norwegian.prefix(3)). \(NorwegianDate.long(date))"
    }

    /// "September 2026" from "2026-09".
    static func monthHeading(_ key: String) -> String {
        guard let date = LocalDate(iso: key + "-01") else { return key }
        return "\(Markup.capitalized(NorwegianDate.monthName(date.month))) \(date.year)"
    }
}
