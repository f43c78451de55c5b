/// A change to the plan made by hand and kept in the state store: a meeting cancelled,
/// moved, or added "ved behov". The config says what should happen; changes say what did.
public struct MeetingChange: Sendable, Hashable {
    /// What changed.
    public enum Kind: Sendable, Hashable {
        /// The meeting is cancelled; it stays in the feeds as STATUS:CANCELLED.
        case cancel
        /// The meeting takes place at another time; it keeps its UID.
        case move(start: LocalDateTime, end: LocalTime)
        /// An extra meeting of an instance, with its own UID.
        case add(structureID: String, instanceID: String, start: LocalDateTime, end: LocalTime, title: String?)
    }

    /// The meeting's UID (for `add`, the new meeting's UID).
    public var uid: String
    /// What changed.
    public var kind: Kind
    /// Why, in the user's words.
    public var reason: String?
    /// Who made the change.
    public var actor: String
    /// When (local).
    public var at: LocalDateTime

    /// Creates a change.
    public init(uid: String, kind: Kind, reason: String?, actor: String, at: LocalDateTime) {
        self.uid = uid
        self.kind = kind
        self.reason = reason
        self.actor = actor
        self.at = at
    }
}
