import CLibical
import Glibc

/// Checks one serialized VEVENT the way `FeedValidator` checks it inside a feed, so a feed can be
/// assembled from checked pieces: a checked frame (header and VTIMEZONE) and checked events.
///
/// Every rule `FeedValidator` applies is local to a line or to one component, or ties an event to
/// the frame only through its TZID: line format (per line), libical's parser (it builds each
/// child of VCALENDAR on its own and attaches X-LIC-ERROR to the component at fault), the
/// cardinality rules (per component), DTEND not before DTSTART (per event), every TZID naming the
/// frame's VTIMEZONE. So a frame without problems plus events without problems here, all with the
/// frame's TZID, concatenate to a feed without problems; a test holds the two checks side by side.
/// Each event is parsed once however many feeds carry it.
public enum EventValidator {
    /// Everything wrong with `text` as one VEVENT of a feed whose VTIMEZONE has `tzid`; empty means valid.
    public static func problems(in text: String, tzid: String) -> [String] {
        if text.isEmpty { return ["the event text is empty"] }
        var problems = LineFormat.problems(in: text)
        guard let parsed = ParsedCalendar(text) else {
            return problems + ["libical could not parse the event text"]
        }
        let root = parsed.root
        guard icalcomponent_isa(root) == ICAL_VEVENT_COMPONENT else {
            return problems + ["the event text is not a single VEVENT (BEGIN:VEVENT … END:VEVENT)"]
        }
        problems += FeedValidator.libicalErrors(in: root)
        problems += CardinalityRules.problems(in: root)
        var label: String { ParsedCalendar.label(root) }
        for other in otherZones(in: root, than: tzid) {
            problems.append("\(label): TZID '\(other)' has no VTIMEZONE in the feed")
        }
        if let start = wallTime(ICAL_DTSTART_PROPERTY, in: root), let end = wallTime(ICAL_DTEND_PROPERTY, in: root),
            icaltime_compare(end, start) < 0
        {
            problems.append("\(label): DTEND is before DTSTART")
        }
        return problems
    }

    /// The TZIDs on the event's properties that are not `tzid` (compared as C strings: this runs
    /// for every event, and almost always finds nothing).
    private static func otherZones(in event: OpaquePointer, than tzid: String) -> [String] {
        tzid.withCString { expected in
            var others: [String] = []
            var property = icalcomponent_get_first_property(event, ICAL_ANY_PROPERTY)
            while let current = property {
                if let parameter = icalproperty_get_first_parameter(current, ICAL_TZID_PARAMETER),
                    let value = icalparameter_get_tzid(parameter), strcmp(value, expected) != 0
                {
                    others.append(String(cString: value))
                }
                property = icalcomponent_get_next_property(event, ICAL_ANY_PROPERTY)
            }
            return others
        }
    }

    /// DTSTART or DTEND without its zone: every local time of the event is in the one zone (checked
    /// above), so wall-clock times compare as the instants do; UTC times keep their zone.
    private static func wallTime(_ kind: icalproperty_kind, in event: OpaquePointer) -> icaltimetype? {
        guard let property = icalcomponent_get_first_property(event, kind) else { return nil }
        var time = kind == ICAL_DTEND_PROPERTY ? icalproperty_get_dtend(property) : icalproperty_get_dtstart(property)
        if icaltime_is_utc(time) == 0 { time.zone = nil }
        return time
    }
}
