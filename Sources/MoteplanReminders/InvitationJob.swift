import MoteplanCore
import MoteplanICal
import MoteplanStore

/// The invitations part of `moteplan remind`: every due invitation, update and cancellation
/// delivered once through the outbox, as the reminders are (same lock, same rows, same Message-ID
/// on a resend after an interrupted run).
public struct InvitationJob {
    /// The loaded config.
    public let loaded: LoadedConfig
    /// The state file.
    public let statePath: String
    /// Where messages go.
    public let delivery: Delivery

    /// Creates the job.
    public init(loaded: LoadedConfig, statePath: String, delivery: Delivery) {
        self.loaded = loaded
        self.statePath = statePath
        self.delivery = delivery
    }

    var configuration: Configuration { loaded.configuration }

    /// Whether any structure sends invitations (without one, the job does nothing at all).
    public var isNeeded: Bool { configuration.structures.contains(where: \.sendsInvitations) }

    /// Runs at `now`; with `dryRun` nothing is written or delivered.
    public func run(now: LocalDateTime, dryRun: Bool, log: (String) -> Void = { _ in }) throws -> RemindJob.Report {
        var report = RemindJob.Report()
        guard isNeeded else { return report }
        guard let from = configuration.reminders.from, let sender = Self.address(from) else {
            throw ConfigError(diagnostics: [
                loaded.diagnostic(.error, at: ConfigPath([.key("reminders"), .key("from")]),
                    "invitations need a sender: add [reminders] from = \"Navn <adresse@kommune.no>\".")
            ])
        }
        func say(_ line: String) {
            report.lines.append(line)
            log(line)
        }
        if dryRun {
            guard let store = try StateStore.openForReading(path: statePath) else {
                for invitation in try plan(now: now, store: nil, sender: sender) { say("would send: \(invitation.id) → \(invitation.recipient.email)") }
                return report
            }
            let existing = try store.read { try $0.outbox() }
            let delivered = existing.values.filter { Invitation.owns($0) && ($0.status == .sent || $0.status == .sending) }
            let due = try plan(now: now, store: store, sender: sender, delivered: Array(delivered))
            for invitation in due { say("would send: \(invitation.id) → \(invitation.recipient.email)") }
            return report
        }
        let lock = try RunLock(path: statePath + ".remind.lock", waitSeconds: configuration.reminders.lockWaitSeconds)
        defer { withExtendedLifetime(lock) {} }
        let store = try StateStore.openForWriting(path: statePath)
        let existing = try store.read { try $0.outbox() }
        let delivered = existing.values.filter { Invitation.owns($0) && ($0.status == .sent || $0.status == .sending) }
        let due = try plan(now: now, store: store, sender: sender, delivered: Array(delivered))
        let byID = Dictionary(due.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let queue = try store.write { transaction -> [OutboxEntry] in
            let rows = try transaction.outbox()
            // Pending rows the plan no longer wants (superseded by a newer version, or the meeting started).
            for row in rows.values where Invitation.owns(row) && row.status == .pending && byID[row.id] == nil {
                try transaction.mark(row.id, .dropped, note: "superseded or its moment passed", at: now)
                say("dropped: \(row.id) (superseded or its moment passed)")
            }
            for invitation in due where rows[invitation.id] == nil {
                try transaction.enqueue(OutboxEntry(
                    id: invitation.id, kind: Invitation.kind(invitation.method), recipient: invitation.recipient.email,
                    sendOn: now.date, relevantUntil: invitation.start, status: .pending,
                    messageID: messageID(invitation.id)), at: now)
            }
            return try transaction.outbox().values
                .filter { Invitation.owns($0) && ($0.status == .pending || $0.status == .sending) }
                .sorted { ($0.sendOn, $0.id) < ($1.sendOn, $1.id) }
        }
        let date = MailMessage.date(
            year: now.date.year, month: now.date.month, day: now.date.day, hour: now.time.hour, minute: now.time.minute,
            zone: configuration.municipality.timeZone)
        for entry in queue {
            guard let invitation = byID[entry.id] else {
                // A row left `sending` by an interrupted run that the plan has since replaced.
                try store.write { try $0.mark(entry.id, .dropped, note: "superseded", at: now) }
                say("dropped: \(entry.id) (superseded; an interrupted delivery may have reached \(entry.recipient))")
                continue
            }
            let resend = entry.status == .sending
            if resend { say("re-sending after an interrupted run: \(entry.id) → \(entry.recipient) (same Message-ID \(entry.messageID))") }
            let calendar: String
            do {
                calendar = try serializer(year: invitation.start.date.year).serialize(invitation.event, method: invitation.method)
            } catch {
                try store.write { try $0.mark(entry.id, .dropped, note: "invalid invitation: \(error)", at: now) }
                report.failures += 1
                say("failed: \(entry.id): \(error)")
                continue
            }
            try store.write { try $0.mark(entry.id, .sending, at: now) }
            let message = InvitationMessage(
                from: from, invitation: invitation, calendar: calendar, date: date, messageID: entry.messageID, resend: resend,
                catalogue: configuration.catalogue)
            do {
                try delivery.deliver(
                    message.render(), fileName: "moteplan.\(entry.kind).\(RemindJob.hash(entry.id))",
                    timeoutSeconds: configuration.reminders.deliveryTimeoutSeconds)
                try store.write { try $0.mark(entry.id, .sent, at: now) }
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

    /// The invitations due, from the store's plan facts and the feeds' revisions.
    func plan(now: LocalDateTime, store: StateStore?, sender: (name: String?, address: String), delivered: [OutboxEntry] = []) throws -> [Invitation] {
        let snapshot = try store.map { try $0.read { try StateSnapshot($0) } } ?? StateSnapshot()
        let plan = PlanState(configuration: configuration, snapshot: snapshot)
        let planner0 = InvitationPlanner(plan: plan, revisions: [:], sender: sender)
        let domain = configuration.municipality.uidDomain
        let uids = Set(planner0.candidates(now: now).map { $0.uid(domain: domain) })
        let revisions = try store.map { store in
            try store.read { transaction in
                try uids.reduce(into: [String: StoredRevision]()) { found, uid in found[uid] = try transaction.revision(uid: uid) }
            }
        } ?? [:]
        return InvitationPlanner(plan: plan, revisions: revisions, sender: sender).invitations(now: now, delivered: delivered)
    }

    private func serializer(year: Int) throws -> InvitationSerializer {
        let zone = try ICalZone(identifier: configuration.municipality.timeZone, fromYear: year, toYear: year)
        return InvitationSerializer(prodID: "-//moteplan//moteplan 0.1//NO", zone: zone)
    }

    /// `<invitasjon.hash@uid_domain>`: from the identity, so a resend carries the same id.
    func messageID(_ id: String) -> String {
        "<invitasjon.\(RemindJob.hash(id))@\(configuration.municipality.uidDomain)>"
    }

    /// The name and address of a configured `addr` or `Name <addr>`.
    static func address(_ configured: String) -> (name: String?, address: String)? {
        if let open = configured.lastIndex(of: "<"), configured.hasSuffix(">") {
            let name = configured[..<open].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: .init(charactersIn: "\""))
            let address = String(configured[configured.index(after: open)..<configured.index(before: configured.endIndex)])
            return address.contains("@") ? (name.isEmpty ? nil : name, address) : nil
        }
        return configured.contains("@") ? (nil, configured) : nil
    }
}
