import MoteplanCore

extension OverviewPage {
    /// "Referat og oppgaver": counts only ("2 referat mangler"), per structure and per kind of duty,
    /// never a person's name next to what is overdue; each leader sees their own on their page.
    func statusSection() -> String {
        var html = "<h2 id=\"status\">Referat og oppgaver</h2>\n"
        html += "<p>Her vises bare antall. Hver leder ser sine egne frister på sin personlige side.</p>\n"
        let ledger = snapshot.plan.ledger
        let year = SchoolYear.span(startYear: SchoolYear.startYear(containing: now.date))
        let held = ledger.expected.filter { $0.meeting.startDateTime <= now && year.contains($0.meeting.date) }
        let senders = configuration.structures.filter { structure in ledger.expected.contains { $0.meeting.instance.structureID == structure.id } }
        if !senders.isEmpty {
            html += "<table>\n<caption>Referat fra møter holdt skoleåret \(SchoolYear.label(startYear: SchoolYear.startYear(containing: now.date)))</caption>\n"
            html += "<tr><th scope=\"col\">Møteserie</th><th scope=\"col\">Holdt</th><th scope=\"col\">Levert</th><th scope=\"col\">Fristen ikke passert</th><th scope=\"col\">Mangler</th></tr>\n"
            for structure in senders {
                let own = held.filter { $0.meeting.instance.structureID == structure.id }
                let states = own.map { ledger.state(of: $0, now: now) }
                let delivered = states.filter(\.isDelivered).count
                let overdue = states.filter(\.isOverdue).count
                let waiting = own.count - delivered - overdue
                let missing = overdue == 0 ? "0" : "<span class=\"forfalt\">\(overdue) referat mangler</span>"
                html += "<tr><td>\(Markup.escape(structure.title))</td><td>\(own.count)</td><td>\(delivered)</td><td>\(waiting)</td><td>\(missing)</td></tr>\n"
            }
            html += "</table>\n"
        }
        let obligations = snapshot.plan.obligations.obligations(filter: .all, now: now, from: nil, to: now.date.adding(days: 42))
        guard !obligations.isEmpty else { return html + "<p>Ingen åpne oppgaver de neste seks ukene.</p>\n" }
        html += "<table>\n<caption>Åpne oppgaver de neste seks ukene</caption>\n"
        html += "<tr><th scope=\"col\">Oppgave</th><th scope=\"col\">Åpne</th><th scope=\"col\">Forfalt</th></tr>\n"
        for kind in Obligation.Kind.allCases {
            let open = obligations.filter { $0.kind == kind }
            guard !open.isEmpty else { continue }
            let overdue = open.filter { $0.due < now.date }.count
            let overdueText = overdue == 0 ? "0" : "<span class=\"forfalt\">\(Self.count(overdue, kind)) forfalt</span>"
            html += "<tr><td>\(Self.plural(kind).capitalizedFirst)</td><td>\(open.count)</td><td>\(overdueText)</td></tr>\n"
        }
        return html + "</table>\n"
    }

    /// "1 innkalling", "2 innkallinger", "2 referat" (Norwegian number agreement).
    static func count(_ number: Int, _ kind: Obligation.Kind) -> String {
        "\(number) \(number == 1 ? kind.rawValue : plural(kind))"
    }

    /// The plural of a duty's name.
    static func plural(_ kind: Obligation.Kind) -> String {
        switch kind {
        case .innkalling: return "innkallinger"
        case .referat: return "referat"
        case .invitasjon: return "invitasjoner"
        case .sakliste: return "saklister"
        case .lederskifte: return "lederskifter"
        case .minstekrav: return "minstekrav"
        }
    }
}

extension String {
    /// The text with its first letter in upper case.
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
