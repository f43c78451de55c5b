/// Writes an agenda draft as numbered items, in Norwegian, as text, Markdown or HTML.
struct AgendaRenderer {
    let draft: AgendaDraft

    /// One agenda item: a heading and its lines.
    struct Item {
        var title: String
        var lines: [String]
    }

    var heading: String {
        "Sakliste – \(draft.meeting.title), \(NorwegianDate.withWeekday(draft.meeting.date)) kl. \(draft.meeting.start)–\(draft.meeting.end)"
    }

    var preamble: [String] {
        var lines = ["Utkast. Saklisten lukkes \(NorwegianDate.long(draft.closes))."]
        if let location = draft.meeting.location { lines.append("Sted: \(location)") }
        if let leader = draft.meeting.leader { lines.append("Leder: \(LeaderName.display(leader))") }
        if draft.meeting.isCancelled { lines.insert("MØTET ER AVLYST.", at: 0) }
        return lines
    }

    var items: [Item] {
        var items = draft.items.map { Item(title: $0, lines: []) }
        if !draft.senders.isEmpty {
            var lines = draft.received.map { referat, record in
                let ref = record.reference.map { " – ref. \($0)" } ?? ""
                return "\(referat.meeting.title), \(NorwegianDate.long(referat.meeting.date)): mottatt \(NorwegianDate.long(record.delivered))\(ref)"
            }
            lines += draft.late.map { referat, record in
                let ref = record.reference.map { " – ref. \($0)" } ?? ""
                return "\(referat.meeting.title), \(NorwegianDate.long(referat.meeting.date)): \(Self.lateNote(record.delivered))\(ref)"
            }
            if lines.isEmpty { lines.append("Ingen nye referat mottatt.") }
            items.append(Item(title: "Referat fra \(draft.senders.joined(separator: ", "))", lines: lines))
        }
        if !draft.missing.isEmpty {
            items.append(Item(
                title: "Referat som mangler",
                lines: draft.missing.map { "\($0.meeting.title), \(NorwegianDate.long($0.meeting.date)) (frist \(NorwegianDate.long($0.due)))" }))
        }
        for marker in draft.meeting.markers {
            let guests = marker.guests.map(\.name).joined(separator: ", ")
            items.append(Item(title: marker.text, lines: guests.isEmpty ? [] : ["Inviteres: \(guests)"]))
        }
        items.append(Item(title: "Eventuelt", lines: []))
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
            var text = "<!DOCTYPE html>\n<html lang=\"nb\">\n<head><meta charset=\"utf-8\"><title>\(html(heading))</title></head>\n<body>\n"
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
    static func lateNote(_ delivered: LocalDate) -> String {
        "levert \(NorwegianDate.long(delivered)), etter at saklisten ble lukket"
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
