import MoteplanCore

extension OverviewPage {
    /// "Referat og oppgaver per leder" (the private overview only): each leader's open obligations (six weeks ahead, overdue
    /// always) and the status of the referat they owe for meetings held this school year.
    func leaderSection() -> String {
        var html = "<h2 id=\"per-leder\">Referat og oppgaver per leder</h2>\n"
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
        guard !leaders.isEmpty else { return html + "<p>Ingen åpne oppgaver.</p>\n" }
        for id in leaders {
            html += "<h3 id=\"leder-\(Markup.escape(id))\">\(Markup.escape(names[id] ?? id))</h3>\n"
            let own = obligations.filter { $0.leader?.id == id }
            if own.isEmpty {
                html += "<p>Ingen åpne oppgaver de neste seks ukene.</p>\n"
            } else {
                html += "<table>\n<tr><th>Frist</th><th>Type</th><th>Oppgave</th></tr>\n"
                for o in own {
                    let overdue = o.due < now.date
                    let due = Markup.escape(NorwegianDate.long(o.due)) + (overdue ? " <span class=\"forfalt\">(forfalt)</span>" : "")
                    html += "<tr><td>\(due)</td><td>\(o.kind.rawValue)</td><td>\(Markup.escape(o.text))</td></tr>\n"
                }
                html += "</table>\n"
            }
            let referat = held.filter { $0.meeting.leader?.id == id }
            guard !referat.isEmpty else { continue }
            html += "<table>\n<tr><th>Referat fra møtet</th><th>Frist</th><th>Status</th></tr>\n"
            for item in referat {
                let state = ledger.state(of: item, now: now)
                let cls = state.isOverdue ? " class=\"forfalt\"" : ""
                let meeting = "\(item.meeting.title)" + (item.meeting.instance.isSingle ? "" : " – \(item.meeting.instance.name)")
                    + ", \(NorwegianDate.long(item.meeting.date))"
                html += "<tr><td>\(Markup.escape(meeting))</td><td>\(Markup.escape(NorwegianDate.long(item.due)))</td>"
                html += "<td\(cls)>\(Markup.escape(Self.norwegian(state)))</td></tr>\n"
            }
            html += "</table>\n"
        }
        return html
    }

    /// A referat state in Norwegian.
    static func norwegian(_ state: ReferatState) -> String {
        switch state {
        case .notDueYet: return "ikke holdt ennå"
        case .due(let date): return "skal leveres innen \(NorwegianDate.long(date))"
        case .overdue(let days): return "forfalt for \(days) dag\(days == 1 ? "" : "er") siden"
        case .deliveredOnTime(let date): return "levert \(NorwegianDate.long(date))"
        case .deliveredLate(let date, let days): return "levert \(NorwegianDate.long(date)) (\(days) dag\(days == 1 ? "" : "er") for sent)"
        }
    }
}
