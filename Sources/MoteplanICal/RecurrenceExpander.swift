import CLibical

/// Expands an RRULE with libical's `icalrecur_iterator`: an independent second implementation for tests.
///
/// Slow (≈1 ms per 10-year monthly series with Debian's ICU build): use it to check the scheduler's own
/// cadence expansion, not as the scheduler.
public enum RecurrenceExpander {
    /// The most instances one call returns before it throws.
    public static let instanceLimit = 100_000

    /// Local start times of `rrule` from `start` through `until` (inclusive), in `zoneID`'s wall time.
    ///
    /// `rrule` is the value after `RRULE:` (the prefix is accepted too), e.g. `FREQ=MONTHLY;BYDAY=2WE`.
    /// Like libical 3, `start` is returned only if it matches the rule (RFC 5545 would count it as the
    /// first instance anyway). An UNTIL in UTC is converted to local time in `zoneID`.
    public static func expand(rrule: String, start: ICalDateTime, zoneID: String, until: ICalDateTime) throws
        -> [ICalDateTime]
    {
        let zone = try BuiltinZones.zone(zoneID)
        guard start.isValid else { throw ICalError.invalidRule(rrule, "start \(start) is not a real time") }
        guard until.isValid else { throw ICalError.invalidRule(rrule, "until \(until) is not a real time") }
        var body = rrule.trimmingPrefix("RRULE:")
        body = Substring(body.filter { !$0.isNewline })
        var recurrence = icalrecurrencetype_from_string(String(body))
        guard recurrence.freq != ICAL_NO_RECURRENCE else {
            throw ICalError.invalidRule(rrule, "libical cannot parse it; expected e.g. 'FREQ=MONTHLY;BYDAY=2WE'")
        }
        var last = until
        if icaltime_is_null_time(recurrence.until) == 0 {
            last = min(last, localUntil(recurrence.until, zone: zone))
            recurrence.until = icaltime_null_time()
        }
        guard let iterator = icalrecur_iterator_new(recurrence, WallTime(start).floating) else {
            throw ICalError.invalidRule(rrule, "libical cannot expand it from \(start)")
        }
        defer { icalrecur_iterator_free(iterator) }
        var result: [ICalDateTime] = []
        while true {
            let next = icalrecur_iterator_next(iterator)
            if icaltime_is_null_time(next) != 0 { break }
            let local = WallTime(next).local
            if local > last { break }
            if local >= start { result.append(local) }
            if result.count > instanceLimit {
                throw ICalError.invalidRule(rrule, "more than \(instanceLimit) instances up to \(until)")
            }
        }
        return result
    }

    /// UNTIL as a local time: a UTC value converted to the zone, a DATE taken as the end of that day.
    private static func localUntil(_ until: icaltimetype, zone: OpaquePointer) -> ICalDateTime {
        if icaltime_is_date(until) != 0 {
            return ICalDateTime(year: Int(until.year), month: Int(until.month), day: Int(until.day), hour: 23, minute: 59)
        }
        var time = until
        if icaltime_is_utc(until) != 0 {
            time.zone = nil
            BuiltinZones.withLock { icaltimezone_convert_time(&time, icaltimezone_get_utc_timezone(), zone) }
        }
        return WallTime(time).local
    }
}
