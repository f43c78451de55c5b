import MoteplanCore

/// `GET /[?maaned=YYYY-MM]`: the public overview in the plan's language: the month's meetings of every
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
    /// The plan's language.
    var catalogue: Catalogue { configuration.catalogue }

    func render() -> String {
        var html = pageStart(title: catalogue(.overviewTitle))
        html += conflictSection()
        html += monthSection(month ?? OverviewMonth(containing: now.date))
        html += networkLeaders()
        html += statusSection()
        html += subscribeSection()
        html += personalFeedSection()
        html += arshjulSection()
        html += referatForm()
        html += "</body>\n</html>\n"
        return AccessibleMarkup.scrollableTables(html, catalogue: configuration.catalogue)
    }

    /// The overview's own rules, after the shared ones.
    static let style = """
        body { font-family: "DejaVu Sans", Arial, sans-serif; margin: 1.5em auto; max-width: 72em; padding: 0 1em; color: #111; }
        h1 { margin-bottom: .1em; } h2 { border-bottom: 2px solid #1b6ca8; padding-bottom: .2em; margin-top: 1.6em; }
        table { border-collapse: collapse; width: 100%; margin: .4em 0 1em; }
        th, td { border: 1px solid #bbb; padding: 3px 6px; text-align: left; vertical-align: top; }
        th { background: #e9eef3; } .forfalt { color: #b00020; font-weight: bold; } .avlyst { text-decoration: line-through; color: #595959; }
        img.arshjul { max-width: 100%; height: auto; border: 1px solid #ddd; }
        form label { display: block; margin: .4em 0; } form input, form select { font: inherit; }
        form select { max-width: 100%; }
        """

    /// The document up to and including the page's `<h1>` and the moment it shows.
    func pageStart(title: String) -> String {
        let name = Markup.escape(configuration.municipality.name)
        return PageHead.render(
            language: catalogue.code, title: "\(title) – \(configuration.municipality.name)", style: Self.style) + """
            <body>
            <h1>\(title) – \(name)</h1>
            <p>\(Markup.escape(catalogue(.pageAsOf, ["date": catalogue.withWeekday(now.date), "time": "\(now.time)"])))</p>

            """
    }

    /// The double-bookings section: how many windows from now on double-book someone, and the first of them.
    func conflictSection() -> String {
        let coming = snapshot.conflicts.filter { $0.end > now }
        var html = "<h2 id=\"dobbeltbookinger\">\(catalogue(.conflictsHeading))</h2>\n"
        guard !coming.isEmpty else { return html + "<p>\(catalogue(.conflictsNone))</p>\n" }
        let resources = NorwegianCount.of(
            Set(coming.map(\.resource)).count, one: catalogue(.conflictsResourceOne), many: catalogue(.conflictsResourceMany))
        html += "<p class=\"forfalt\">\(catalogue(.conflictsSummary, ["times": String(coming.count), "resources": resources]))</p>\n"
        html += "<table>\n<tr><th>\(catalogue(.conflictsWho))</th><th>\(catalogue(.conflictsWhen))</th><th>\(catalogue(.conflictsCapacity))</th>"
        html += "<th>\(catalogue(.conflictsNeeded))</th><th>\(catalogue(.conflictsMeetings))</th></tr>\n"
        for conflict in coming.sorted(by: { ($0.start, $0.resource) < ($1.start, $1.resource) }).prefix(20) {
            let name = configuration.actor(conflict.resource)?.name ?? configuration.location(conflict.resource)?.name ?? conflict.resource
            html += "<tr><td>\(Markup.escape(name))</td>"
            html += "<td>\(Markup.escape(catalogue.withWeekday(conflict.start.date))) \(conflict.start.time)–\(conflict.end.time)</td>"
            html += "<td>\(conflict.capacity)</td><td>\(conflict.needed)</td><td>\(Markup.escape(conflict.structures.joined(separator: ", ")))</td></tr>\n"
        }
        if coming.count > 20 { html += "<tr><td colspan=\"5\">\(catalogue(.conflictsMore, ["count": String(coming.count - 20)]))</td></tr>\n" }
        return html + "</table>\n"
    }

    /// The network leaders: the current term's leader of every rotating group, and who comes next.
    func networkLeaders() -> String {
        let rotating = configuration.groups.filter { $0.rotation != nil }
        guard !rotating.isEmpty else { return "" }
        var html = "<h2 id=\"nettverksledere\">\(catalogue(.leadersHeading))</h2>\n<table>\n<tr><th>\(catalogue(.leadersNetwork))</th>"
        html += "<th>\(catalogue(.leadersTerm))</th><th>\(catalogue(.leadersLeader))</th><th>\(catalogue(.leadersNext))</th></tr>\n"
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

extension Phrase {
    static let pageAsOf = Phrase("page.as_of")
    static let pageOverdue = Phrase("page.overdue")
    static let overviewTitle = Phrase("overview.title")
    static let conflictsHeading = Phrase("overview.conflicts_heading")
    static let conflictsNone = Phrase("overview.conflicts_none")
    static let conflictsSummary = Phrase("overview.conflicts_summary")
    static let conflictsResourceOne = Phrase("overview.conflicts_resource_one")
    static let conflictsResourceMany = Phrase("overview.conflicts_resource_many")
    static let conflictsWho = Phrase("overview.conflicts_who")
    static let conflictsWhen = Phrase("overview.conflicts_when")
    static let conflictsCapacity = Phrase("overview.conflicts_capacity")
    static let conflictsNeeded = Phrase("overview.conflicts_needed")
    static let conflictsMeetings = Phrase("overview.conflicts_meetings")
    static let conflictsMore = Phrase("overview.conflicts_more")
    static let leadersHeading = Phrase("overview.leaders_heading")
    static let leadersNetwork = Phrase("overview.leaders_network")
    static let leadersTerm = Phrase("overview.leaders_term")
    static let leadersLeader = Phrase("overview.leaders_leader")
    static let leadersNext = Phrase("overview.leaders_next")
}
