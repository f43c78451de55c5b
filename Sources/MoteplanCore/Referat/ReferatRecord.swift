/// A delivered referat, as the state store keeps it: the meeting, who delivered it, when, and
/// at most a reference (an archive id or a link). Never its content.
public struct ReferatRecord: Sendable, Hashable {
    /// The meeting's UID.
    public var uid: String
    /// The day it was delivered.
    public var delivered: LocalDate
    /// Who delivered it.
    public var deliveredBy: String?
    /// An archive id or a link.
    public var reference: String?

    /// Creates a record.
    public init(uid: String, delivered: LocalDate, deliveredBy: String?, reference: String?) {
        self.uid = uid
        self.delivered = delivered
        self.deliveredBy = deliveredBy
        self.reference = reference
    }

    /// Checks a reference: one line, short, and not the referat itself. `field` names it in the
    /// message as the caller's user knows it (`--ref` on the command line, `ref` in a request).
    public static func validateReference(_ text: String, field: String = "--ref") -> String? {
        if let bad = FreeText.firstControl(in: text) {
            return "\(field) must be one line of plain text (it contains the control character \(FreeText.name(bad))): an archive id or a link, never the referat's text."
        }
        if text.count > 200 {
            return "\(field) is \(text.count) characters; give an archive id or a link (at most 200), never the referat's text."
        }
        return nil
    }

    /// Checks who delivered it: a name, one line of at most 100 characters.
    public static func validateDeliveredBy(_ text: String, field: String = "--by") -> String? {
        text.count > 100 || FreeText.firstControl(in: text) != nil
            ? "\(field) must be one line of at most 100 characters without control characters: a name." : nil
    }

    /// Why a delivery on `day` cannot be recorded for `meeting` at `now`, if it cannot.
    public enum DeliveryProblem: Sendable, Equatable {
        /// The meeting has not been held yet.
        case notYetHeld
        /// The day is outside the plan's horizon.
        case outsideHorizon
        /// The day is before the meeting.
        case beforeMeeting
        /// The day is after `now`.
        case inFuture
    }

    /// The first rule a delivery on `day` breaks, checked in this order, or nil.
    public static func deliveryProblem(meeting: Meeting, day: LocalDate, now: LocalDateTime, horizon: DateRange) -> DeliveryProblem? {
        if now < meeting.startDateTime { return .notYetHeld }
        if !horizon.contains(day) { return .outsideHorizon }
        if day < meeting.date { return .beforeMeeting }
        if day > now.date { return .inFuture }
        return nil
    }
}
