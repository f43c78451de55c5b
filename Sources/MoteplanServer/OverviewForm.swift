import MoteplanCore

extension OverviewPage {
    /// "Registrer levert referat": a form for POST /referat with the held meetings still owing one.
    func referatForm() -> String {
        let domain = configuration.municipality.uidDomain
        let ledger = snapshot.plan.ledger
        let open = ledger.expected
            .filter { $0.meeting.startDateTime <= now && ledger.records[$0.uid] == nil }
            .suffix(60)
        var html = """
            <h2 id="registrer-referat">Registrer levert referat</h2>
            <p>Bare at referatet er levert, når og av hvem, og eventuelt en referanse (arkiv-id eller lenke) – aldri innholdet.
            Nøkkelen får du av rådgiveren; den gjelder møtene du leder.</p>
            <form method="post" action="/referat">
            <label>Møte <select name="uid" required>

            """
        if open.isEmpty { html += "<option value=\"\">(ingen møter mangler referat)</option>\n" }
        for item in open.reversed() {
            let meeting = item.meeting
            let text = "\(NorwegianDate.long(meeting.date)) – \(meeting.title)" + (meeting.instance.isSingle ? "" : " – \(meeting.instance.name)")
            html += "<option value=\"\(Markup.escape(meeting.uid(domain: domain)))\">\(Markup.escape(text))</option>\n"
        }
        html += """
            </select></label>
            <label>Levert dato <input type="date" name="delivered" value="\(now.date)"></label>
            <label>Levert av <input type="text" name="by" maxlength="100"></label>
            <label>Referanse (arkiv-id eller lenke) <input type="text" name="ref" maxlength="200"></label>
            <label>Nøkkel <input type="password" name="token" required autocomplete="off" aria-describedby="nokkel-hjelp"></label>
            <p id="nokkel-hjelp">Nøkkelen får du av rådgiveren. Er den feil, får du beskjed om det på neste side.</p>
            <label><input type="checkbox" name="force" value="true"> Erstatt en tidligere registrering</label>
            <button type="submit">Registrer</button>
            </form>

            """
        return html
    }
}
