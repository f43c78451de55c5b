import CLibical

/// A libical component tree parsed from text, owned and freed by this object (single-threaded use).
final class ParsedCalendar {
    /// The top-level component (a VCALENDAR for a well-formed feed).
    let root: OpaquePointer

    /// Parses `text`; nil if libical finds no component at all.
    init?(_ text: String) {
        guard let root = icalparser_parse_string(text) else { return nil }
        self.root = root
    }

    deinit { icalcomponent_free(root) }

    /// Whether the root is a VCALENDAR.
    var isCalendar: Bool { icalcomponent_isa(root) == ICAL_VCALENDAR_COMPONENT }

    /// The direct children of `component` of `kind`.
    static func children(of component: OpaquePointer, _ kind: icalcomponent_kind) -> [OpaquePointer] {
        var result: [OpaquePointer] = []
        var child = icalcomponent_get_first_component(component, kind)
        while let current = child {
            result.append(current)
            child = icalcomponent_get_next_component(component, kind)
        }
        return result
    }

    /// The properties of `component` of `kind`.
    static func properties(of component: OpaquePointer, _ kind: icalproperty_kind) -> [OpaquePointer] {
        var result: [OpaquePointer] = []
        var property = icalcomponent_get_first_property(component, kind)
        while let current = property {
            result.append(current)
            property = icalcomponent_get_next_property(component, kind)
        }
        return result
    }

    /// The TZID parameter of a property, if any.
    static func tzid(of property: OpaquePointer) -> String? {
        guard let parameter = icalproperty_get_first_parameter(property, ICAL_TZID_PARAMETER),
            let tzid = icalparameter_get_tzid(parameter)
        else { return nil }
        return String(cString: tzid)
    }

    /// The VTIMEZONE of this calendar with `tzid`, never a built-in zone.
    func zone(_ tzid: String) -> OpaquePointer? {
        icalcomponent_get_timezone(root, tzid)
    }

    /// A short label for messages, e.g. `VEVENT 'uid-1'` or `VTIMEZONE 'Europe/Oslo'`.
    static func label(_ component: OpaquePointer) -> String {
        let kind = icalcomponent_isa(component)
        let name = icalcomponent_kind_to_string(kind).map { String(cString: $0) } ?? "component"
        let id: OpaquePointer? =
            kind == ICAL_VTIMEZONE_COMPONENT
            ? icalcomponent_get_first_property(component, ICAL_TZID_PROPERTY)
            : icalcomponent_get_first_property(component, ICAL_UID_PROPERTY)
        guard let id, let value = takeLibicalString(icalproperty_get_value_as_string_r(id)) else { return name }
        return "\(name) '\(value)'"
    }
}
