import CLibical

/// One STANDARD or DAYLIGHT sub-component of a VTIMEZONE, as plain values.
struct ZoneObservance: Equatable {
    /// STANDARD or DAYLIGHT.
    enum Kind: Int, Comparable {
        case standard, daylight
        static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    var kind: Kind
    var name: String?
    /// UTC offset before the onset, in seconds.
    var offsetFrom: Int
    /// UTC offset from the onset on, in seconds.
    var offsetTo: Int
    /// First onset, as wall time in `offsetFrom`.
    var start: WallTime
    /// Further onsets (RDATE), as wall time in `offsetFrom`.
    var rdates: [WallTime] = []
    /// The RRULE without UNTIL and COUNT (those are kept apart), if any.
    var rule: String?
    /// The rule's UNTIL as UTC epoch seconds, if it had one.
    var ruleUntilUTC: Int?
    /// The rule's COUNT, if it had one.
    var ruleCount: Int?

    /// Whether two observances switch to the same offset and name the same way.
    func hasSameShape(as other: ZoneObservance) -> Bool {
        kind == other.kind && name == other.name && offsetFrom == other.offsetFrom && offsetTo == other.offsetTo
    }

    /// The UTC epoch seconds of an onset given as wall time in `offsetFrom`.
    func utc(_ onset: WallTime) -> Int { onset.epochSeconds - offsetFrom }

    /// All onsets before `limitUTC`, and whether the RRULE has instances at or after it.
    func onsets(before limitUTC: Int) -> (onsets: [WallTime], continues: Bool) {
        // DTSTART is always an onset (RFC 5545), even where libical's iterator skips it.
        var all = [start] + rdates
        var continues = false
        if let rule {
            let expanded = Self.expand(rule: rule, from: start) { onset, index in
                let utc = self.utc(onset)
                if let ruleUntilUTC, utc > ruleUntilUTC { return .stop }
                if let ruleCount, index >= ruleCount { return .stop }
                if utc >= limitUTC {
                    continues = true
                    return .stop
                }
                return .take
            }
            all += expanded
        }
        return (Set(all).sorted().filter { utc($0) < limitUTC }, continues)
    }

    enum Step { case take, stop }

    /// Instances of `rule` from `start` (libical's iterator), until `decide` says stop.
    static func expand(rule: String, from start: WallTime, decide: (WallTime, Int) -> Step) -> [WallTime] {
        let recurrence = icalrecurrencetype_from_string(rule)
        guard recurrence.freq != ICAL_NO_RECURRENCE, let iterator = icalrecur_iterator_new(recurrence, start.floating)
        else { return [] }
        defer { icalrecur_iterator_free(iterator) }
        var result: [WallTime] = []
        while result.count < 100_000 {
            let next = icalrecur_iterator_next(iterator)
            if icaltime_is_null_time(next) != 0 { break }
            let onset = WallTime(next)
            if decide(onset, result.count) == .stop { break }
            result.append(onset)
        }
        return result
    }
}

extension ZoneObservance {
    /// Reads the STANDARD/DAYLIGHT children of a VTIMEZONE (a private clone: iteration is not thread-safe).
    static func read(from vtimezone: OpaquePointer) -> [ZoneObservance] {
        var result: [ZoneObservance] = []
        var child = icalcomponent_get_first_component(vtimezone, ICAL_ANY_COMPONENT)
        while let component = child {
            child = icalcomponent_get_next_component(vtimezone, ICAL_ANY_COMPONENT)
            let kind: Kind
            switch icalcomponent_isa(component) {
            case ICAL_XSTANDARD_COMPONENT: kind = .standard
            case ICAL_XDAYLIGHT_COMPONENT: kind = .daylight
            default: continue
            }
            if let observance = read(component, kind: kind) { result.append(observance) }
        }
        return result
    }

    private static func read(_ component: OpaquePointer, kind: Kind) -> ZoneObservance? {
        guard let dtstart = icalcomponent_get_first_property(component, ICAL_DTSTART_PROPERTY),
            let from = icalcomponent_get_first_property(component, ICAL_TZOFFSETFROM_PROPERTY),
            let to = icalcomponent_get_first_property(component, ICAL_TZOFFSETTO_PROPERTY)
        else { return nil }
        let offsetFrom = Int(icalproperty_get_tzoffsetfrom(from))
        var observance = ZoneObservance(
            kind: kind,
            name: icalcomponent_get_first_property(component, ICAL_TZNAME_PROPERTY)
                .flatMap { icalproperty_get_tzname($0) }.map { String(cString: $0) },
            offsetFrom: offsetFrom,
            offsetTo: Int(icalproperty_get_tzoffsetto(to)),
            start: WallTime(icalproperty_get_dtstart(dtstart)))

        var rdate = icalcomponent_get_first_property(component, ICAL_RDATE_PROPERTY)
        while let property = rdate {
            rdate = icalcomponent_get_next_property(component, ICAL_RDATE_PROPERTY)
            let value = icalproperty_get_rdate(property)
            let time = icaltime_is_null_time(value.time) != 0 ? value.period.start : value.time
            let wall = WallTime(time)
            // An RDATE in UTC is moved to wall time in TZOFFSETFROM, like DTSTART.
            observance.rdates.append(
                icaltime_is_utc(time) != 0 ? WallTime(epochSeconds: wall.epochSeconds + offsetFrom) : wall)
        }

        if let rrule = icalcomponent_get_first_property(component, ICAL_RRULE_PROPERTY) {
            var recurrence = icalproperty_get_rrule(rrule)
            if icaltime_is_null_time(recurrence.until) == 0 {
                let until = WallTime(recurrence.until)
                // UNTIL is UTC in tzdata output; a floating UNTIL is wall time in TZOFFSETFROM.
                observance.ruleUntilUTC =
                    icaltime_is_utc(recurrence.until) != 0 ? until.epochSeconds : until.epochSeconds - offsetFrom
            }
            if recurrence.count > 0 { observance.ruleCount = Int(recurrence.count) }
            recurrence.until = icaltime_null_time()
            recurrence.count = 0
            observance.rule = takeLibicalString(icalrecurrencetype_as_string_r(&recurrence))
        }
        return observance
    }
}
