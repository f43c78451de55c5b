import MoteplanCore

extension OverviewPage {
    /// The form for POST /referat with the held meetings still owing one.
    func referatForm() -> String {
        let domain = configuration.municipality.uidDomain
        let ledger = snapshot.plan.ledger
        let open = ledger.expected
            .filter { $0.meeting.startDateTime <= now && ledger.records[$0.uid] == nil }
            .suffix(60)
        var html = """
            <h2 id="registrer-referat">\(catalogue(.referatFormHeading))</h2>
            <p>\(catalogue(.referatFormIntro))</p>
            <form method="post" action="/referat">
            <label>\(catalogue(.referatFormMeeting)) <select name="uid" required>

            """
        if open.isEmpty { html += "<option value=\"\">\(catalogue(.referatFormNoneOpen))</option>\n" }
        for item in open.reversed() {
            let meeting = item.meeting
            let text = "\(catalogue.long(meeting.date)) – \(meeting.title)" + (meeting.instance.isSingle ? "" : " – \(meeting.instance.name)")
            html += "<option value=\"\(Markup.escape(meeting.uid(domain: domain)))\">\(Markup.escape(text))</option>\n"
        }
        html += """
            </select></label>
            <label>\(catalogue(.referatFormDelivered)) <input type="date" name="delivered" value="\(now.date)"></label>
            <label>\(catalogue(.referatFormBy)) <input type="text" name="by" maxlength="100"></label>
            <label>\(catalogue(.referatFormReference)) <input type="text" name="ref" maxlength="200"></label>
            <label>\(catalogue(.referatFormToken)) <input type="password" name="token" required autocomplete="off" aria-describedby="nokkel-hjelp"></label>
            <p id="nokkel-hjelp">\(catalogue(.referatFormTokenHelp))</p>
            <label><input type="checkbox" name="force" value="true"> \(catalogue(.referatFormForce))</label>
            <button type="submit">\(catalogue(.referatFormSubmit))</button>
            </form>

            """
        return html
    }
}

extension Phrase {
    static let referatFormHeading = Phrase("referat_form.heading")
    static let referatFormIntro = Phrase("referat_form.intro")
    static let referatFormMeeting = Phrase("referat_form.meeting")
    static let referatFormNoneOpen = Phrase("referat_form.none_open")
    static let referatFormDelivered = Phrase("referat_form.delivered")
    static let referatFormBy = Phrase("referat_form.by")
    static let referatFormReference = Phrase("referat_form.reference")
    static let referatFormToken = Phrase("referat_form.token")
    static let referatFormTokenHelp = Phrase("referat_form.token_help")
    static let referatFormForce = Phrase("referat_form.force")
    static let referatFormSubmit = Phrase("referat_form.submit")
}
