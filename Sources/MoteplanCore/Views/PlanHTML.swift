/// `moteplan plan --format html`: a printable plan (A4 landscape), one table per month, in the plan's language.
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
        let c = configuration.catalogue
        let plainTitle = c(.planTitle, ["name": configuration.municipality.name])
        let title = Markup.escape(plainTitle)
        var html = PageHead.render(language: c.code, title: plainTitle, style: style) + "<body>\n<h1>\(title)</h1>\n"
        guard let first = rows.first, let last = rows.last else {
            return html + "<p>\(c(.planNoMeetings))</p>\n</body>\n</html>\n"
        }
        html += "<p class=\"periode\">" + c(rows.count == 1 ? .planCountOne : .planCount, [
            "count": String(rows.count), "from": dateText(first.start, c), "to": dateText(last.start, c),
        ]) + "</p>\n"
        var month = ""
        for row in rows {
            let key = String(row.start.prefix(7))
            if key != month {
                if !month.isEmpty { html += "</tbody>\n</table>\n" }
                month = key
                html += "<h2>\(monthHeading(key, c))</h2>\n<table>\n<thead><tr>"
                    + c.list("plan.columns").map { "<th>\(Markup.escape($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
            }
            html += tableRow(row, c)
        }
        return AccessibleMarkup.scrollableTables(html + "</tbody>\n</table>\n</body>\n</html>\n", catalogue: c)
    }

    static func tableRow(_ row: PlanRow, _ catalogue: Catalogue) -> String {
        let cancelled = row.notes.contains { $0.hasPrefix(catalogue(.cancelled)) }
        let cells = [
            dateText(row.start, catalogue), "\(row.start.suffix(5))–\(row.end.suffix(5))", row.title, row.leader, row.location,
            row.notes.joined(separator: "; "),
        ]
        let tds = cells.enumerated().map { index, cell in
            index == 2 && cancelled ? "<td class=\"avlyst\">\(Markup.escape(cell))</td>" : "<td>\(Markup.escape(cell))</td>"
        }
        return "<tr>\(tds.joined())</tr>\n"
    }

    /// "ons. 16. september 2026" from "2026-09-16T14:00".
    static func dateText(_ start: String, _ catalogue: Catalogue) -> String {
        guard let date = LocalDateTime(text: start)?.date else { return start }
        return "\(catalogue.weekday(date.weekday).prefix(3)). \(catalogue.long(date))"
    }

    /// "September 2026" from "2026-09".
    static func monthHeading(_ key: String, _ catalogue: Catalogue) -> String {
        guard let date = LocalDate(iso: key + "-01") else { return key }
        return "\(Markup.capitalized(catalogue.month(date.month))) \(date.year)"
    }
}

extension Phrase {
    /// "Møteplan – {name}": the printable plan's and a feed's title.
    public static let planTitle = Phrase("plan.title")
    static let planNoMeetings = Phrase("plan.no_meetings")
    static let planCountOne = Phrase("plan.count_one")
    static let planCount = Phrase("plan.count")
}
