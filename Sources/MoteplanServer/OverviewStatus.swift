import MoteplanCore

extension OverviewPage {
    /// The referat and duties section: counts only ("2 referat mangler"), per structure and per kind
    /// of duty, never a person's name next to what is overdue; each leader sees their own on their page.
    func statusSection() -> String {
        var html = "<h2 id=\"status\">\(catalogue(.statusHeading))</h2>\n"
        html += "<p>\(catalogue(.statusIntro))</p>\n"
        let ledger = snapshot.plan.ledger
        let year = SchoolYear.span(startYear: SchoolYear.startYear(containing: now.date))
        let held = ledger.expected.filter { $0.meeting.startDateTime <= now && year.contains($0.meeting.date) }
        let senders = configuration.structures.filter { structure in ledger.expected.contains { $0.meeting.instance.structureID == structure.id } }
        if !senders.isEmpty {
            let label = SchoolYear.label(startYear: SchoolYear.startYear(containing: now.date))
            html += "<table>\n<caption>\(catalogue(.statusReferatCaption, ["year": label]))</caption>\n<tr>"
            for column in [Phrase.statusSeries, .statusHeld, .statusDelivered, .statusWaiting, .statusMissing] {
                html += "<th scope=\"col\">\(catalogue(column))</th>"
            }
            html += "</tr>\n"
            for structure in senders {
                let own = held.filter { $0.meeting.instance.structureID == structure.id }
                let states = own.map { ledger.state(of: $0, now: now) }
                let delivered = states.filter(\.isDelivered).count
                let overdue = states.filter(\.isOverdue).count
                let waiting = own.count - delivered - overdue
                let missing = overdue == 0 ? "0" : "<span class=\"forfalt\">\(catalogue(.statusReferatMissing, ["count": String(overdue)]))</span>"
                html += "<tr><td>\(Markup.escape(structure.title))</td><td>\(own.count)</td><td>\(delivered)</td><td>\(waiting)</td><td>\(missing)</td></tr>\n"
            }
            html += "</table>\n"
        }
        let obligations = snapshot.plan.obligations.obligations(filter: .all, now: now, from: nil, to: now.date.adding(days: 42))
        guard !obligations.isEmpty else { return html + "<p>\(catalogue(.noOpenDutiesSixWeeks))</p>\n" }
        html += "<table>\n<caption>\(catalogue(.statusDutiesCaption))</caption>\n"
        html += "<tr><th scope=\"col\">\(catalogue(.statusDuty))</th><th scope=\"col\">\(catalogue(.statusOpen))</th>"
        html += "<th scope=\"col\">\(catalogue(.statusOverdue))</th></tr>\n"
        for kind in Obligation.Kind.allCases {
            let open = obligations.filter { $0.kind == kind }
            guard !open.isEmpty else { continue }
            let overdue = open.filter { $0.due < now.date }.count
            let overdueText = overdue == 0
                ? "0" : "<span class=\"forfalt\">\(catalogue(.statusOverdueCount, ["count": DutyName.count(overdue, kind, catalogue)]))</span>"
            html += "<tr><td>\(DutyName.many(kind, catalogue).capitalizedFirst)</td><td>\(open.count)</td><td>\(overdueText)</td></tr>\n"
        }
        return html + "</table>\n"
    }
}

extension String {
    /// The text with its first letter in upper case.
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}

extension Phrase {
    static let statusHeading = Phrase("overview.status_heading")
    static let statusIntro = Phrase("overview.status_intro")
    static let statusReferatCaption = Phrase("overview.status_referat_caption")
    static let statusSeries = Phrase("overview.status_series")
    static let statusHeld = Phrase("overview.status_held")
    static let statusDelivered = Phrase("overview.status_delivered")
    static let statusWaiting = Phrase("overview.status_waiting")
    static let statusMissing = Phrase("overview.status_missing")
    static let statusReferatMissing = Phrase("overview.status_referat_missing")
    static let noOpenDutiesSixWeeks = Phrase("overview.no_open_duties_six_weeks")
    static let statusDutiesCaption = Phrase("overview.status_duties_caption")
    static let statusDuty = Phrase("overview.status_duty")
    static let statusOpen = Phrase("overview.status_open")
    static let statusOverdue = Phrase("overview.status_overdue")
    static let statusOverdueCount = Phrase("overview.status_overdue_count")
}
