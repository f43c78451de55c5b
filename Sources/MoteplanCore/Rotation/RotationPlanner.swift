/// A term's leader, as a listing shows it.
public struct TermLeader: Sendable, Hashable {
    /// Where the fact comes from.
    public enum Status: String, Sendable, Hashable {
        /// History: recorded by the rotation when the term began.
        case recorded
        /// Set by an override.
        case override
        /// Not recorded yet: what the rotation rule gives today.
        case projected
    }

    /// The group.
    public var groupID: String
    /// The term.
    public var term: Term
    /// The leader: a unit or role id.
    public var leaderID: String
    /// Recorded, override or projected.
    public var status: Status
}

/// Works out every term's leader from the config's rotation rule and the recorded terms.
///
/// Recorded terms are facts and never change. Each other term's leader is the candidate after the
/// previous term's leader in the *current* candidate list; a leader no longer in the list is
/// skipped by stepping back to the most recent earlier leader who still is. So a candidate added at
/// the end of the list joins at the end of the cycle, a removed one is skipped, and a reordering
/// affects only terms not yet recorded.
public struct RotationPlanner: Sendable {
    /// The configuration.
    public let configuration: Configuration
    private let recorded: [String: [Term: RecordedTerm]]

    /// Creates a planner from the config and the store's recorded terms.
    public init(configuration: Configuration, recorded: [RecordedTerm]) {
        self.configuration = configuration
        var byGroup: [String: [Term: RecordedTerm]] = [:]
        for term in recorded { byGroup[term.groupID, default: [:]][term.term] = term }
        self.recorded = byGroup
    }

    /// Terms from the group's first term through `last`, in order; empty without a rotation.
    public func terms(group groupID: String, through last: Term) -> [TermLeader] {
        guard let rule = configuration.group(groupID)?.rotation else { return [] }
        var result: [TermLeader] = []
        var chain: [String] = []
        var term = rule.firstTerm
        let own = recorded[groupID] ?? [:]
        while term <= last {
            let leader: TermLeader
            if let fact = own[term], fact.term.kind == rule.termKind {
                leader = TermLeader(
                    groupID: groupID, term: term, leaderID: fact.leaderID,
                    status: fact.decision == .override ? .override : .recorded)
            } else if term == rule.firstTerm {
                leader = TermLeader(groupID: groupID, term: term, leaderID: rule.firstLeader, status: .projected)
            } else {
                leader = TermLeader(
                    groupID: groupID, term: term, leaderID: Self.successor(after: chain, in: rule.candidates),
                    status: .projected)
            }
            result.append(leader)
            chain.append(leader.leaderID)
            term = term.next
        }
        return result
    }

    /// A change of leader at the end of a term.
    public struct Handover: Sendable, Hashable {
        /// The term that ends.
        public let term: Term
        /// Who leads it.
        public let outgoingID: String
        /// Who leads the next one.
        public let incomingID: String
        /// When the handover is due to be prepared: the group's handover weeks before the end.
        public let opens: LocalDate
    }

    /// The handovers at the ends of the terms from the first through `last`, where the leader
    /// changes (a leader who goes on has none), in order.
    public func handovers(group groupID: String, through last: Term) -> [Handover] {
        guard let rule = configuration.group(groupID)?.rotation else { return [] }
        let terms = terms(group: groupID, through: last.next)
        return zip(terms, terms.dropFirst()).compactMap { outgoing, incoming in
            guard outgoing.leaderID != incoming.leaderID else { return nil }
            return Handover(
                term: outgoing.term, outgoingID: outgoing.leaderID, incomingID: incoming.leaderID,
                opens: outgoing.term.range.last.adding(days: -7 * rule.handoverWeeks))
        }
    }

    /// The leader of the term containing `date`, or nil before the first term or without a rotation.
    public func leader(group groupID: String, on date: LocalDate) -> String? {
        guard let rule = configuration.group(groupID)?.rotation else { return nil }
        let term = Term(kind: rule.termKind, containing: date)
        guard term >= rule.firstTerm else { return nil }
        return terms(group: groupID, through: term).last?.leaderID
    }

    /// The candidate after the most recent leader in `chain` who is still a candidate; the first
    /// candidate when none is.
    public static func successor(after chain: [String], in candidates: [String]) -> String {
        guard let first = candidates.first else { return chain.last ?? "" }
        for previous in chain.reversed() {
            if let index = candidates.firstIndex(of: previous) {
                return candidates[(index + 1) % candidates.count]
            }
        }
        return first
    }
}
