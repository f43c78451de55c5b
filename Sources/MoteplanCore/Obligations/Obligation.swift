/// Something a leader must do, with its due date: call a meeting, deliver a referat, put an
/// item on an agenda and invite for it, prepare the next agenda, or hand over the leadership.
public struct Obligation: Sendable, Hashable {
    /// The kinds of obligation.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// Send the innkalling.
        case innkalling
        /// Deliver the referat.
        case referat
        /// Put a marked item on the agenda and invite its guests (SLT, guests, children and parents).
        case invitasjon
        /// Prepare the receiving structure's next agenda.
        case sakliste
        /// The leader's term ends; hand over.
        case lederskifte
        /// Hold (and register) at least the required meetings of a duty without fixed dates.
        case minstekrav
    }

    /// The day it is due.
    public var due: LocalDate
    /// Who owes it.
    public var leader: Role?
    /// What kind.
    public var kind: Kind
    /// The structure concerned.
    public var structureID: String
    /// The instance concerned.
    public var instanceID: String
    /// The meeting concerned (its start), if any.
    public var meeting: LocalDateTime?
    /// The meeting's UID, if any.
    public var meetingUID: String?
    /// What to do, in Norwegian.
    public var text: String
    /// The group concerned, if any.
    public var groupID: String?
    /// The unit concerned, if any.
    public var unitID: String?
}
