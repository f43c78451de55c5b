import CLibical

/// Builds a VTIMEZONE for one IANA zone that is exact within a horizon of years and has no UNTIL.
///
/// libical's built-in VTIMEZONE (generated from tzdata) lists every observance since the 1800s and
/// ends most rules with `UNTIL`, splitting the current rule at 2037/2038. Clients such as khal 0.10
/// (python-icalendar 4.0.3) reject rules with `UNTIL`. So this keeps only the transitions from the
/// one in force at the horizon's start through the horizon's end, writes a rule that is still in
/// force at the horizon's end as an open-ended RRULE (no UNTIL, no COUNT) starting at its first
/// onset in range, and writes any other onsets in range as DTSTART + RDATE.
enum VTimezoneBuilder {
    /// The VTIMEZONE text (CRLF, folded) for `id`, valid for local times in `fromYear...toYear`.
    static func text(id: String, zone: OpaquePointer, fromYear: Int, toYear: Int) throws(ICalError) -> String {
        let observances = try sourceObservances(id: id, zone: zone)
        let chosen = select(observances, fromYear: fromYear, toYear: toYear)
        guard !chosen.isEmpty else { throw .libical("no observances for time zone '\(id)'") }
        guard let component = makeComponent(id: id, observances: chosen) else {
            throw .libical("could not create a VTIMEZONE for '\(id)'")
        }
        defer { icalcomponent_free(component) }
        guard let text = takeLibicalString(icalcomponent_as_ical_string_r(component)) else {
            throw .libical("could not serialize the VTIMEZONE for '\(id)'")
        }
        return text
    }

    /// The observances of libical's built-in component (or a fixed +00:00 one for libical's UTC).
    static func sourceObservances(id: String, zone: OpaquePointer) throws(ICalError) -> [ZoneObservance] {
        // Work on a private copy: libical's child iterators live in the component and are not thread-safe.
        let copy = BuiltinZones.withLock { icaltimezone_get_component(zone).flatMap { icalcomponent_new_clone($0) } }
        guard let copy else {
            if zone == icaltimezone_get_utc_timezone() {
                return [
                    ZoneObservance(
                        kind: .standard, name: "UTC", offsetFrom: 0, offsetTo: 0,
                        start: WallTime(year: 1970, month: 1, day: 1))
                ]
            }
            throw .libical("time zone '\(id)' has no VTIMEZONE data")
        }
        defer { icalcomponent_free(copy) }
        return ZoneObservance.read(from: copy)
    }

    /// The observances needed for local times in `fromYear...toYear`, sorted by first onset.
    static func select(_ observances: [ZoneObservance], fromYear: Int, toYear: Int) -> [ZoneObservance] {
        // A day of slack on each side covers any UTC offset.
        let startUTC = WallTime(year: fromYear, month: 1, day: 1).epochSeconds - 86_400
        let endUTC = WallTime(year: toYear + 1, month: 1, day: 1).epochSeconds + 86_400
        let expanded = observances.map { $0.onsets(before: endUTC) }
        let allUTC = zip(observances, expanded).flatMap { observance, found in found.onsets.map(observance.utc) }
        // The last transition at or before the start defines the offset in force when the horizon begins.
        let anchorUTC = allUTC.filter { $0 <= startUTC }.max() ?? allUTC.min() ?? startUTC

        var rules: [ZoneObservance] = []
        var fixed: [ZoneObservance] = []
        for (observance, found) in zip(observances, expanded) {
            let inRange = found.onsets.filter { observance.utc($0) >= anchorUTC }
            guard let first = inRange.first else { continue }
            var openEnded = observance
            openEnded.ruleUntilUTC = nil
            openEnded.ruleCount = nil
            if observance.rule != nil, found.continues {
                var moved = openEnded
                moved.start = first
                moved.rdates = []
                // Start the rule at its first onset in range when that gives exactly the same onsets.
                rules.append(moved.onsets(before: endUTC).onsets == inRange ? moved : openEnded)
            } else {
                fixed.append(fixedObservance(like: observance, onsets: inRange))
            }
        }
        let merged = absorb(fixed: fixed, into: rules, endUTC: endUTC)
        return merged.sorted { ($0.utc($0.start), $0.kind) < ($1.utc($1.start), $1.kind) }
    }

    /// Moves fixed onsets that an open-ended rule would produce anyway (when started earlier) into that rule.
    ///
    /// This joins tzdata's split of one rule at 2037/2038 when the horizon reaches past the split.
    static func absorb(fixed: [ZoneObservance], into rules: [ZoneObservance], endUTC: Int) -> [ZoneObservance] {
        var fixed = fixed
        var rules = rules
        for index in rules.indices {
            let rule = rules[index]
            let ruleStartUTC = rule.utc(rule.start)
            let candidates = fixed.filter { $0.hasSameShape(as: rule) }
                .flatMap { [$0.start] + $0.rdates }
                .filter { rule.utc($0) < ruleStartUTC }
                .sorted()
            let ownOnsets = rule.onsets(before: endUTC).onsets
            for position in candidates.indices {
                var trial = rule
                trial.start = candidates[position]
                if trial.onsets(before: endUTC).onsets == Array(candidates[position...]) + ownOnsets {
                    rules[index] = trial
                    let absorbed = Set(candidates[position...])
                    fixed = fixed.compactMap { observance in
                        guard observance.hasSameShape(as: rule) else { return observance }
                        let rest = ([observance.start] + observance.rdates).filter { !absorbed.contains($0) }
                        return rest.isEmpty ? nil : fixedObservance(like: observance, onsets: rest)
                    }
                    break
                }
            }
        }
        return rules + fixed
    }

    private static func fixedObservance(like observance: ZoneObservance, onsets: [WallTime]) -> ZoneObservance {
        let sorted = onsets.sorted()
        return ZoneObservance(
            kind: observance.kind, name: observance.name,
            offsetFrom: observance.offsetFrom, offsetTo: observance.offsetTo,
            start: sorted.first ?? observance.start, rdates: Array(sorted.dropFirst()))
    }

    /// A new VTIMEZONE component (caller frees) with `TZID:id` and the given observances.
    static func makeComponent(id: String, observances: [ZoneObservance]) -> OpaquePointer? {
        guard let vtimezone = icalcomponent_new_vtimezone() else { return nil }
        icalcomponent_add_property(vtimezone, icalproperty_new_tzid(id))
        for observance in observances {
            let child = observance.kind == .standard ? icalcomponent_new_xstandard() : icalcomponent_new_xdaylight()
            guard let child else {
                icalcomponent_free(vtimezone)
                return nil
            }
            if let name = observance.name { icalcomponent_add_property(child, icalproperty_new_tzname(name)) }
            icalcomponent_add_property(child, icalproperty_new_tzoffsetfrom(Int32(observance.offsetFrom)))
            icalcomponent_add_property(child, icalproperty_new_tzoffsetto(Int32(observance.offsetTo)))
            icalcomponent_add_property(child, icalproperty_new_dtstart(observance.start.floating))
            if let rule = observance.rule {
                icalcomponent_add_property(child, icalproperty_new_rrule(icalrecurrencetype_from_string(rule)))
            }
            for rdate in observance.rdates {
                var value = icaldatetimeperiodtype()
                value.time = rdate.floating
                value.period = icalperiodtype_null_period()
                icalcomponent_add_property(child, icalproperty_new_rdate(value))
            }
            icalcomponent_add_component(vtimezone, child)
        }
        return vtimezone
    }
}
