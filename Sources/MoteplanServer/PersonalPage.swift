import MoteplanCore

/// `GET /meg/<token>`: one person's page in Norwegian: what they owe and by when, with buttons to
/// tick off an innkalling or a referat (and undo either), their coming meetings, and their
/// personal calendar feed. Plain HTML forms, no script.
struct PersonalPage {
    let snapshot: SiteSnapshot
    /// The role or unit id.
    let personID: String
    /// Who it is (a unit's head for a unit).
    let person: Role
    /// The page's own path, `/meg/<token>`: where the forms post.
    let path: String
    let now: LocalDateTime
    let baseURL: String
    /// A confirmation to show at the top (after a 303 back), in Norwegian.
    let notice: String?

    var configuration: Configuration { snapshot.configuration }
    var domain: String { configuration.municipality.uidDomain }

    func render() -> String {
        let greeting = person.person ?? person.name
        var html = """
            <!DOCTYPE html>
            <html lang="nb">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="referrer" content="no-referrer">
            <meta name="robots" content="noindex">
            <title>Min side – \(Markup.escape(LeaderName.display(person)))</title>
            <style>
            body { font-family: "DejaVu Sans", Arial, sans-serif; margin: 1.5em auto; max-width: 60em; padding: 0 1em; color: #111; }
            h2 { border-bottom: 2px solid #1b6ca8; padding-bottom: .2em; margin-top: 1.6em; }
            table { border-collapse: collapse; width: 100%; margin: .4em 0 1em; }
            th, td { border: 1px solid #bbb; padding: 4px 6px; text-align: left; vertical-align: top; }
            th { background: #e9eef3; } .forfalt { color: #b00020; font-weight: bold; }
            .melding { border: 2px solid #1b6ca8; padding: .5em; background: #eef5fb; }
            form { margin: .2em 0; } label { display: inline-block; margin: .2em .6em .2em 0; }
            input, button { font: inherit; } button { padding: .2em .6em; }
            \(AccessibleMarkup.style)
            </style>
            </head>
            <body>
            <main>
            <h1>Min side – \(Markup.escape(LeaderName.display(person)))</h1>
            <p>Hei \(Markup.escape(greeting))! Her ser du det du skal gjøre, og møtene dine. Per \(Markup.escape(NorwegianDate.withWeekday(now.date))) kl. \(now.time).
            Lenken er personlig: ikke del den.</p>

            """
        if let notice { html += "<p class=\"melding\" role=\"status\">\(Markup.escape(notice))</p>\n" }
        html += duties()
        html += sentInnkallinger()
        html += deliveredReferat()
        html += comingMeetings()
        html += feedSection()
        html += "</main>\n</body>\n</html>\n"
        return AccessibleMarkup.scrollableTables(html)
    }

    /// What the person owes: every open obligation (overdue ones always), due within twelve weeks,
    /// and the duties without fixed dates of the current period.
    func duties() -> String {
        let soon = now.date.adding(days: 84)
        let planner = snapshot.plan.obligations
        // A duty without fixed dates shows all its period (its deadline may be months away).
        let list = planner.obligations(filter: .leader(personID), now: now, from: nil, to: soon)
            + planner.obligations(filter: .leader(personID), now: now, from: soon.adding(days: 1), to: now.date.adding(days: 366))
                .filter { $0.kind == .minstekrav }
        var html = "<h2 id=\"oppgaver\">Det du skal gjøre</h2>\n"
        guard !list.isEmpty else { return html + "<p>Ingenting de neste tolv ukene.</p>\n" }
        html += "<table>\n<tr><th scope=\"col\">Frist</th><th scope=\"col\">Hva</th><th scope=\"col\">Marker som gjort</th></tr>\n"
        for (index, obligation) in list.enumerated() {
            let overdue = obligation.due < now.date
            html += "<tr><td\(overdue ? " class=\"forfalt\"" : "")>\(Markup.escape(NorwegianDate.withWeekday(obligation.due)))\(overdue ? " (forfalt)" : "")</td>"
            html += "<td>\(Markup.escape(PersonalPage.kindName(obligation.kind))): \(Markup.escape(obligation.text))</td><td>"
            if let uid = obligation.meetingUID {
                switch obligation.kind {
                case .innkalling:
                    let when = obligation.meeting.map { " \(NorwegianDate.long($0.date))" } ?? ""
                    html += form("innkalling", uid: uid, button: "Innkalling sendt", label: "Innkalling sendt for møtet\(when)")
                case .referat: html += referatForm(uid: uid, index: index)
                default: break
                }
            } else if obligation.kind == .minstekrav {
                html += registrationForm(structure: obligation.structureID, instance: obligation.instanceID, index: index)
            }
            html += "</td></tr>\n"
        }
        return html + "</table>\n"
    }

    /// The Norwegian name of an obligation's kind.
    static func kindName(_ kind: Obligation.Kind) -> String {
        switch kind {
        case .innkalling: return "Innkalling"
        case .referat: return "Referat"
        case .invitasjon: return "Invitasjon"
        case .sakliste: return "Sakliste"
        case .lederskifte: return "Lederskifte"
        case .minstekrav: return "Minstekrav"
        }
    }

    /// A one-button form posting `action` for `uid`.
    func form(_ action: String, uid: String, button: String, label: String? = nil) -> String {
        let aria = label.map { " aria-label=\"\(Markup.escape($0))\"" } ?? ""
        return """
            <form method="post" action="\(Markup.escape(path))"><input type="hidden" name="handling" value="\(action)">\
            <input type="hidden" name="uid" value="\(Markup.escape(uid))"><button type="submit"\(aria)>\(Markup.escape(button))</button></form>
            """
    }

    /// "Referat levert": the day (today by default) and an optional archive reference.
    func referatForm(uid: String, index: Int) -> String {
        """
        <form method="post" action="\(Markup.escape(path))"><input type="hidden" name="handling" value="referat">\
        <input type="hidden" name="uid" value="\(Markup.escape(uid))">\
        <label for="levert-\(index)">Levert dato</label><input type="date" id="levert-\(index)" name="levert" value="\(now.date)" required>
        <label for="ref-\(index)">Arkivreferanse (valgfritt)</label><input type="text" id="ref-\(index)" name="ref" maxlength="200">
        <button type="submit">Referat levert</button></form>
        """
    }

    /// "Registrer møte" for a duty without fixed dates: the day and start the unit chose; the
    /// meeting then has the structure's usual length and appears in the feeds.
    func registrationForm(structure: String, instance: String, index: Int) -> String {
        """
        <form method="post" action="\(Markup.escape(path))"><input type="hidden" name="handling" value="registrer">\
        <input type="hidden" name="struktur" value="\(Markup.escape(structure))">\
        <input type="hidden" name="instans" value="\(Markup.escape(instance))">\
        <label for="dato-\(index)">Dato</label><input type="date" id="dato-\(index)" name="dato" required>
        <label for="tid-\(index)">Starter kl.</label><input type="time" id="tid-\(index)" name="tid" required>
        <button type="submit">Registrer møte</button></form>
        """
    }

    /// The person's coming meetings.
    func ledMeetings() -> [Meeting] {
        snapshot.plan.schedule.meetings.filter { $0.leader?.id == personID }
    }

    /// Innkallinger marked sent for meetings not yet held, with "Angre".
    func sentInnkallinger() -> String {
        let sent = snapshot.plan.innkallingSent
        let rows = ledMeetings().filter { $0.startDateTime > now }.compactMap { meeting -> (Meeting, LocalDate)? in
            sent[meeting.uid(domain: domain)].map { (meeting, $0) }
        }
        guard !rows.isEmpty else { return "" }
        var html = "<h2 id=\"sendt\">Innkallinger du har sendt</h2>\n<table>\n<tr><th scope=\"col\">Møte</th><th scope=\"col\">Sendt</th><th scope=\"col\">Angre</th></tr>\n"
        for (meeting, day) in rows {
            let what = "\(meeting.title), \(NorwegianDate.withWeekday(meeting.date))"
            html += "<tr><td>\(Markup.escape(what))</td><td>\(Markup.escape(NorwegianDate.long(day)))</td><td>"
            html += form("innkalling-angre", uid: meeting.uid(domain: domain), button: "Angre", label: "Angre innkalling sendt: \(what)")
            html += "</td></tr>\n"
        }
        return html + "</table>\n"
    }

    /// Referat recorded for the person's meetings in the last twelve weeks, with "Angre".
    func deliveredReferat() -> String {
        let records = snapshot.plan.ledger.records
        let since = now.date.adding(days: -84)
        let rows = ledMeetings().filter { $0.date >= since && $0.startDateTime <= now }.compactMap { meeting -> (Meeting, ReferatRecord)? in
            records[meeting.uid(domain: domain)].map { (meeting, $0) }
        }
        guard !rows.isEmpty else { return "" }
        var html = "<h2 id=\"levert\">Referat du har levert</h2>\n<table>\n<tr><th scope=\"col\">Møte</th><th scope=\"col\">Levert</th><th scope=\"col\">Referanse</th><th scope=\"col\">Angre</th></tr>\n"
        for (meeting, record) in rows {
            let what = "\(meeting.title), \(NorwegianDate.long(meeting.date))"
            html += "<tr><td>\(Markup.escape(what))</td><td>\(Markup.escape(NorwegianDate.long(record.delivered)))</td>"
            html += "<td>\(Markup.escape(record.reference ?? "–"))</td><td>"
            html += form("referat-angre", uid: meeting.uid(domain: domain), button: "Angre", label: "Angre referat levert: \(what)")
            html += "</td></tr>\n"
        }
        return html + "</table>\n"
    }

    /// The next meetings the person leads or takes part in (twenty at most).
    func comingMeetings() -> String {
        let coming = snapshot.plan.schedule.meetings
            .filter { $0.endDateTime >= now && ($0.leader?.id == personID || $0.needs.contains(personID)) }
            .prefix(20)
        var html = "<h2 id=\"moter\">Dine neste møter</h2>\n"
        guard !coming.isEmpty else { return html + "<p>Ingen flere møter i planperioden.</p>\n" }
        html += "<table>\n<tr><th scope=\"col\">Dato</th><th scope=\"col\">Tid</th><th scope=\"col\">Møte</th><th scope=\"col\">Sted</th><th scope=\"col\">Du</th><th scope=\"col\">Merknader</th></tr>\n"
        for meeting in coming {
            html += "<tr><td>\(Markup.escape(NorwegianDate.withWeekday(meeting.date)))</td><td>\(meeting.start)–\(meeting.end)</td>"
            html += "<td>\(Markup.escape(meeting.title))</td><td>\(Markup.escape(meeting.location ?? "–"))</td>"
            html += "<td>\(meeting.leader?.id == personID ? "leder" : "deltar")</td>"
            html += "<td>\(Markup.escape(meeting.notes.joined(separator: "; ")))</td></tr>\n"
        }
        return html + "</table>\n"
    }

    /// The personal calendar feed: `/feeds/for/<id>.ics`, as https and webcal links.
    func feedSection() -> String {
        let https = "\(baseURL)/feeds/for/\(personID).ics"
        let webcal = OverviewPage.webcal(https)
        return """
            <h2 id="kalender">Din kalender</h2>
            <p>Abonner på møtene dine i Outlook, Google Kalender eller Apple Kalender: <a href="\(Markup.escape(https))">\(Markup.escape(https))</a>
            (<a href="\(Markup.escape(webcal))">åpne i kalenderprogrammet</a>).</p>

            """
    }
}
