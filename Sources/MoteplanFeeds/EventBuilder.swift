import MoteplanCore
import MoteplanICal

/// Turns a meeting into the VEVENT people see: text in the plan's language (its catalogue),
/// organizer and attendees only where an address is configured.
public struct EventBuilder: Sendable {
    /// The configuration the meetings come from.
    public let configuration: Configuration
    /// The plan's language.
    var catalogue: Catalogue { configuration.catalogue }
    /// DTSTAMP for every event: the config's revision date at midnight UTC, so output is deterministic.
    public let stamp: ICalUTCStamp

    /// Creates a builder.
    public init(configuration: Configuration) {
        self.configuration = configuration
        let revision = configuration.municipality.revision
        stamp = ICalUTCStamp(year: revision.year, month: revision.month, day: revision.day, hour: 0, minute: 0)
    }

    /// The event for `meeting`.
    public func event(for meeting: Meeting) -> ICalEvent {
        let structure = configuration.structure(meeting.instance.structureID)
        let organizer = meeting.leader.flatMap { leader in
            leader.email.map { ICalPerson(name: LeaderName.display(leader), email: $0) }
        }
        var seen = Set<String>(organizer.map { [$0.email.lowercased()] } ?? [])
        var attendees: [ICalPerson] = []
        let invited = meeting.participants + meeting.markers.flatMap(\.guests).map { Participant(name: $0.name, email: $0.email) }
        for participant in invited {
            guard let email = participant.email, seen.insert(email.lowercased()).inserted else { continue }
            attendees.append(ICalPerson(name: participant.name, email: email))
        }
        return ICalEvent(
            uid: meeting.uid(domain: configuration.municipality.uidDomain),
            dtstamp: stamp,
            start: Self.icalTime(meeting.startDateTime),
            end: Self.icalTime(meeting.endDateTime),
            summary: summary(meeting),
            description: description(meeting, structure: structure),
            location: meeting.location,
            categories: structure.map { [$0.title] } ?? [],
            status: meeting.isCancelled ? .cancelled : .confirmed,
            organizer: organizer,
            attendees: attendees)
    }

    /// SUMMARY: the meeting's title, prefixed with the catalogue's cancelled word when it is
    /// cancelled (Outlook ignores STATUS:CANCELLED in a subscribed calendar, so the title itself
    /// must say it).
    public func summary(_ meeting: Meeting) -> String {
        meeting.isCancelled ? catalogue(.feedCancelledSummary, ["title": meeting.title]) : meeting.title
    }

    /// DESCRIPTION, in the plan's language: what the structure is, who leads, who takes part,
    /// markers, moves.
    func description(_ meeting: Meeting, structure: Structure?) -> String {
        var lines: [String] = []
        if let reason = meeting.cancelled {
            lines.append(reason.isEmpty ? catalogue(.feedCancelled) : catalogue(.feedCancelledBecause, ["reason": reason]))
        }
        if let text = structure?.description, !text.isEmpty { lines.append(text) }
        if let leader = meeting.leader { lines.append(catalogue(.feedLeader, ["name": LeaderName.display(leader)])) }
        if !meeting.participants.isEmpty {
            lines.append(catalogue(.feedParticipants, ["names": meeting.participants.map(\.name).joined(separator: ", ")]))
        }
        for marker in meeting.markers {
            lines.append(marker.guests.isEmpty
                ? marker.text
                : catalogue(.feedMarkerGuests, ["marker": marker.text, "guests": marker.guests.map(\.name).joined(separator: ", ")]))
        }
        if let handover = meeting.handover { lines.append(handover + ".") }
        let planned = catalogue.withWeekday(meeting.plannedDate)
        if let reason = meeting.movedBecause {
            lines.append(catalogue(.feedMovedBecause, ["date": planned, "reason": reason]))
        }
        if let reason = meeting.movedByHand {
            lines.append(reason.isEmpty
                ? catalogue(.feedMoved, ["date": planned])
                : catalogue(.feedMovedBecause, ["date": planned, "reason": reason]))
        }
        if meeting.isAdded && !(structure?.isAtLeastDuty ?? false) { lines.append(catalogue(.feedExtraMeeting)) }
        return lines.joined(separator: "\n")
    }

    /// A local date-time as the iCalendar layer takes it.
    public static func icalTime(_ value: LocalDateTime) -> ICalDateTime {
        ICalDateTime(
            year: value.date.year, month: value.date.month, day: value.date.day,
            hour: value.time.hour, minute: value.time.minute)
    }
}
