import MoteplanStore

/// Which number an overdue referat reminder carries: one more than the overdue reminders about the
/// same referat actually sent before it (from the outbox), so the first one a person receives is
/// nr. 1 even when a catch-up run skipped the earlier rounds of the schedule.
struct SentCount {
    /// Sent overdue reminders by the referat's UID, with their ids.
    private var sent: [String: Set<String>] = [:]

    /// Counts the sent rows of `outbox`.
    init(outbox: [String: OutboxEntry]) {
        for entry in outbox.values where entry.status == .sent { record(entry.id) }
    }

    /// The number the reminder `id` carries when sent now (1 for any other kind).
    func number(for id: String) -> Int {
        guard let uid = Self.overdueUID(id) else { return 1 }
        return (sent[uid] ?? []).subtracting([id]).count + 1
    }

    /// Notes that `id` was sent.
    mutating func record(_ id: String) {
        guard let uid = Self.overdueUID(id) else { return }
        sent[uid, default: []].insert(id)
    }

    /// The referat UID of an overdue reminder id (`referat-forfalt-N/UID`), nil for other kinds.
    static func overdueUID(_ id: String) -> String? {
        guard id.hasPrefix(Reminder.Kind.referatForfalt.rawValue + "-"), let slash = id.firstIndex(of: "/") else { return nil }
        return String(id[id.index(after: slash)...])
    }
}
