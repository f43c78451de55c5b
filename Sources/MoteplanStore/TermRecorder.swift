import MoteplanCore

/// Turns begun terms into history: every term of a rotating group that has started by `now`
/// and is not recorded yet is recorded with the leader the rotation gives today. From then on no
/// config edit changes it.
public enum TermRecorder {
    /// The actor name recorded for terms the rotation decided.
    public static let rotationActor = "moteplan (rotasjon)"

    /// Records begun terms in `transaction`; returns what it recorded.
    @discardableResult
    public static func recordBegunTerms(
        configuration: Configuration, now: LocalDateTime, in transaction: StateTransaction
    ) throws -> [RecordedTerm] {
        var recorded = try transaction.recordedTerms()
        var added: [RecordedTerm] = []
        for group in configuration.groups {
            guard let rule = group.rotation else { continue }
            let current = Term(kind: rule.termKind, containing: now.date)
            guard current >= rule.firstTerm else { continue }
            let planner = RotationPlanner(configuration: configuration, recorded: recorded)
            for term in planner.terms(group: group.id, through: current) where term.status == .projected {
                let fact = RecordedTerm(
                    groupID: group.id, term: term.term, leaderID: term.leaderID, decision: .rotation,
                    decidedAt: now, actor: rotationActor)
                try transaction.record(fact)
                added.append(fact)
                recorded.append(fact)
            }
        }
        return added
    }
}
