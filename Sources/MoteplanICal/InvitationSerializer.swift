import CLibical

/// The iTIP method of an invitation (RFC 5546): a request (new or updated) or a cancellation.
public enum ICalMethod: String, Sendable, Hashable {
    /// `METHOD:REQUEST`: please attend; a higher SEQUENCE updates an earlier request.
    case request = "REQUEST"
    /// `METHOD:CANCEL`: the meeting is off (for the attendees listed).
    case cancel = "CANCEL"
}

/// Writes one meeting as an iTIP object for a mail (RFC 6047): VCALENDAR with METHOD, the
/// VTIMEZONE its TZID names, and one VEVENT with ORGANIZER and ATTENDEEs. The text is parsed back
/// by libical with its iTIP restriction check before it is returned.
public struct InvitationSerializer: Sendable {
    /// PRODID.
    public let prodID: String
    /// The zone of the event's times.
    public let zone: ICalZone

    /// Creates a serializer.
    public init(prodID: String, zone: ICalZone) {
        self.prodID = prodID
        self.zone = zone
    }

    /// The calendar text (CRLF): throws when the event lacks an organizer or attendees, or when
    /// libical finds a problem in the result.
    public func serialize(_ event: ICalEvent, method: ICalMethod) throws -> String {
        guard event.organizer != nil else { throw ICalError.invalidEvent(uid: event.uid, "an invitation needs an ORGANIZER") }
        guard !event.attendees.isEmpty else { throw ICalError.invalidEvent(uid: event.uid, "an invitation needs an ATTENDEE") }
        var event = event
        event.requestsReplies = method == .request
        if method == .cancel { event.status = .cancelled }
        let header = try Self.headerText(prodID: prodID, method: method)
        let body = try EventSerializer(tzid: zone.identifier).text(for: event)
        let text = "BEGIN:VCALENDAR\r\n" + header + zone.vtimezone + body + "END:VCALENDAR\r\n"
        let problems = FeedValidator.problems(in: text, restrictionCheck: true, requiredZone: zone.identifier)
        guard problems.isEmpty else { throw ICalError.invalidEvent(uid: event.uid, problems.joined(separator: "; ")) }
        return text
    }

    private static func headerText(prodID: String, method: ICalMethod) throws -> String {
        let properties = [
            icalproperty_new_prodid(TextCleaning.text(prodID)),
            icalproperty_new_version("2.0"),
            icalproperty_new_calscale("GREGORIAN"),
            icalproperty_new_method(method == .request ? ICAL_METHOD_REQUEST : ICAL_METHOD_CANCEL),
        ]
        var text = ""
        for property in properties {
            defer { icalproperty_free(property) }
            guard let line = takeLibicalString(icalproperty_as_ical_string_r(property)) else {
                throw ICalError.libical("could not write an invitation header property")
            }
            text += line
        }
        return text
    }
}
