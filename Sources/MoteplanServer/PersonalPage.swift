import MoteplanCore

/// `GET /meg/<token>`: one person's page in the plan's language: what they owe and by when, with buttons to
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
    /// A confirmation to show at the top (after a 303 back), in the plan's language.
    let notice: String?

    var configuration: Configuration { snapshot.configuration }
    var domain: String { configuration.municipality.uidDomain }
    /// The plan's language.
    var catalogue: Catalogue { configuration.catalogue }

    /// The page's own rules, after the shared ones.
    static let style = """
        body { font-family: "DejaVu Sans", Arial, sans-serif; margin: 1.5em auto; max-width: 60em; padding: 0 1em; color: #111; }
        h2 { border-bottom: 2px solid #1b6ca8; padding-bottom: .2em; margin-top: 1.6em; }
        table { border-collapse: collapse; width: 100%; margin: .4em 0 1em; }
        th, td { border: 1px solid #bbb; padding: 4px 6px; text-align: left; vertical-align: top; }
        th { background: #e9eef3; } .forfalt { color: #b00020; font-weight: bold; }
        .melding { border: 2px solid #1b6ca8; padding: .5em; background: #eef5fb; }
        form { margin: .2em 0; } label { display: inline-block; margin: .2em .6em .2em 0; }
        input, button { font: inherit; } button { padding: .2em .6em; }
        """

    func render() -> String {
        let greeting = person.person ?? person.name
        let plainTitle = catalogue(.personalTitle, ["name": LeaderName.display(person)])
        let title = Markup.escape(plainTitle)
        let hello = catalogue(.personalGreeting, ["name": greeting, "date": catalogue.withWeekday(now.date), "time": "\(now.time)"])
        var html = PageHead.render(
            language: catalogue.code, title: plainTitle, meta: [.noReferrer, .noIndex], style: Self.style) + """
            <body>
            <main>
            <h1>\(title)</h1>
            <p>\(Markup.escape(hello))</p>

            """
        if let notice { html += "<p class=\"melding\" role=\"status\">\(Markup.escape(notice))</p>\n" }
        html += duties()
        html += sentInnkallinger()
        html += deliveredReferat()
        html += comingMeetings()
        html += feedSection()
        html += "</main>\n</body>\n</html>\n"
        return AccessibleMarkup.scrollableTables(html, catalogue: catalogue)
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
        var html = "<h2 id=\"oppgaver\">\(catalogue(.personalDutiesHeading))</h2>\n"
        guard !list.isEmpty else { return html + "<p>\(catalogue(.personalDutiesNone))</p>\n" }
        html += "<table>\n<tr><th scope=\"col\">\(catalogue(.personalColDeadline))</th><th scope=\"col\">\(catalogue(.personalColWhat))</th>"
        html += "<th scope=\"col\">\(catalogue(.personalColMark))</th></tr>\n"
        for (index, obligation) in list.enumerated() {
            let overdue = obligation.due < now.date
            let mark = overdue ? " " + catalogue(.pageOverdue) : ""
            html += "<tr><td\(overdue ? " class=\"forfalt\"" : "")>\(Markup.escape(catalogue.withWeekday(obligation.due)))\(mark)</td>"
            html += "<td>\(Markup.escape(DutyName.one(obligation.kind, catalogue).capitalizedFirst)): \(Markup.escape(obligation.text))</td><td>"
            if let uid = obligation.meetingUID {
                switch obligation.kind {
                case .innkalling:
                    let label = obligation.meeting.map { catalogue(.personalInnkallingSentFor, ["date": catalogue.long($0.date)]) }
                        ?? catalogue(.personalInnkallingSentForUndated)
                    html += form("innkalling", uid: uid, button: catalogue(.personalInnkallingSent), label: label)
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

    /// A one-button form posting `action` for `uid`.
    func form(_ action: String, uid: String, button: String, label: String? = nil) -> String {
        let aria = label.map { " aria-label=\"\(Markup.escape($0))\"" } ?? ""
        return """
            <form method="post" action="\(Markup.escape(path))"><input type="hidden" name="handling" value="\(action)">\
            <input type="hidden" name="uid" value="\(Markup.escape(uid))"><button type="submit"\(aria)>\(Markup.escape(button))</button></form>
            """
    }

    /// The referat button: the day (today by default) and an optional archive reference.
    func referatForm(uid: String, index: Int) -> String {
        """
        <form method="post" action="\(Markup.escape(path))"><input type="hidden" name="handling" value="referat">\
        <input type="hidden" name="uid" value="\(Markup.escape(uid))">\
        <label for="levert-\(index)">\(catalogue(.personalDeliveredDate))</label><input type="date" id="levert-\(index)" name="levert" value="\(now.date)" required>
        <label for="ref-\(index)">\(catalogue(.personalReferenceOptional))</label><input type="text" id="ref-\(index)" name="ref" maxlength="200">
        <button type="submit">\(catalogue(.personalReferatDelivered))</button></form>
        """
    }

    /// The registration form for a duty without fixed dates: the day and start the unit chose; the
    /// meeting then has the structure's usual length and appears in the feeds.
    func registrationForm(structure: String, instance: String, index: Int) -> String {
        """
        <form method="post" action="\(Markup.escape(path))"><input type="hidden" name="handling" value="registrer">\
        <input type="hidden" name="struktur" value="\(Markup.escape(structure))">\
        <input type="hidden" name="instans" value="\(Markup.escape(instance))">\
        <label for="dato-\(index)">\(catalogue(.personalDate))</label><input type="date" id="dato-\(index)" name="dato" required>
        <label for="tid-\(index)">\(catalogue(.personalStarts))</label><input type="time" id="tid-\(index)" name="tid" required>
        <button type="submit">\(catalogue(.personalRegister))</button></form>
        """
    }

    /// The person's coming meetings.
    func ledMeetings() -> [Meeting] {
        snapshot.plan.schedule.meetings.filter { $0.leader?.id == personID }
    }

    /// Innkallinger marked sent for meetings not yet held, with an undo button.
    func sentInnkallinger() -> String {
        let sent = snapshot.plan.innkallingSent
        let rows = ledMeetings().filter { $0.startDateTime > now }.compactMap { meeting -> (Meeting, LocalDate)? in
            sent[meeting.uid(domain: domain)].map { (meeting, $0) }
        }
        guard !rows.isEmpty else { return "" }
        var html = "<h2 id=\"sendt\">\(catalogue(.personalSentHeading))</h2>\n<table>\n<tr><th scope=\"col\">\(catalogue(.personalColMeeting))</th>"
        html += "<th scope=\"col\">\(catalogue(.personalColSent))</th><th scope=\"col\">\(catalogue(.personalColUndo))</th></tr>\n"
        for (meeting, day) in rows {
            let what = "\(meeting.title), \(catalogue.withWeekday(meeting.date))"
            html += "<tr><td>\(Markup.escape(what))</td><td>\(Markup.escape(catalogue.long(day)))</td><td>"
            html += form(
                "innkalling-angre", uid: meeting.uid(domain: domain), button: catalogue(.personalUndo),
                label: catalogue(.personalUndoInnkalling, ["meeting": what]))
            html += "</td></tr>\n"
        }
        return html + "</table>\n"
    }

    /// Referat recorded for the person's meetings in the last twelve weeks, with an undo button.
    func deliveredReferat() -> String {
        let records = snapshot.plan.ledger.records
        let since = now.date.adding(days: -84)
        let rows = ledMeetings().filter { $0.date >= since && $0.startDateTime <= now }.compactMap { meeting -> (Meeting, ReferatRecord)? in
            records[meeting.uid(domain: domain)].map { (meeting, $0) }
        }
        guard !rows.isEmpty else { return "" }
        var html = "<h2 id=\"levert\">\(catalogue(.personalDeliveredHeading))</h2>\n<table>\n<tr>"
        for column in [Phrase.personalColMeeting, .personalColDelivered, .personalColReference, .personalColUndo] {
            html += "<th scope=\"col\">\(catalogue(column))</th>"
        }
        html += "</tr>\n"
        for (meeting, record) in rows {
            let what = "\(meeting.title), \(catalogue.long(meeting.date))"
            html += "<tr><td>\(Markup.escape(what))</td><td>\(Markup.escape(catalogue.long(record.delivered)))</td>"
            html += "<td>\(Markup.escape(record.reference ?? "–"))</td><td>"
            html += form(
                "referat-angre", uid: meeting.uid(domain: domain), button: catalogue(.personalUndo),
                label: catalogue(.personalUndoReferat, ["meeting": what]))
            html += "</td></tr>\n"
        }
        return html + "</table>\n"
    }

    /// The next meetings the person leads or takes part in (twenty at most).
    func comingMeetings() -> String {
        let coming = snapshot.plan.schedule.meetings
            .filter { $0.endDateTime >= now && ($0.leader?.id == personID || $0.needs.contains(personID)) }
            .prefix(20)
        var html = "<h2 id=\"moter\">\(catalogue(.personalComingHeading))</h2>\n"
        guard !coming.isEmpty else { return html + "<p>\(catalogue(.personalComingNone))</p>\n" }
        html += "<table>\n<tr>"
        for column in [Phrase.personalColDate, .personalColTime, .personalColMeeting, .personalColPlace, .personalColYou, .personalColNotes] {
            html += "<th scope=\"col\">\(catalogue(column))</th>"
        }
        html += "</tr>\n"
        for meeting in coming {
            html += "<tr><td>\(Markup.escape(catalogue.withWeekday(meeting.date)))</td><td>\(meeting.start)–\(meeting.end)</td>"
            html += "<td>\(Markup.escape(meeting.title))</td><td>\(Markup.escape(meeting.location ?? "–"))</td>"
            html += "<td>\(catalogue(meeting.leader?.id == personID ? .personalYouLead : .personalYouTakePart))</td>"
            html += "<td>\(Markup.escape(meeting.notes(in: catalogue).joined(separator: "; ")))</td></tr>\n"
        }
        return html + "</table>\n"
    }

    /// The personal calendar feed: `/feeds/for/<id>.ics`, as https and webcal links.
    func feedSection() -> String {
        let https = "\(baseURL)/feeds/for/\(personID).ics"
        let webcal = OverviewPage.webcal(https)
        return """
            <h2 id="kalender">\(catalogue(.personalFeedHeading))</h2>
            <p>\(catalogue(.personalFeedIntro)) <a href="\(Markup.escape(https))">\(Markup.escape(https))</a>
            (<a href="\(Markup.escape(webcal))">\(catalogue(.personalFeedOpen))</a>).</p>

            """
    }
}

extension Phrase {
    static let personalTitle = Phrase("personal.title")
    static let personalGreeting = Phrase("personal.greeting")
    static let personalDutiesHeading = Phrase("personal.duties_heading")
    static let personalDutiesNone = Phrase("personal.duties_none")
    static let personalColDeadline = Phrase("personal.col_deadline")
    static let personalColWhat = Phrase("personal.col_what")
    static let personalColMark = Phrase("personal.col_mark")
    static let personalInnkallingSent = Phrase("personal.innkalling_sent")
    static let personalInnkallingSentFor = Phrase("personal.innkalling_sent_for")
    static let personalInnkallingSentForUndated = Phrase("personal.innkalling_sent_for_undated")
    static let personalDeliveredDate = Phrase("personal.delivered_date")
    static let personalReferenceOptional = Phrase("personal.reference_optional")
    static let personalReferatDelivered = Phrase("personal.referat_delivered")
    static let personalDate = Phrase("personal.date")
    static let personalStarts = Phrase("personal.starts")
    static let personalRegister = Phrase("personal.register")
    static let personalSentHeading = Phrase("personal.sent_heading")
    static let personalColMeeting = Phrase("personal.col_meeting")
    static let personalColSent = Phrase("personal.col_sent")
    static let personalColUndo = Phrase("personal.col_undo")
    static let personalUndo = Phrase("personal.undo")
    static let personalUndoInnkalling = Phrase("personal.undo_innkalling")
    static let personalDeliveredHeading = Phrase("personal.delivered_heading")
    static let personalColDelivered = Phrase("personal.col_delivered")
    static let personalColReference = Phrase("personal.col_reference")
    static let personalUndoReferat = Phrase("personal.undo_referat")
    static let personalComingHeading = Phrase("personal.coming_heading")
    static let personalComingNone = Phrase("personal.coming_none")
    static let personalColDate = Phrase("personal.col_date")
    static let personalColTime = Phrase("personal.col_time")
    static let personalColPlace = Phrase("personal.col_place")
    static let personalColYou = Phrase("personal.col_you")
    static let personalColNotes = Phrase("personal.col_notes")
    static let personalYouLead = Phrase("personal.you_lead")
    static let personalYouTakePart = Phrase("personal.you_take_part")
    static let personalFeedHeading = Phrase("personal.feed_heading")
    static let personalFeedIntro = Phrase("personal.feed_intro")
    static let personalFeedOpen = Phrase("personal.feed_open")
}
