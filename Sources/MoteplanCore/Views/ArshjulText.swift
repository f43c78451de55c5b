/// The årshjul in text (WCAG 1.1.1 and 1.4.1): the same meetings per month and structure as the
/// rings, with cancelled ones named as such, and the school holidays the wheel shades, for the
/// overview to show next to the picture.
public enum ArshjulText {
    /// A `<table>` (structures × the months August–July) and a list of the school holidays.
    public static func render(configuration: Configuration, schedule: Schedule, startYear: Int, only: [String] = []) -> String {
        let span = SchoolYear.span(startYear: startYear)
        let label = SchoolYear.label(startYear: startYear)
        let months = (0..<12).map { ($0 + 7) % 12 + 1 }
        let c = configuration.catalogue
        var html = "<table>\n<caption>\(c(.wheelTable, ["year": label]))</caption>\n<tr><th scope=\"col\">\(c(.wheelMeeting))</th>"
        html += months.map { "<th scope=\"col\">\(Markup.capitalized(c.month($0)))</th>" }.joined()
        html += "<th scope=\"col\">\(c(.wheelTotal))</th></tr>\n"
        for structure in configuration.structures where only.isEmpty || only.contains(structure.id) {
            let meetings = schedule.meetings.filter { $0.instance.structureID == structure.id && span.contains($0.date) }
            html += "<tr><th scope=\"row\">\(Markup.escape(structure.title))</th>"
            for month in months {
                html += "<td>\(cell(meetings.filter { $0.date.month == month }, c))</td>"
            }
            html += "<td>\(cell(meetings, c))</td></tr>\n"
        }
        html += "</table>\n"
        let holidays = ArshjulSVG.schoolHolidays(configuration, startYear: startYear)
        if !holidays.isEmpty {
            html += "<p>\(c(.wheelHolidays))</p>\n<ul>\n"
            html += holidays.map { "<li>\(Markup.escape($0.name)): \(ArshjulSVG.period($0.range))</li>\n" }.joined()
            html += "</ul>\n"
        }
        return html
    }

    /// "3", "3 (1 avlyst)" or "–" for none.
    static func cell(_ meetings: [Meeting], _ catalogue: Catalogue) -> String {
        guard !meetings.isEmpty else { return "–" }
        let cancelled = meetings.filter(\.isCancelled).count
        return cancelled == 0
            ? "\(meetings.count)"
            : catalogue(.wheelCountCancelled, ["count": String(meetings.count), "cancelled": String(cancelled)])
    }
}
