import CLibical

/// One VEVENT read back from feed text, with its times as libical resolves them.
public struct ICalParsedEvent: Hashable, Sendable {
    /// UID.
    public var uid: String
    /// SUMMARY, unescaped ("" if missing).
    public var summary: String
    /// DESCRIPTION, unescaped ("" if missing).
    public var description: String
    /// STATUS, if it is CONFIRMED or CANCELLED.
    public var status: ICalStatus?
    /// SEQUENCE (0 if missing).
    public var sequence: Int
    /// DTSTART as written (local wall time when it has a TZID).
    public var start: ICalDateTime
    /// DTEND as written, if present.
    public var end: ICalDateTime?
    /// The TZID parameter of DTSTART, if any.
    public var timeZoneID: String?
    /// DTSTART in UTC, converted with the feed's own VTIMEZONE; nil for a floating time.
    public var startUTC: ICalUTCStamp?
    /// DTEND in UTC, converted with the feed's own VTIMEZONE; nil if absent or floating.
    public var endUTC: ICalUTCStamp?
}

/// Reads feed text back with libical (for tests and self-checks), resolving TZIDs only against the feed.
public enum FeedReader {
    /// The VEVENTs of `text` in order; throws if it does not parse or a TZID has no VTIMEZONE in it.
    public static func events(in text: String) throws -> [ICalParsedEvent] {
        guard let calendar = ParsedCalendar(text), calendar.isCalendar else {
            throw ICalError.invalidFeed("the text is not a VCALENDAR libical can parse; see FeedValidator.problems(in:)")
        }
        return try ParsedCalendar.children(of: calendar.root, ICAL_VEVENT_COMPONENT).map { event in
            try read(event, calendar: calendar)
        }
    }

    private static func read(_ event: OpaquePointer, calendar: ParsedCalendar) throws -> ICalParsedEvent {
        let uid = text(of: ICAL_UID_PROPERTY, in: event) ?? ""
        guard let dtstart = icalcomponent_get_first_property(event, ICAL_DTSTART_PROPERTY) else {
            throw ICalError.invalidEvent(uid: uid, "no DTSTART")
        }
        let tzid = ParsedCalendar.tzid(of: dtstart)
        if let tzid, calendar.zone(tzid) == nil {
            throw ICalError.invalidEvent(uid: uid, "TZID '\(tzid)' has no VTIMEZONE in the feed")
        }
        let dtend = icalcomponent_get_first_property(event, ICAL_DTEND_PROPERTY)
        let startTime = time(of: ICAL_DTSTART_PROPERTY, in: event, calendar: calendar)
        let endTime = time(of: ICAL_DTEND_PROPERTY, in: event, calendar: calendar)
        let status: ICalStatus? =
            switch icalcomponent_get_first_property(event, ICAL_STATUS_PROPERTY).map(icalproperty_get_status) {
            case ICAL_STATUS_CONFIRMED: .confirmed
            case ICAL_STATUS_CANCELLED: .cancelled
            default: nil
            }
        return ICalParsedEvent(
            uid: uid,
            summary: text(of: ICAL_SUMMARY_PROPERTY, in: event) ?? "",
            description: text(of: ICAL_DESCRIPTION_PROPERTY, in: event) ?? "",
            status: status,
            sequence: icalcomponent_get_first_property(event, ICAL_SEQUENCE_PROPERTY)
                .map { Int(icalproperty_get_sequence($0)) } ?? 0,
            start: WallTime(icalproperty_get_dtstart(dtstart)).local,
            end: dtend.map { WallTime(icalproperty_get_dtend($0)).local },
            timeZoneID: tzid,
            startUTC: startTime.flatMap(utcStamp),
            endUTC: endTime.flatMap(utcStamp))
    }

    /// A DTSTART/DTEND value with its zone set from the feed's VTIMEZONE (or UTC); nil if absent.
    static func time(of kind: icalproperty_kind, in event: OpaquePointer, calendar: ParsedCalendar) -> icaltimetype? {
        guard let property = icalcomponent_get_first_property(event, kind) else { return nil }
        let value = kind == ICAL_DTEND_PROPERTY ? icalproperty_get_dtend(property) : icalproperty_get_dtstart(property)
        guard icaltime_is_utc(value) == 0 else { return value }
        var time = value
        time.zone = nil
        if let tzid = ParsedCalendar.tzid(of: property), let zone = calendar.zone(tzid) {
            time.zone = zone
        }
        return time
    }

    /// The instant in UTC, or nil for a floating time.
    private static func utcStamp(_ time: icaltimetype) -> ICalUTCStamp? {
        if icaltime_is_utc(time) != 0 { return WallTime(time).stamp }
        guard let zone = time.zone else { return nil }
        var converted = time
        converted.zone = nil
        icaltimezone_convert_time(&converted, zone, icaltimezone_get_utc_timezone())
        return WallTime(converted).stamp
    }

    private static func text(of kind: icalproperty_kind, in event: OpaquePointer) -> String? {
        guard let property = icalcomponent_get_first_property(event, kind),
            let value = icalproperty_get_value(property),
            let text = icalvalue_get_text(value)
        else { return nil }
        return String(cString: text)
    }
}
