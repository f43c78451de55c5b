import MoteplanCore

extension PlanState {
    /// The double-bookings the meeting `change` touches would be in once the change is made
    /// (a move or an added meeting): the windows that include it in the changed plan.
    public func conflicts(after change: MeetingChange) -> [Conflict] {
        var changed = snapshot
        changed.changes.append(change)
        let after = PlanState(configuration: configuration, snapshot: changed)
        return ConflictFinder(configuration: configuration).conflicts(in: after.schedule.meetings).filter { $0.uids.contains(change.uid) }
    }
}

/// One line per double-booking for a refused change: the resource, the time and the other meetings.
public enum ChangeConflictMessage {
    /// "ppt (capacity 1) on 2026-10-07 13:00–15:30 with nettverk.melhus-sor-20261007@…".
    public static func lines(_ conflicts: [Conflict], uid: String) -> [String] {
        conflicts.map { conflict in
            let others = conflict.uids.filter { $0 != uid }
            let what = conflict.capacity == 0 ? "\(conflict.resource) (unavailable then)" : "\(conflict.resource) (capacity \(conflict.capacity))"
            let with = others.isEmpty ? "" : " with \(others.joined(separator: ", "))"
            return "\(what) on \(conflict.start.date) \(conflict.start.time)–\(conflict.end.time)\(with)"
        }
    }
}
