/// A group's rotating leadership as the config states it ("lederansvaret går på omgang").
public struct RotationRule: Sendable, Hashable {
    /// Candidates in rotation order: unit ids (whose head leads) or role ids.
    public var candidates: [String]
    /// How long a term is.
    public var termKind: TermKind
    /// The first term: the anchor.
    public var firstTerm: Term
    /// Who leads the first term.
    public var firstLeader: String
    /// How many weeks before a term ends the outgoing and incoming leaders are told.
    public var handoverWeeks: Int

    /// Creates a rotation rule.
    public init(candidates: [String], termKind: TermKind, firstTerm: Term, firstLeader: String, handoverWeeks: Int = 6) {
        self.candidates = candidates
        self.termKind = termKind
        self.firstTerm = firstTerm
        self.firstLeader = firstLeader
        self.handoverWeeks = handoverWeeks
    }
}

/// A term whose leader is settled in the state store: it has begun, or was set by an override.
public struct RecordedTerm: Sendable, Hashable {
    /// How the leader was decided.
    public enum Decision: String, Sendable, Hashable {
        /// By the rotation rule.
        case rotation
        /// By `moteplan leaders set`.
        case override
    }

    /// The group.
    public var groupID: String
    /// The term.
    public var term: Term
    /// The leader: a unit or role id.
    public var leaderID: String
    /// Rotation or override.
    public var decision: Decision
    /// When it was recorded (local time).
    public var decidedAt: LocalDateTime
    /// Who recorded it (free text).
    public var actor: String
    /// Why (overrides).
    public var reason: String?

    /// Creates a recorded term.
    public init(
        groupID: String, term: Term, leaderID: String, decision: Decision, decidedAt: LocalDateTime,
        actor: String, reason: String? = nil
    ) {
        self.groupID = groupID
        self.term = term
        self.leaderID = leaderID
        self.decision = decision
        self.decidedAt = decidedAt
        self.actor = actor
        self.reason = reason
    }
}
