import CLibical

/// RFC 5545's "required, once" and "at most once" property rules, which libical 3 only checks for iTIP methods.
enum CardinalityRules {
    private struct Rule {
        let property: icalproperty_kind
        let name: String
        let required: Bool
    }

    private static let calendar: [Rule] = [
        Rule(property: ICAL_PRODID_PROPERTY, name: "PRODID", required: true),
        Rule(property: ICAL_VERSION_PROPERTY, name: "VERSION", required: true),
        Rule(property: ICAL_CALSCALE_PROPERTY, name: "CALSCALE", required: false),
        Rule(property: ICAL_METHOD_PROPERTY, name: "METHOD", required: false),
    ]

    private static let event: [Rule] = [
        Rule(property: ICAL_UID_PROPERTY, name: "UID", required: true),
        Rule(property: ICAL_DTSTAMP_PROPERTY, name: "DTSTAMP", required: true),
        Rule(property: ICAL_DTSTART_PROPERTY, name: "DTSTART", required: true),
        Rule(property: ICAL_DTEND_PROPERTY, name: "DTEND", required: false),
        Rule(property: ICAL_DURATION_PROPERTY, name: "DURATION", required: false),
        Rule(property: ICAL_SEQUENCE_PROPERTY, name: "SEQUENCE", required: false),
        Rule(property: ICAL_STATUS_PROPERTY, name: "STATUS", required: false),
        Rule(property: ICAL_SUMMARY_PROPERTY, name: "SUMMARY", required: false),
        Rule(property: ICAL_DESCRIPTION_PROPERTY, name: "DESCRIPTION", required: false),
        Rule(property: ICAL_LOCATION_PROPERTY, name: "LOCATION", required: false),
        Rule(property: ICAL_ORGANIZER_PROPERTY, name: "ORGANIZER", required: false),
        Rule(property: ICAL_TRANSP_PROPERTY, name: "TRANSP", required: false),
    ]

    private static let timezone: [Rule] = [
        Rule(property: ICAL_TZID_PROPERTY, name: "TZID", required: true)
    ]

    private static let observance: [Rule] = [
        Rule(property: ICAL_DTSTART_PROPERTY, name: "DTSTART", required: true),
        Rule(property: ICAL_TZOFFSETFROM_PROPERTY, name: "TZOFFSETFROM", required: true),
        Rule(property: ICAL_TZOFFSETTO_PROPERTY, name: "TZOFFSETTO", required: true),
    ]

    /// Violations in `component` and everything below it, labelled by component.
    static func problems(in component: OpaquePointer) -> [String] {
        let kind = icalcomponent_isa(component)
        let rules: [Rule] =
            switch kind {
            case ICAL_VCALENDAR_COMPONENT: calendar
            case ICAL_VEVENT_COMPONENT: event
            case ICAL_VTIMEZONE_COMPONENT: timezone
            case ICAL_XSTANDARD_COMPONENT, ICAL_XDAYLIGHT_COMPONENT: observance
            default: []
            }
        var problems: [String] = []
        var label: String { ParsedCalendar.label(component) }
        for rule in rules {
            let count = icalcomponent_count_properties(component, rule.property)
            if rule.required, count == 0 { problems.append("\(label): \(rule.name) is required but missing") }
            if count > 1 { problems.append("\(label): \(rule.name) appears \(count) times, at most once allowed") }
        }
        if kind == ICAL_VEVENT_COMPONENT, icalcomponent_count_properties(component, ICAL_DTEND_PROPERTY) > 0,
            icalcomponent_count_properties(component, ICAL_DURATION_PROPERTY) > 0
        {
            problems.append("\(label): has both DTEND and DURATION")
        }
        if kind == ICAL_VTIMEZONE_COMPONENT,
            icalcomponent_count_components(component, ICAL_XSTANDARD_COMPONENT)
                + icalcomponent_count_components(component, ICAL_XDAYLIGHT_COMPONENT) == 0
        {
            problems.append("\(label): has no STANDARD or DAYLIGHT observance")
        }
        for child in ParsedCalendar.children(of: component, ICAL_ANY_COMPONENT) {
            problems += Self.problems(in: child)
        }
        return problems
    }
}
