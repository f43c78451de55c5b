import MoteplanCore
import MoteplanICal
import MoteplanStore

/// One calendar invitation to one person: a request (new or updated) or a cancellation of one
/// meeting, with the SEQUENCE it carries.
public struct Invitation: Sendable, Hashable {
    /// Why it goes out.
    public enum Change: String, Sendable, Hashable {
        /// The first request to this person.
        case new
        /// The meeting changed after an earlier request (time, place, leader, text).
        case updated
        /// The meeting was cancelled.
        case cancelled
        /// This person no longer takes part.
        case withdrawn
        /// The meeting is no longer in the plan at all: the config changed its date or dropped its
        /// instance or structure (its UID is gone, so nothing else would take it out of calendars).
        case leftPlan
    }

    /// The outbox identity: `invitasjon/<method>/<uid>/<address>/<sequence>/<content hash>`.
    public var id: String
    /// REQUEST or CANCEL.
    public var method: ICalMethod
    /// Why.
    public var change: Change
    /// The meeting; nil for one that left the plan (`leftPlan`).
    public var meeting: Meeting?
    /// When the meeting starts (for one that left the plan: when it started as last invited).
    public var start: LocalDateTime
    /// The meeting's title as the message names it.
    public var title: String
    /// The recipient.
    public var recipient: ICalPerson
    /// The event as it goes out (ORGANIZER, ATTENDEEs, SEQUENCE, DTSTAMP).
    public var event: ICalEvent
    /// The content hash the request was made from (equal to the feeds' for the same meeting).
    public var contentHash: String

    /// The outbox kind of every invitation row.
    public static func kind(_ method: ICalMethod) -> String { "invitasjon-\(method.rawValue.lowercased())" }

    /// Whether an outbox row is an invitation (the reminders leave those alone).
    public static func owns(_ entry: OutboxEntry) -> Bool { entry.kind.hasPrefix("invitasjon-") }

    /// The identity of the message for `method` to `address` at `sequence` of `contentHash`.
    static func identity(_ method: ICalMethod, uid: String, address: String, sequence: Int, contentHash: String) -> String {
        "invitasjon/\(method.rawValue.lowercased())/\(uid)/\(address.lowercased())/\(sequence)/\(contentHash.prefix(16))"
    }

    /// What an earlier row of the outbox says was sent: parsed from its identity.
    struct Sent: Sendable, Hashable {
        var method: ICalMethod
        var uid: String
        var address: String
        var sequence: Int
        var contentHash: String
        /// When the meeting started as this message had it.
        var start: LocalDateTime

        init?(_ entry: OutboxEntry) {
            let parts = entry.id.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 6, parts[0] == "invitasjon", let method = ICalMethod(rawValue: parts[1].uppercased()),
                let sequence = Int(parts[4])
            else { return nil }
            self.method = method
            uid = parts[2]
            address = parts[3]
            self.sequence = sequence
            contentHash = parts[5]
            start = entry.relevantUntil
        }
    }
}
