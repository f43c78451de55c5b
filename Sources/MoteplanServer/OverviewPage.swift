import MoteplanCore

/// `GET /[?maaned=YYYY-MM]`: the public overview in Norwegian: the month's meetings of every
/// instance, this year's network leaders, counts of referat and duties (no names next to what is
/// overdue: that is on the personal pages and the private overview), subscribe links, the årshjul
/// and the referat form.
struct OverviewPage {
    let snapshot: SiteSnapshot
    let now: LocalDateTime
    /// `https://host` (no trailing slash) for subscribe links.
    let baseURL: String
    /// The month whose meetings are listed; the month of `now` when nil.
    var month: OverviewMonth? = nil

    var configuration: Configuration { snapshot.configuration }

    func render() -> String {
        var html = pageStart(title: "Møteplan")
        html += conflictSection()
        html += monthSection(month ?? OverviewMonth(containing: now.date))
        html += networkLeaders()
        html += statusSection()
        html += subscribeSection()
        html += personalFeedSection()
        html += arshjulSection()
        html += referatForm()
        html += "</body>\n</html>\n"
        return AccessibleMarkup.scrollableTables(html)
    }

    /// The document up to and including the page's `<h1>` and the moment it shows.
    func pageStart(title: String) -> String {
        let name = Markup.escape(configuration.municipality.name)
        return """
            <!DOCTYPE html>
            <html lang="nb">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title) – \(name)</title>
            <style>
            body { font-family: "DejaVu Sans", Arial, sans-serif; margin: 1.5em auto; max-width: 72em; padding: 0 1em; color: #111; }
            h1 { margin-bottom: .1em; } h2 { border-bottom: 2px solid #1b6ca8; padding-bottom: .2em; margin-top: 1.6em; }
            table { border-collapse: collapse; width: 100%; margin: .4em 0 1em; }
            th, td { border: 1px solid #bbb; padding: 3px 6px; text-align: left; vertical-align: top; }
            th { background: #e9eef3; } .forfalt { color: #b00020; font-weight: bold; } .avlyst { text-decoration: line-through; color: #595959; }
            img.arshjul { max-width: 100%; height: auto; border: 1px solid #ddd; }
            form label { display: block; margin: .4em 0; } form input, form select { font: inherit; }
            form select { max-width: 100%; }
            \(AccessibleMarkup.style)
            </style>
            </head>
            <body>
            <h1>\(title) – \(name)</h1>
            <p>Per \(Markup.escape(NorwegianDate.withWeekday(now.date))) kl. \(now.time).</p>

            """
    }

    /// "Dobbeltbookinger": how many windows from now on double-book someone, and the first of them.
    func conflictSection() -> String {
        let coming = snapshot.conflicts.filter { $0.end > now }
        var html = "<h2 id=\"dobbeltbookinger\">Dobbeltbookinger</h2>\n"
        guard !coming.isEmpty else { return html + "<p>Ingen: ingen person eller rom er satt opp på flere møter enn de rekker.</p>\n" }
        let resources = Set(coming.map(\.resource)).count
        html += "<p class=\"forfalt\">\(coming.count) tidspunkt der \(resources) \(resources == 1 ? "person, enhet eller rom" : "personer, enheter eller rom") er satt opp på flere møter enn de rekker.</p>\n"
        html += "<table>\n<tr><th>Hvem/hva</th><th>Når</th><th>Kan ta</th><th>Trengs av</th><th>Møter</th></tr>\n"
        for conflict in coming.sorted(by: { ($0.start, $0.resource) < ($1.start, $1.resource) }).prefix(20) {
            let name = configuration.actor(conflict.resource)?.name ?? configuration.location(conflict.resource)?.name ?? conflict.resource
            html += "<tr><td>\(Markup.escape(name))</td>"
            html += "<td>\(Markup.escape(NorwegianDate.withWeekday(conflict.start.date))) \(conflict.start.time)–\(conflict.end.time)</td>"
            html += "<td>\(conflict.capacity)</td><td>\(conflict.needed)</td><td>\(Markup.escape(conflict.structures.joined(separator: ", ")))</td></tr>\n"
        }
        if coming.count > 20 { html += "<tr><td colspan=\"5\">… og \(coming.count - 20) til (moteplan conflicts viser alle).</td></tr>\n" }
        return html + "</table>\n"
    }

    /// "Nettverksledere": the current term's leader of every rotating group, and who comes next.
    func networkLeaders() -> String {
        let rotating = configuration.groups.filter { $0.rotation != nil }
        guard !rotating.isEmpty else { return "" }
        var html = "<h2 id=\"nettverksledere\">Nettverksledere</h2>\n<table>\n<tr><th>Nettverk</th><th>Periode</th><th>Leder</th><th>Neste periode</th></tr>\n"
        let rows = LeaderListing.rows(planner: snapshot.plan.scheduler.rotation, groups: rotating, today: now.date, ahead: 1)
        for group in rotating {
            let terms = rows.filter { $0.group == group.id }
            guard let index = terms.firstIndex(where: \.current) else { continue }
            let current = terms[index]
            let next = index + 1 < terms.count ? terms[index + 1] : nil
            html += "<tr><td>\(Markup.escape(group.name))</td><td>\(current.term)</td>"
            html += "<td>\(Markup.escape(display(current.leader)))</td>"
            html += "<td>\(next.map { "\($0.term): " + Markup.escape(display($0.leader)) } ?? "–")</td></tr>\n"
        }
        return html + "</table>\n"
    }

    func display(_ actorID: String) -> String {
        configuration.actor(actorID).map(LeaderName.display) ?? actorID
    }
}
