import MoteplanCore
import MoteplanFeeds

extension OverviewPage {
    /// The subscribe section: every feed, as an https link and a webcal link.
    func subscribeSection() -> String {
        var html = """
            <h2 id="abonner">\(catalogue(.subscribeHeading))</h2>
            <p>\(catalogue(.subscribeIntro))</p>
            <table>
            <tr><th>\(catalogue(.subscribeCalendar))</th><th>https</th><th>webcal</th></tr>

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

    /// The personal feeds section: each role's, unit's and room's own feed (every meeting it is needed at,
    /// across structures), chosen from a list.
    func personalFeedSection() -> String {
        let personal = snapshot.feeds.filter { $0.path.hasPrefix(FeedCatalog.personalFolder + "/") }
        guard !personal.isEmpty else { return "" }
        var html = """
            <h2 id="mine-moter">\(catalogue(.mineHeading))</h2>
            <p>\(catalogue(.mineIntro))</p>
            <details>
            <summary>\(catalogue(.mineSummary))</summary>
            <table>
            <caption>\(catalogue(.mineCaption))</caption>
            <tr><th>\(catalogue(.mineColumn))</th><th>https</th><th>webcal</th></tr>

            """
        // The feeds' names start with the plan's title ("Møteplan – Rektor, Gimse ungdomsskole").
        let prefix = catalogue(.overviewTitle) + " – "
        for feed in personal {
            let https = "\(baseURL)/feeds/\(feed.path)"
            let name = feed.name.hasPrefix(prefix) ? String(feed.name.dropFirst(prefix.count)) : feed.name
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

    /// The årshjul: this school year's wheel inline (as an image), and links to every year's.
    func arshjulSection() -> String {
        let years = snapshot.schoolYears
        guard !years.isEmpty else { return "" }
        let current = SchoolYear.startYear(containing: now.date)
        let shown = years.contains(current) ? current : (years.first { $0 > current } ?? years[years.count - 1])
        let label = SchoolYear.label(startYear: shown)
        let title = catalogue(.arshjulTitle, ["year": label])
        var html = "<h2 id=\"arshjul\">\(title)</h2>\n"
        html += "<p><img class=\"arshjul\" src=\"/arshjul/\(SiteSnapshot.urlLabel(startYear: shown)).svg\" alt=\"\(title)\" width=\"1440\" height=\"960\"></p>\n<p>"
        html += years.map { year in
            "<a href=\"/arshjul/\(SiteSnapshot.urlLabel(startYear: year)).svg\">\(catalogue(.arshjulSVG, ["year": SchoolYear.label(startYear: year)]))</a>"
        }.joined(separator: " · ")
        html += "</p>\n"
        return html + ArshjulText.render(configuration: configuration, schedule: snapshot.plan.schedule, startYear: shown)
    }
}

extension Phrase {
    static let subscribeHeading = Phrase("overview.subscribe_heading")
    static let subscribeIntro = Phrase("overview.subscribe_intro")
    static let subscribeCalendar = Phrase("overview.subscribe_calendar")
    static let mineHeading = Phrase("overview.mine_heading")
    static let mineIntro = Phrase("overview.mine_intro")
    static let mineSummary = Phrase("overview.mine_summary")
    static let mineCaption = Phrase("overview.mine_caption")
    static let mineColumn = Phrase("overview.mine_column")
    static let arshjulTitle = Phrase("overview.arshjul")
    static let arshjulSVG = Phrase("overview.arshjul_svg")
}
