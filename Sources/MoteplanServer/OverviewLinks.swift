import MoteplanCore

extension OverviewPage {
    /// "Abonner": every feed, as an https link and a webcal link.
    func subscribeSection() -> String {
        var html = """
            <h2 id="abonner">Abonner på kalendere</h2>
            <p>Legg til adressen i Outlook, Google Kalender eller Apple Kalender («abonner på kalender» / «fra Internett»).
            webcal-lenken åpner kalenderprogrammet direkte.</p>
            <table>
            <tr><th>Kalender</th><th>https</th><th>webcal</th></tr>

            """
        for feed in snapshot.feeds {
            let https = "\(baseURL)/feeds/\(feed.path)"
            let webcal = Self.webcal(https)
            html += "<tr><td>\(Markup.escape(feed.name))</td>"
            html += "<td><a href=\"\(Markup.escape(https))\">\(Markup.escape(https))</a></td>"
            html += "<td><a href=\"\(Markup.escape(webcal))\">webcal</a></td></tr>\n"
        }
        return html + "</table>\n"
    }

    /// `webcal://host/…` for `https://host/…` (or `http://`).
    static func webcal(_ url: String) -> String {
        if url.hasPrefix("https://") { return "webcal://" + url.dropFirst(8) }
        if url.hasPrefix("http://") { return "webcal://" + url.dropFirst(7) }
        return url
    }

    /// "Årshjul": this school year's wheel inline (as an image), and links to every year's.
    func arshjulSection() -> String {
        let years = snapshot.schoolYears
        guard !years.isEmpty else { return "" }
        let current = SchoolYear.startYear(containing: now.date)
        let shown = years.contains(current) ? current : (years.first { $0 > current } ?? years[years.count - 1])
        let label = SchoolYear.label(startYear: shown)
        var html = "<h2 id=\"arshjul\">Årshjul \(label)</h2>\n"
        html += "<p><img class=\"arshjul\" src=\"/arshjul/\(SiteSnapshot.urlLabel(startYear: shown)).svg\" alt=\"Årshjul \(label)\" width=\"1440\" height=\"960\"></p>\n<p>"
        html += years.map { year in
            "<a href=\"/arshjul/\(SiteSnapshot.urlLabel(startYear: year)).svg\">Årshjul \(SchoolYear.label(startYear: year)) (SVG)</a>"
        }.joined(separator: " · ")
        return html + "</p>\n"
    }
}
