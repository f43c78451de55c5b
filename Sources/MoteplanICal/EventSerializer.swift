import CLibical

/// Writes one ICalEvent as a VEVENT (CRLF, folded) with libical, times in one TZID.
struct EventSerializer: Sendable {
    /// The TZID parameter on DTSTART and DTEND.
    let tzid: String

    /// The VEVENT text, or an error naming the event and the bad value.
    func text(for event: ICalEvent) throws(ICalError) -> String {
        try Self.check(event)
        guard let vevent = icalcomponent_new_vevent() else { throw .libical("icalcomponent_new_vevent returned NULL") }
        defer { icalcomponent_free(vevent) }
        fill(vevent, with: event)
        guard let text = takeLibicalString(icalcomponent_as_ical_string_r(vevent)) else {
            throw .libical("could not serialize event '\(event.uid)'")
        }
        return text
    }

    private func fill(_ vevent: OpaquePointer, with event: ICalEvent) {
        icalcomponent_add_property(vevent, icalproperty_new_uid(TextCleaning.text(event.uid)))
        icalcomponent_add_property(vevent, icalproperty_new_dtstamp(WallTime(event.dtstamp).utc))
        if event.sequence > 0 { icalcomponent_add_property(vevent, icalproperty_new_sequence(Int32(event.sequence))) }
        icalcomponent_add_property(vevent, local(icalproperty_new_dtstart(WallTime(event.start).floating)))
        icalcomponent_add_property(vevent, local(icalproperty_new_dtend(WallTime(event.end).floating)))
        icalcomponent_add_property(vevent, icalproperty_new_summary(TextCleaning.text(event.summary)))
        if !event.description.isEmpty {
            icalcomponent_add_property(vevent, icalproperty_new_description(TextCleaning.text(event.description)))
        }
        if let location = event.location, !location.isEmpty {
            icalcomponent_add_property(vevent, icalproperty_new_location(TextCleaning.text(location)))
        }
        if !event.categories.isEmpty {
            let list = event.categories.map(TextCleaning.text).joined(separator: ",")
            icalcomponent_add_property(vevent, icalproperty_new_categories(list))
        }
        let status = event.status == .cancelled ? ICAL_STATUS_CANCELLED : ICAL_STATUS_CONFIRMED
        icalcomponent_add_property(vevent, icalproperty_new_status(status))
        // A cancelled meeting no longer blocks the time: clients that ignore STATUS (Outlook in a
        // subscribed calendar) still show it as free.
        if event.status == .cancelled { icalcomponent_add_property(vevent, icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT)) }
        if let organizer = event.organizer {
            let property = icalproperty_new_organizer("mailto:" + organizer.email)
            addName(organizer, to: property)
            icalcomponent_add_property(vevent, property)
        }
        for attendee in event.attendees {
            let property = icalproperty_new_attendee("mailto:" + attendee.email)
            addName(attendee, to: property)
            icalproperty_add_parameter(property, icalparameter_new_role(ICAL_ROLE_REQPARTICIPANT))
            if event.requestsReplies {
                icalproperty_add_parameter(property, icalparameter_new_partstat(ICAL_PARTSTAT_NEEDSACTION))
                icalproperty_add_parameter(property, icalparameter_new_rsvp(ICAL_RSVP_TRUE))
            }
            icalcomponent_add_property(vevent, property)
        }
    }

    /// Adds `CN=<name>` (libical quotes it when needed) unless the name is blank.
    private func addName(_ person: ICalPerson, to property: OpaquePointer?) {
        let name = TextCleaning.parameter(person.name)
        guard !name.allSatisfy(\.isWhitespace) else { return }
        icalproperty_add_parameter(property, icalparameter_new_cn(name))
    }

    /// Adds `TZID=<tzid>` to a DTSTART/DTEND property holding a floating time.
    private func local(_ property: OpaquePointer?) -> OpaquePointer? {
        icalproperty_add_parameter(property, icalparameter_new_tzid(tzid))
        return property
    }

    /// Rejects values libical would write wrongly or that make the event meaningless.
    static func check(_ event: ICalEvent) throws(ICalError) {
        let uid = event.uid
        if isBlank(uid) { throw .invalidEvent(uid: uid, "UID is empty") }
        if !event.dtstamp.isValid { throw .invalidEvent(uid: uid, "DTSTAMP \(event.dtstamp) is not a real time") }
        if !event.start.isValid { throw .invalidEvent(uid: uid, "start \(event.start) is not a real time") }
        if !event.end.isValid { throw .invalidEvent(uid: uid, "end \(event.end) is not a real time") }
        if event.end < event.start {
            throw .invalidEvent(uid: uid, "end \(event.end) is before start \(event.start)")
        }
        if !(0...Int(Int32.max)).contains(event.sequence) {
            throw .invalidEvent(uid: uid, "SEQUENCE \(event.sequence) is negative or too large")
        }
        for category in event.categories {
            if category.isEmpty || category.contains(",") || category.contains(";") {
                throw .invalidEvent(
                    uid: uid,
                    "category '\(category)' is empty or contains ',' or ';' (libical 3 cannot escape those in CATEGORIES)")
            }
        }
        for person in [event.organizer].compactMap({ $0 }) + event.attendees where !isPlainAddress(person.email) {
            throw .invalidEvent(uid: uid, "e-mail address '\(person.email)' of '\(person.name)' is not a plain address")
        }
    }

    /// A non-empty address without spaces, controls, quotes or `mailto:` (it goes after `mailto:`).
    static func isPlainAddress(_ email: String) -> Bool {
        !email.isEmpty && !email.utf8.starts(with: "mailto:".utf8, by: { $0 | 0x20 == $1 })
            && email.utf8.allSatisfy { $0 > 0x20 && $0 != 0x7F && $0 != UInt8(ascii: "\"") }
    }

    /// Empty or only white space (checked on scalars when it is not plain ASCII).
    static func isBlank(_ text: String) -> Bool {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            return text.utf8.allSatisfy { $0 == 0x20 || (0x09...0x0D).contains($0) }
        }
        return text.unicodeScalars.allSatisfy(\.properties.isWhitespace)
    }
}
