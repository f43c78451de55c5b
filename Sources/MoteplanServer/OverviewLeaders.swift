import MoteplanCore

extension OverviewPage {
    /// The referat and duties per leader (the private overview only): each leader's open obligations (six weeks ahead, overdue
    /// always) and the status of the referat they owe for meetings held this school year.
    func leaderSection() -> String {
        var html = "<h2 id=\"per-leder\">\(catalogue(.perLeaderHeading))</h2>\n"
        let obligations = snapshot.plan.obligations.obligations(filter: .all, now: now, from: nil, to: now.date.adding(days: 42))
        let year = SchoolYear.span(startYear: SchoolYear.startYear(containing: now.date))
        let ledger = snapshot.plan.ledger
        let held = ledger.expected.filter { $0.meeting.startDateTime <= now && year.contains($0.meeting.date) }
        var leaders: [String] = []
        var names: [String: String] = [:]
        for id in obligations.compactMap({ $0.leader?.id }) + held.compactMap({ $0.meeting.leader?.id }) where names[id] == nil {
            leaders.append(id)
            names[id] = display(id)
        }
        guard !leaders.isEmpty else { return html + "<p>\(catalogue(.perLeaderNone))</p>\n" }
        for id in leaders {
            html += "<h3 id=\"leder-\(Markup.escape(id))\">\(Markup.escape(names[id] ?? id))</h3>\n"
            let own = obligations.filter { $0.leader?.id == id }
            if own.isEmpty {
                html += "<p>\(catalogue(.noOpenDutiesSixWeeks))</p>\n"
            } else {
                html += "<table>\n<tr><th>\(catalogue(.perLeaderDeadline))</th><th>\(catalogue(.perLeaderType))</th>"
                html += "<th>\(catalogue(.perLeaderDuty))</th></tr>\n"
                for o in own {
                    let overdue = o.due < now.date
                    let due = Markup.escape(catalogue.long(o.due)) + (overdue ? " <span class=\"forfalt\">\(catalogue(.pageOverdue))</span>" : "")
                    html += "<tr><td>\(due)</td><td>\(DutyName.one(o.kind, catalogue))</td><td>\(Markup.escape(o.text))</td></tr>\n"
                }
                html += "</table>\n"
            }
            let referat = held.filter { $0.meeting.leader?.id == id }
            guard !referat.isEmpty else { continue }
            html += "<table>\n<tr><th>\(catalogue(.perLeaderReferat))</th><th>\(catalogue(.perLeaderDeadline))</th>"
            html += "<th>\(catalogue(.perLeaderStatus))</th></tr>\n"
            for item in referat {
                let state = ledger.state(of: item, now: now)
                let cls = state.isOverdue ? " class=\"forfalt\"" : ""
                // The title already names the instance ("Tverrfaglig nettverk – Melhus vest").
                let meeting = "\(item.meeting.title), \(catalogue.long(item.meeting.date))"
                html += "<tr><td>\(Markup.escape(meeting))</td><td>\(Markup.escape(catalogue.long(item.due)))</td>"
                html += "<td\(cls)>\(Markup.escape(Self.describe(state, catalogue)))</td></tr>\n"
            }
            html += "</table>\n"
        }
        return html
    }

    /// A referat state in the catalogue's language ("levert 2. oktober 2026").
    static func describe(_ state: ReferatState, _ catalogue: Catalogue) -> String {
        switch state {
        case .notDueYet: return catalogue(.referatNotHeld)
        case .due(let date): return catalogue(.referatDue, ["date": catalogue.long(date)])
        case .overdue(let days): return catalogue(.referatOverdue, ["days": catalogue.days(days)])
        case .deliveredOnTime(let date): return catalogue(.referatDelivered, ["date": catalogue.long(date)])
        case .deliveredLate(let date, let days):
            return catalogue(.referatDeliveredLate, ["date": catalogue.long(date), "days": catalogue.days(days)])
        }
    }
}

extension Phrase {
    static let perLeaderHeading = Phrase("overview.per_leader_heading")
    static let perLeaderNone = Phrase("overview.per_leader_none")
    static let perLeaderDeadline = Phrase("overview.per_leader_deadline")
    static let perLeaderType = Phrase("overview.per_leader_type")
    static let perLeaderDuty = Phrase("overview.per_leader_duty")
    static let perLeaderReferat = Phrase("overview.per_leader_referat")
    static let perLeaderStatus = Phrase("overview.per_leader_status")
    static let referatNotHeld = Phrase("overview.referat_not_held")
    static let referatDue = Phrase("overview.referat_due")
    static let referatOverdue = Phrase("overview.referat_overdue")
    static let referatDelivered = Phrase("overview.referat_delivered")
    static let referatDeliveredLate = Phrase("overview.referat_delivered_late")
}
