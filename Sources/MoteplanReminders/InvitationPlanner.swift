import MoteplanCore
import MoteplanFeeds
import MoteplanICal
import MoteplanStore

/// Which invitations are due at a moment, from the plan, the feeds' revisions and what the outbox
/// says was sent (RFC 5546 as calendar clients expect it):
///
/// - A meeting of a structure with `invitations = true` is requested `notice_days` before it, from
///   each invitee with an address (participants and marker guests, once per address), ORGANIZER
///   the leader (or the sender when the leader has no address).
/// - After a request, any change of the event (time, place, leader, text) sends an updated REQUEST
///   with a higher SEQUENCE; a cancelled meeting sends CANCEL; someone no longer invited gets a
///   CANCEL for them alone. Nothing is sent for a meeting that has started.
/// - A meeting invited to that is no longer in the plan at all (the config moved its date, or
///   dropped its instance or structure: its UID is gone) sends CANCEL to everyone it was requested
///   from, until it would have started.
/// - SEQUENCE is the feeds' (the stored revision, plus one when the content changed since `ics`
///   last ran), and always above the last one sent to that person.
public struct InvitationPlanner: Sendable {
    /// The plan.
    public let plan: PlanState
    /// The feeds' stored revisions, by UID (missing: never published).
    public let revisions: [String: StoredRevision]
    /// The sender's address, the organizer when a leader has none.
    public let sender: (name: String?, address: String)

    /// Creates a planner.
    public init(plan: PlanState, revisions: [String: StoredRevision], sender: (name: String?, address: String)) {
        self.plan = plan
        self.revisions = revisions
        self.sender = sender
    }

    var configuration: Configuration { plan.configuration }

    /// The meetings that may get invitations at `now`: of inviting structures, not yet started.
    public func candidates(now: LocalDateTime) -> [Meeting] {
        let inviting = Set(configuration.structures.filter(\.sendsInvitations).map(\.id))
        guard !inviting.isEmpty else { return [] }
        return plan.schedule.meetings.filter { inviting.contains($0.instance.structureID) && $0.startDateTime > now }
    }

    /// The invitations to send at `now`, given the rows already delivered (or being delivered).
    public func invitations(now: LocalDateTime, delivered: [OutboxEntry]) -> [Invitation] {
        var history: [String: [String: Invitation.Sent]] = [:]
        for entry in delivered {
            guard let sent = Invitation.Sent(entry) else { continue }
            if let known = history[sent.uid]?[sent.address], known.sequence >= sent.sequence { continue }
            history[sent.uid, default: [:]][sent.address] = sent
        }
        let builder = EventBuilder(configuration: configuration)
        let domain = configuration.municipality.uidDomain
        var result: [Invitation] = []
        for meeting in candidates(now: now) {
            guard let structure = configuration.structure(meeting.instance.structureID) else { continue }
            var event = builder.event(for: meeting)
            let hash = ContentHash.of(event)
            let uid = meeting.uid(domain: domain)
            let feedSequence = revisions[uid].map { $0.contentHash == hash ? $0.sequence : $0.sequence + 1 } ?? 0
            if let stored = revisions[uid], stored.contentHash == hash, let stamp = EventRevision.stamp(from: stored.dtstamp) {
                event.dtstamp = stamp
            }
            if event.organizer == nil {
                event.organizer = ICalPerson(name: meeting.leader.map(LeaderName.display) ?? sender.name ?? "", email: sender.address)
                event.attendees.removeAll { $0.email.lowercased() == sender.address.lowercased() }
            }
            let invitees = event.attendees
            let sent = history[uid] ?? [:]
            let open = now.date >= meeting.date.adding(days: -structure.noticeDays)
            let current = Set(invitees.map { $0.email.lowercased() })
            func make(_ method: ICalMethod, _ change: Invitation.Change, to person: ICalPerson, attendees: [ICalPerson], after last: Invitation.Sent?) -> Invitation {
                var outgoing = event
                outgoing.attendees = attendees
                outgoing.sequence = max(feedSequence, (last?.sequence ?? -1) + 1)
                let id = Invitation.identity(method, uid: uid, address: person.email, sequence: outgoing.sequence, contentHash: hash)
                return Invitation(
                    id: id, method: method, change: change, meeting: meeting, start: meeting.startDateTime, title: meeting.title,
                    recipient: person, event: outgoing, contentHash: hash)
            }
            if meeting.isCancelled {
                let requested = sent.values.filter { $0.method == .request }.sorted { $0.address < $1.address }
                let people = requested.map { last in invitees.first { $0.email.lowercased() == last.address } ?? ICalPerson(name: "", email: last.address) }
                for (last, person) in zip(requested, people) {
                    result.append(make(.cancel, .cancelled, to: person, attendees: people, after: last))
                }
                continue
            }
            for person in invitees {
                let last = sent[person.email.lowercased()]
                if let last, last.method == .request {
                    if !hash.hasPrefix(last.contentHash) {
                        result.append(make(.request, .updated, to: person, attendees: invitees, after: last))
                    }
                } else if open {
                    result.append(make(.request, .new, to: person, attendees: invitees, after: last))
                }
            }
            for (address, last) in sent.sorted(by: { $0.key < $1.key }) where last.method == .request && !current.contains(address) {
                let person = ICalPerson(name: "", email: address)
                result.append(make(.cancel, .withdrawn, to: person, attendees: [person], after: last))
            }
        }
        let scheduled = history.isEmpty ? [] : Set(plan.schedule.meetings.map { $0.uid(domain: domain) })
        for (uid, sent) in history.sorted(by: { $0.key < $1.key }) where !scheduled.contains(uid) {
            for (address, last) in sent.sorted(by: { $0.key < $1.key }) where last.method == .request && last.start > now {
                result.append(leftPlan(uid: uid, address: address, after: last, stamp: builder.stamp))
            }
        }
        return result
    }

    /// The CANCEL of meeting `uid`, which left the plan, to `address`, after the request `last`:
    /// the event as far as the outbox knows it (its UID and start; the title of its structure
    /// while the config still has it, else the structure's id from the UID).
    private func leftPlan(uid: String, address: String, after last: Invitation.Sent, stamp: ICalUTCStamp) -> Invitation {
        let structureID = Self.structureID(uid: uid)
        let title = structureID.flatMap { configuration.structure($0)?.title } ?? structureID ?? uid
        let person = ICalPerson(name: "", email: address)
        let start = EventBuilder.icalTime(last.start)
        let event = ICalEvent(
            uid: uid, dtstamp: stamp, sequence: last.sequence + 1, start: start, end: start, summary: title, status: .cancelled,
            organizer: ICalPerson(name: sender.name ?? "", email: sender.address), attendees: [person])
        let hash = Self.leftPlanHash
        return Invitation(
            id: Invitation.identity(.cancel, uid: uid, address: address, sequence: event.sequence, contentHash: hash),
            method: .cancel, change: .leftPlan, meeting: nil, start: last.start, title: title, recipient: person, event: event,
            contentHash: hash)
    }

    /// What the identity of a CANCEL of a meeting that left the plan carries for a content hash.
    static let leftPlanHash = "utenforplanen"

    /// The structure's id in a UID `<structure>[.<instance>]-<yyyymmdd>[-<slot>]@<domain>`, or nil.
    static func structureID(uid: String) -> String? {
        guard let local = uid.split(separator: "@").first else { return nil }
        let parts = local.split(separator: "-", omittingEmptySubsequences: false)
        // The date is the last part of eight digits; the structure (and instance) come before it.
        guard let dateAt = parts.lastIndex(where: { $0.count == 8 && $0.allSatisfy(\.isNumber) }), dateAt > 0 else { return nil }
        let head = parts[..<dateAt].joined(separator: "-")
        return head.split(separator: ".").first.map(String.init)
    }
}
