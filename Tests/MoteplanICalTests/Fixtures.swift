import MoteplanICal

/// Shared inputs for the MoteplanICal tests (no case content: invented meetings and people).
enum Fixtures {
    static let header = ICalFeedHeader(
        prodID: "-//Moteplan//moteplan 0.1//NB",
        calendarName: "Møteplan – Oppvekst",
        timeZoneID: "Europe/Oslo",
        refreshIntervalMinutes: 720)

    static func osloZone() throws -> ICalZone {
        try ICalZone(identifier: "Europe/Oslo", fromYear: 2026, toYear: 2027)
    }

    static func serializer() throws -> FeedSerializer {
        try FeedSerializer(header: header, zone: osloZone())
    }

    static let stamp = ICalUTCStamp(year: 2026, month: 8, day: 1, hour: 8, minute: 0, second: 0)

    /// A long Norwegian description that has to be folded several times.
    static let longDescription =
        "Agenda for ledermøtet i oppvekst: gjennomgang av årshjulet, økonomi og "
        + "tilsyn. Særlig viktig: søknadsfrister, høringssvar og øvrige saker fra "
        + "rådmannens ledergruppe.\nMøtet ledes av enhetsleder; referent går på omgang (æøå ÆØÅ)."

    /// A confirmed meeting with æøå, a long folded DESCRIPTION, LOCATION and CATEGORIES.
    static let confirmed = ICalEvent(
        uid: "ledermote-oppvekst-2026-09-08@moteplan.example",
        dtstamp: stamp,
        start: ICalDateTime(year: 2026, month: 9, day: 8, hour: 14, minute: 0),
        end: ICalDateTime(year: 2026, month: 9, day: 8, hour: 15, minute: 30),
        summary: "Ledermøte oppvekst",
        description: longDescription,
        location: "Rådhuset, møterom Ærfugl",
        categories: ["Ledermøte", "Oppvekst"])

    /// A cancelled meeting with SEQUENCE 2, an organizer whose name needs quoting and one attendee.
    static let cancelled = ICalEvent(
        uid: "nettverk-skole-2026-10-27@moteplan.example",
        dtstamp: ICalUTCStamp(year: 2026, month: 10, day: 20, hour: 9, minute: 15, second: 30),
        sequence: 2,
        start: ICalDateTime(year: 2026, month: 10, day: 27, hour: 9, minute: 0),
        end: ICalDateTime(year: 2026, month: 10, day: 27, hour: 11, minute: 0),
        summary: "Nettverksmøte skole",
        description: "Avlyst.",
        status: .cancelled,
        organizer: ICalPerson(name: "Nordmann, Kari", email: "kari.nordmann@kommune.example"),
        attendees: [ICalPerson(name: "Ola Ås", email: "ola.aas@kommune.example")])

    /// A 14:00–15:00 meeting on the given day of 2027.
    static func twoPM(month: Int, day: Int) -> ICalEvent {
        ICalEvent(
            uid: "dst-2027-\(month)-\(day)@moteplan.example",
            dtstamp: stamp,
            start: ICalDateTime(year: 2027, month: month, day: day, hour: 14, minute: 0),
            end: ICalDateTime(year: 2027, month: month, day: day, hour: 15, minute: 0),
            summary: "Møte \(day).\(month)")
    }

    /// The physical lines of feed text (split on CRLF, without the empty tail).
    static func lines(_ text: String) -> [Substring] {
        var lines = text.split(separator: "\r\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// RFC 5545 unfolding: drop every CRLF followed by one space or tab.
    static func unfold(_ text: String) -> String {
        var bytes: [UInt8] = []
        let input = Array(text.utf8)
        var index = 0
        while index < input.count {
            if input[index] == 0x0D, index + 2 < input.count, input[index + 1] == 0x0A,
                input[index + 2] == 0x20 || input[index + 2] == 0x09
            {
                index += 3
                continue
            }
            bytes.append(input[index])
            index += 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
