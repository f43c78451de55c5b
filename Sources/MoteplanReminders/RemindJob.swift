import Foundation
import MoteplanCore
import MoteplanFeeds
import MoteplanICal
import MoteplanStore

/// One `moteplan remind` run: every due reminder delivered once, never twice without saying so.
///
/// - Under a run lock (a second run waits), due reminders are added to the outbox in the state
///   store in one `BEGIN IMMEDIATE` transaction: as `pending`, or as `dropped` with the reason
///   when their moment has passed, a later overdue reminder supersedes them, or no address exists.
/// - Each is marked `sending` (committed) before delivery and `sent` after it succeeded. A run that
///   dies in between leaves `sending`; the next run delivers it again with the same Message-ID,
///   marks it `X-Moteplan-Resend: yes`, and reports it. A failed delivery stays `pending`.
public struct RemindJob {
    /// The loaded config.
    public let loaded: LoadedConfig
    /// The state file.
    public let statePath: String
    /// The templates.
    public let templates: ReminderTemplates
    /// Where messages go.
    public let delivery: Delivery
    /// The personal page of a role or unit (by id), linked from its reminders; nil when it has none.
    public let personalPage: @Sendable (String) -> String?

    /// Creates the job.
    public init(
        loaded: LoadedConfig, statePath: String, templates: ReminderTemplates, delivery: Delivery,
        personalPage: @escaping @Sendable (String) -> String? = { _ in nil }
    ) {
        self.loaded = loaded
        self.statePath = statePath
        self.templates = templates
        self.delivery = delivery
        self.personalPage = personalPage
    }

    /// What a run did, one line per reminder.
    public struct Report: Sendable {
        /// `sent: …`, `re-sent …`, `dropped: …`, `failed: …`, `would send: …`.
        public var lines: [String] = []
        /// Deliveries that failed (the run exits 1).
        public var failures = 0
        /// Reminders delivered.
        public var sent = 0
    }

    var configuration: Configuration { loaded.configuration }

    /// Runs at `now`. With `dryRun`, nothing is written or delivered: it says what it would do.
    /// `log` gets each report line as it happens (a run killed midway has said what it did).
    public func run(now: LocalDateTime, dryRun: Bool, log: (String) -> Void = { _ in }) throws -> Report {
        guard let from = configuration.reminders.from else {
            throw ConfigError(diagnostics: [
                loaded.diagnostic(.error, at: ConfigPath([.key("reminders"), .key("from")]),
                    "reminders need a sender: add [reminders] from = \"Navn <adresse@kommune.no>\".")
            ])
        }
        if dryRun {
            let report = try preview(now: now)
            report.lines.forEach(log)
            return report
        }
        let lock = try RunLock(path: statePath + ".remind.lock", waitSeconds: configuration.reminders.lockWaitSeconds)
        defer { withExtendedLifetime(lock) {} }
        let store = try StateStore.openForWriting(path: statePath)
        let plan = PlanState(configuration: configuration, snapshot: try store.read { try StateSnapshot($0) })
        let reminders = Dictionary(ReminderPlanner(plan: plan).reminders().map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var report = Report()
        func say(_ line: String) {
            report.lines.append(line)
            log(line)
        }
        var dropped: [String] = []
        let queue = try store.write { transaction -> [OutboxEntry] in
            let existing = try transaction.outbox().filter { !Invitation.owns($0.value) }
            for entry in decisions(reminders: reminders, existing: existing, now: now) {
                if existing[entry.id] == nil {
                    try transaction.enqueue(entry, at: now)
                    if entry.status == .dropped { dropped.append("dropped: \(entry.id) (\(entry.note ?? ""))") }
                } else {
                    try transaction.mark(entry.id, .dropped, note: entry.note, at: now)
                    dropped.append("dropped: \(entry.id) (\(entry.note ?? ""))")
                }
            }
            return try transaction.outbox().values
                .filter { !Invitation.owns($0) && ($0.status == .pending || $0.status == .sending) }
                .sorted { ($0.sendOn, $0.id) < ($1.sendOn, $1.id) }
        }
        dropped.forEach(say)
        var sent = SentCount(outbox: try store.read { try $0.outbox() })
        for entry in queue {
            guard let reminder = reminders[entry.id] else {
                try store.write { try $0.mark(entry.id, .dropped, note: "no longer needed", at: now) }
                say("dropped: \(entry.id) (no longer needed\(entry.status == .sending ? "; an interrupted delivery may have reached \(entry.recipient)" : ""))")
                continue
            }
            let resend = entry.status == .sending
            // Said before delivering: even a run killed right after has reported the repeat.
            if resend {
                say("re-sending after an interrupted run: \(entry.id) → \(entry.recipient) (same Message-ID \(entry.messageID))")
            }
            try store.write { try $0.mark(entry.id, .sending, at: now) }
            let message = compose(
                reminder, entry: entry, from: from, now: now, resend: resend, number: sent.number(for: entry.id))
            do {
                try delivery.deliver(
                    message, fileName: Self.fileName(entry), timeoutSeconds: configuration.reminders.deliveryTimeoutSeconds)
                try store.write { try $0.mark(entry.id, .sent, at: now) }
                sent.record(entry.id)
                report.sent += 1
                say("sent: \(entry.id) → \(entry.recipient)")
            } catch {
                try store.write { try $0.mark(entry.id, .pending, error: "\(error)", at: now) }
                report.failures += 1
                say("failed: \(entry.id) → \(entry.recipient): \(error)")
            }
        }
        return report
    }

    /// What a run would do, without the lock, the outbox or deliveries.
    func preview(now: LocalDateTime) throws -> Report {
        let store = try StateStore.openForReading(path: statePath)
        let snapshot = try store.map { try $0.read { try StateSnapshot($0) } } ?? StateSnapshot()
        let existing = try store.map { try $0.read { try $0.outbox() } }?.filter { !Invitation.owns($0.value) } ?? [:]
        let plan = PlanState(configuration: configuration, snapshot: snapshot)
        let reminders = Dictionary(ReminderPlanner(plan: plan).reminders().map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var report = Report()
        let sent = SentCount(outbox: existing)
        var pending = existing.values.filter { $0.status == .pending || $0.status == .sending }.map(\.id)
        for entry in decisions(reminders: reminders, existing: existing, now: now) {
            if entry.status == .dropped {
                report.lines.append("would drop: \(entry.id) (\(entry.note ?? ""))")
                pending.removeAll { $0 == entry.id }
            } else {
                pending.append(entry.id)
            }
        }
        for id in Set(pending).sorted() {
            guard let reminder = reminders[id] else { continue }
            let (subject, _) = templates.render(
                reminder.kind, values(reminder, address: address(reminder), now: now, number: sent.number(for: id)))
            report.lines.append("would send: \(id) → \(address(reminder)?.address ?? "-"): \(subject)")
        }
        return report
    }

    /// New outbox rows (pending or dropped) and existing pending rows to drop.
    func decisions(reminders: [String: Reminder], existing: [String: OutboxEntry], now: LocalDateTime) -> [OutboxEntry] {
        var result: [OutboxEntry] = []
        let due = reminders.values.filter { $0.sendOn <= now.date }
        let latestOverdue = Dictionary(
            due.filter { $0.kind == .referatForfalt }.map { ($0.meeting.map { $0.uid(domain: configuration.municipality.uidDomain) } ?? $0.id, $0.round) },
            uniquingKeysWith: max)
        for reminder in due.sorted(by: { ($0.sendOn, $0.id) < ($1.sendOn, $1.id) }) where existing[reminder.id] == nil {
            var entry = OutboxEntry(
                id: reminder.id, kind: reminder.kind.rawValue, recipient: address(reminder)?.address ?? "",
                sendOn: reminder.sendOn, relevantUntil: reminder.relevantUntil, status: .pending,
                messageID: messageID(reminder.id, kind: reminder.kind))
            let uid = reminder.meeting.map { $0.uid(domain: configuration.municipality.uidDomain) } ?? reminder.id
            if address(reminder) == nil {
                entry.status = .dropped
                entry.note = "\(reminder.recipient.name) has no e-mail address and [reminders] fallback is not set"
            } else if now > reminder.relevantUntil {
                entry.status = .dropped
                entry.note = "its moment passed on \(reminder.relevantUntil)"
            } else if reminder.kind == .referatForfalt, let latest = latestOverdue[uid], latest > reminder.round {
                entry.status = .dropped
                entry.note = "superseded by overdue reminder \(latest)"
            }
            result.append(entry)
        }
        for entry in existing.values where entry.status == .pending {
            if reminders[entry.id] == nil {
                result.append(OutboxEntry(
                    id: entry.id, kind: entry.kind, recipient: entry.recipient, sendOn: entry.sendOn,
                    relevantUntil: entry.relevantUntil, status: .dropped, messageID: entry.messageID,
                    note: "no longer needed (the meeting or referat changed)"))
            } else if now > entry.relevantUntil {
                result.append(OutboxEntry(
                    id: entry.id, kind: entry.kind, recipient: entry.recipient, sendOn: entry.sendOn,
                    relevantUntil: entry.relevantUntil, status: .dropped, messageID: entry.messageID,
                    note: "its moment passed on \(entry.relevantUntil)"))
            }
        }
        return result
    }

    /// The recipient's address, or the fallback (marked) when the role has none.
    func address(_ reminder: Reminder) -> (name: String, address: String, fallback: Bool)? {
        if let email = reminder.recipient.email { return (LeaderName.display(reminder.recipient), email, false) }
        if let fallback = configuration.reminders.fallback {
            return (configuration.catalogue(.mailFallbackRecipient, ["role": reminder.recipient.name]), fallback, true)
        }
        return nil
    }

    /// The template variables at the moment of sending: the reminder's own, the recipient's, and
    /// the figures counted from `now` (days overdue, the reminder's `number`, what is still owed).
    func values(
        _ reminder: Reminder, address: (name: String, address: String, fallback: Bool)?, now: LocalDateTime, number: Int
    ) -> [String: TemplateValue] {
        let figures = SendingFigures.values(reminder, now: now, number: number, catalogue: configuration.catalogue)
        var values = reminder.values.merging(figures) { _, new in new }
        values["mottaker"] = .text(LeaderName.display(reminder.recipient))
        values["tiltale"] = .text(Greeting.name(reminder.recipient))
        if let link = personalPage(reminder.recipient.id) { values["lenke"] = .text(link) }
        values["kommune"] = .text(configuration.municipality.name)
        values["til_radgiver"] = .flag(address?.fallback ?? false)
        values["rolle_uten_epost"] = .text(reminder.recipient.name)
        return values
    }

    /// The message for a reminder: rendered from its template, plain text. No calendar object is
    /// attached: Outlook shows a METHOD:PUBLISH attachment in a mail as raw lines, and the meeting
    /// is in the recipient's calendar through the feeds (and, for structures with invitations, the
    /// iTIP invitation, which carries the right ORGANIZER).
    func compose(
        _ reminder: Reminder, entry: OutboxEntry, from: String, now: LocalDateTime, resend: Bool, number: Int
    ) -> String {
        let recipient = address(reminder)
        let (subject, body) = templates.render(reminder.kind, values(reminder, address: recipient, now: now, number: number))
        let date = MailMessage.date(
            year: now.date.year, month: now.date.month, day: now.date.day, hour: now.time.hour, minute: now.time.minute,
            zone: configuration.municipality.timeZone)
        let message = MailMessage(
            from: from, to: (recipient?.name, recipient?.address ?? entry.recipient), subject: subject, body: body,
            date: date, messageID: entry.messageID, reminderID: entry.id, resend: resend)
        return message.render()
    }

    /// `<kind.hash@uid_domain>`: derived from the reminder's identity, so a resend carries the same id.
    func messageID(_ id: String, kind: Reminder.Kind) -> String {
        "<\(kind.rawValue).\(Self.hash(id))@\(configuration.municipality.uidDomain)>"
    }

    /// The maildir file name: from the reminder's identity, so delivering twice writes one file.
    static func fileName(_ entry: OutboxEntry) -> String {
        "moteplan.\(entry.kind).\(hash(entry.id))"
    }

    static func hash(_ text: String) -> String { StableHash.hex(text) }
}
