import CLibical

/// Checks feed text the way a strict client would: line format, libical's parser and RFC 5545 rules.
///
/// Checks, in order: CRLF line endings and folds (≤ 75 octets, no U+FFFD left by a split character);
/// `icalparser_parse_string`; `icalrestriction_check`, run as for a calendar without METHOD, plus
/// RFC 5545's required/at-most-once property rules (libical 3 checks those only for iTIP methods);
/// every X-LIC-ERROR libical attached; every TZID resolving to a VTIMEZONE in the feed; DTEND not
/// before DTSTART; and no UNTIL in a VTIMEZONE's RRULE (khal 0.10 rejects those).
///
/// With `METHOD:PUBLISH` libical would also apply the iTIP (RFC 5546) rules for a PUBLISH message
/// (ORGANIZER required, ATTENDEE forbidden). Subscribed feeds are snapshots, not scheduling
/// messages, so those two rules are deliberately not applied.
public enum FeedValidator {
    /// Everything wrong with `text`, one readable line each; empty means valid.
    ///
    /// `restrictionCheck: false` skips `icalrestriction_check`, which costs ≈ 60 µs per component
    /// (a linear scan of libical's restriction table for every property kind) and, for a calendar
    /// without METHOD, adds nothing the other checks miss; libical also stops checking at the first
    /// component that fails. Parsing and the other checks cost ≈ 10 µs per event.
    ///
    /// `requiredZone`: the text must hold a VTIMEZONE with this TZID (a feed's frame, checked
    /// before events with that TZID are put in it).
    public static func problems(in text: String, restrictionCheck: Bool = true, requiredZone: String? = nil) -> [String] {
        if text.isEmpty { return ["the text is empty"] }
        var problems = LineFormat.problems(in: text)
        guard let calendar = ParsedCalendar(text) else {
            return problems + ["libical could not parse the text as iCalendar"]
        }
        guard calendar.isCalendar else {
            return problems + ["the text is not a single VCALENDAR (BEGIN:VCALENDAR … END:VCALENDAR)"]
        }
        for method in ParsedCalendar.properties(of: calendar.root, ICAL_METHOD_PROPERTY) {
            icalcomponent_remove_property(calendar.root, method)
            icalproperty_free(method)
        }
        if restrictionCheck { _ = icalrestriction_check(calendar.root) }
        problems += libicalErrors(in: calendar.root)
        problems += CardinalityRules.problems(in: calendar.root)
        problems += eventProblems(in: calendar)
        problems += timezoneProblems(in: calendar.root)
        if let requiredZone, calendar.zone(requiredZone) == nil {
            problems.append("no VTIMEZONE with TZID '\(requiredZone)', which the events use")
        }
        return unique(problems)
    }

    /// Drops repeated messages (libical 3 repeats some restriction errors many times), keeping order.
    private static func unique(_ problems: [String]) -> [String] {
        var seen = Set<String>()
        return problems.filter { seen.insert($0).inserted }
    }

    /// The X-LIC-ERROR texts libical attached anywhere in the tree, labelled by component.
    static func libicalErrors(in component: OpaquePointer) -> [String] {
        var problems = ParsedCalendar.properties(of: component, ICAL_XLICERROR_PROPERTY).map { property in
            let text = icalproperty_get_xlicerror(property).map { String(cString: $0) } ?? "unknown error"
            return "\(ParsedCalendar.label(component)): \(text)"
        }
        for child in ParsedCalendar.children(of: component, ICAL_ANY_COMPONENT) {
            problems += libicalErrors(in: child)
        }
        return problems
    }

    /// Every TZID resolves to a VTIMEZONE in the feed, and DTEND is not before DTSTART.
    static func eventProblems(in calendar: ParsedCalendar) -> [String] {
        var problems: [String] = []
        for event in ParsedCalendar.children(of: calendar.root, ICAL_VEVENT_COMPONENT) {
            var label: String { ParsedCalendar.label(event) }
            for property in ParsedCalendar.properties(of: event, ICAL_ANY_PROPERTY) {
                if let tzid = ParsedCalendar.tzid(of: property), calendar.zone(tzid) == nil {
                    problems.append("\(label): TZID '\(tzid)' has no VTIMEZONE in the feed")
                }
            }
            guard let start = FeedReader.time(of: ICAL_DTSTART_PROPERTY, in: event, calendar: calendar),
                let end = FeedReader.time(of: ICAL_DTEND_PROPERTY, in: event, calendar: calendar)
            else { continue }
            if icaltime_compare(end, start) < 0 { problems.append("\(label): DTEND is before DTSTART") }
        }
        return problems
    }

    /// No RRULE in a VTIMEZONE has UNTIL (khal 0.10 with python-icalendar 4 rejects those).
    static func timezoneProblems(in root: OpaquePointer) -> [String] {
        var problems: [String] = []
        for vtimezone in ParsedCalendar.children(of: root, ICAL_VTIMEZONE_COMPONENT) {
            for observance in ParsedCalendar.children(of: vtimezone, ICAL_ANY_COMPONENT) {
                for rrule in ParsedCalendar.properties(of: observance, ICAL_RRULE_PROPERTY)
                where icaltime_is_null_time(icalproperty_get_rrule(rrule).until) == 0 {
                    problems.append(
                        "\(ParsedCalendar.label(vtimezone)): an RRULE has UNTIL, which khal 0.10 rejects")
                }
            }
        }
        return problems
    }
}
