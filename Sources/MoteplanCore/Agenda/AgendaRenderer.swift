/// Writes an agenda draft as numbered items, in the plan's language, as text, Markdown or HTML.
struct AgendaRenderer {
    let draft: AgendaDraft
    let catalogue: Catalogue

    /// One agenda item: a heading and its lines.
    struct Item {
        var title: String
        var lines: [String]
    }

    var heading: String {
        catalogue(.agendaHeading, [
            "meeting": draft.meeting.title, "date": catalogue.withWeekday(draft.meeting.date),
            "start": draft.meeting.start.description, "end": draft.meeting.end.description,
        ])
    }

    var preamble: [String] {
        var lines = [catalogue(.agendaDraft, ["closes": catalogue.long(draft.closes)])]
        if let location = draft.meeting.location { lines.append(catalogue(.placeLine, ["place": location])) }
        if let leader = draft.meeting.leader { lines.append(catalogue(.leaderLine, ["leader": LeaderName.display(leader)])) }
        if draft.meeting.isCancelled { lines.insert(catalogue(.agendaCancelled), at: 0) }
        return lines
    }

    var items: [Item] {
        var items = draft.items.map { Item(title: $0, lines: []) }
        if !draft.senders.isEmpty {
            var lines = draft.received.map { referat, record in
                let ref = record.reference.map { " – ref. \($0)" } ?? ""
                return catalogue(.agendaReceived, [
                    "meeting": referat.meeting.title, "date": catalogue.long(referat.meeting.date),
                    "delivered": catalogue.long(record.delivered),
                ]) + ref
            }
            lines += draft.late.map { referat, record in
                let ref = record.reference.map { " – ref. \($0)" } ?? ""
                return "\(referat.meeting.title), \(catalogue.long(referat.meeting.date)): \(Self.lateNote(record.delivered, in: catalogue))\(ref)"
            }
            if lines.isEmpty { lines.append(catalogue(.agendaNoNewReferat)) }
            items.append(Item(title: catalogue(.agendaReferatFrom, ["senders": draft.senders.joined(separator: ", ")]), lines: lines))
        }
        if !draft.missing.isEmpty {
            items.append(Item(
                title: catalogue(.agendaMissingReferat),
                lines: draft.missing.map {
                    catalogue(.agendaMissingLine, [
                        "meeting": $0.meeting.title, "date": catalogue.long($0.meeting.date), "due": catalogue.long($0.due),
                    ])
                }))
        }
        for marker in draft.meeting.markers {
            let guests = marker.guests.map(\.name).joined(separator: ", ")
            items.append(Item(title: marker.text, lines: guests.isEmpty ? [] : [catalogue(.agendaInvited, ["guests": guests])]))
        }
        items.append(Item(title: catalogue(.agendaAnyOtherBusiness), lines: []))
        return items
    }

    func render(_ format: AgendaFormat) -> String {
        switch format {
        case .text:
            var text = heading + "\n" + String(repeating: "=", count: heading.count) + "\n\n"
            text += preamble.joined(separator: "\n") + "\n\n"
            for (number, item) in items.enumerated() {
                text += "\(number + 1). \(item.title)\n"
                for line in item.lines { text += "   - \(line)\n" }
            }
            return text
        case .markdown:
            var text = "# \(markdownEscape(heading))\n\n"
            text += preamble.map(markdownEscape).joined(separator: "  \n") + "\n\n"
            for (number, item) in items.enumerated() {
                text += "\(number + 1). \(markdownEscape(item.title))\n"
                for line in item.lines { text += "   - \(markdownEscape(line))\n" }
            }
            return text
        case .html:
            // The pages' shared head: on a phone, or a sakliste read at 200 %, a long word (such
            // as "samarbeidsgruppe" in the heading) is broken instead of widening the page.
            var text = PageHead.render(language: catalogue.code, title: heading) + "<body>\n"
            text += "<h1>\(html(heading))</h1>\n"
            text += preamble.map { "<p>\(html($0))</p>\n" }.joined()
            text += "<ol>\n"
            for item in items {
                text += "<li>\(html(item.title))"
                if !item.lines.isEmpty {
                    text += "<ul>" + item.lines.map { "<li>\(html($0))</li>" }.joined() + "</ul>"
                }
                text += "</li>\n"
            }
            text += "</ol>\n</body>\n</html>\n"
            return text
        }
    }

    /// "levert 3. oktober 2026, etter at saklisten ble lukket": a referat in, but too late for this sakliste.
    public static func lateNote(_ delivered: LocalDate, in catalogue: Catalogue) -> String {
        catalogue(.agendaLate, ["delivered": catalogue.long(delivered)])
    }

    func html(_ text: String) -> String { Markup.escape(text) }

    func markdownEscape(_ text: String) -> String {
        var result = ""
        for character in text {
            if "\\`*_[]<>#|".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }
}

extension Phrase {
    static let agendaHeading = Phrase("agenda.heading")
    static let agendaDraft = Phrase("agenda.draft")
    /// "Sted: {place}".
    public static let placeLine = Phrase("meeting.place_line")
    /// The leader line of an agenda or an event ("{leader}" in the catalogue's words).
    public static let leaderLine = Phrase("meeting.leader_line")
    static let agendaCancelled = Phrase("agenda.cancelled")
    static let agendaReceived = Phrase("agenda.received")
    static let agendaNoNewReferat = Phrase("agenda.no_new_referat")
    static let agendaReferatFrom = Phrase("agenda.referat_from")
    static let agendaMissingReferat = Phrase("agenda.missing_referat")
    static let agendaMissingLine = Phrase("agenda.missing_line")
    static let agendaInvited = Phrase("agenda.invited")
    static let agendaAnyOtherBusiness = Phrase("agenda.any_other_business")
    static let agendaLate = Phrase("agenda.late")
}
