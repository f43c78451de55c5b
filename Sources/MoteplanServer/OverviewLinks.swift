import MoteplanCore
import MoteplanFeeds

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
        for feed in snapshot.feeds where !feed.path.hasPrefix(FeedCatalog.personalFolder + "/") {
            let https = "\(baseURL)/feeds/\(feed.path)"
            let webcal = Self.webcal(https)
            html += "<tr><td>\(Markup.escape(feed.name))</td>"
            html += "<td><a href=\"\(Markup.escape(https))\">\(Markup.escape(https))</a></td>"
            html += "<td><a href=\"\(Markup.escape(webcal))\">webcal</a></td></tr>\n"
        }
        return html + "</table>\n"
    }

    /// "Mine møter": each role's, unit's and room's own feed (every meeting it is needed at,
    /// across structures), chosen from a list.
    func personalFeedSection() -> String {
        let personal = snapshot.feeds.filter { $0.path.hasPrefix(FeedCatalog.personalFolder + "/") }
        guard !personal.isEmpty else { return "" }
        var html = """
            <h2 id="mine-moter">Mine møter</h2>
            <p>Én kalender med alle møtene du leder, deltar i eller er invitert til, på tvers av møtearenaene.
            Velg rollen, enheten eller rommet ditt, og abonner på lenken.</p>
            <details>
            <summary>Velg hvem du er</summary>
            <table>
            <caption>Kalender for hver rolle, enhet og rom</caption>
            <tr><th>Rolle, enhet eller rom</th><th>https</th><th>webcal</th></tr>

            """
        for feed in personal {
            let https = "\(baseURL)/feeds/\(feed.path)"
            let name = feed.name.hasPrefix("Møteplan – ") ? String(feed.name.dropFirst("Møteplan – ".count)) : feed.name
            html += "<tr><td>\(Markup.escape(name))</td>"
            html += "<td><a href=\"\(Markup.escape(https))\">\(Markup.escape(https))</a></td>"
            html += "<td><a href=\"\(Markup.escape(Self.webcal(https)))\">webcal</a></td></tr>\n"
        }
        return html + "</table>\n</details>\n"
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
        html += "</p>\n"
        return html + ArshjulText.render(configuration: configuration, schedule: snapshot.plan.schedule, startYear: shown)
    }
}
