/// A referat a meeting owes: to whom, by when, and who owes it.
public struct ExpectedReferat: Sendable, Hashable {
    /// The meeting that owes it.
    public var meeting: Meeting
    /// Its UID.
    public var uid: String
    /// The receiving structure.
    public var receiver: Structure
    /// The first receiving meeting whose agenda closes after this meeting, if any.
    public var receivingMeeting: Meeting?
    /// The last day it may be delivered on time.
    public var due: LocalDate
}

/// Where an expected referat stands on a given day.
public enum ReferatState: Sendable, Hashable {
    /// The meeting has not been held.
    case notDueYet
    /// Held; may still be delivered on time until the date.
    case due(by: LocalDate)
    /// Not delivered, N days after the due date.
    case overdue(days: Int)
    /// Delivered on or before the due date.
    case deliveredOnTime(LocalDate)
    /// Delivered after the due date.
    case deliveredLate(LocalDate, days: Int)

    /// "not due yet", "due by 2027-03-01", "overdue by 3 days", "delivered on time", "delivered late".
    public var text: String {
        switch self {
        case .notDueYet: return "not due yet"
        case .due(let date): return "due by \(date)"
        case .overdue(let days): return "overdue by \(days) day\(days == 1 ? "" : "s")"
        case .deliveredOnTime: return "delivered on time"
        case .deliveredLate(_, let days): return "delivered late (\(days) day\(days == 1 ? "" : "s"))"
        }
    }

    /// Whether nothing was delivered and the due date has passed.
    public var isOverdue: Bool {
        if case .overdue = self { return true }
        return false
    }

    /// Whether a referat was delivered.
    public var isDelivered: Bool {
        switch self {
        case .deliveredOnTime, .deliveredLate: return true
        default: return false
        }
    }
}

/// Which referat are expected, when each is due, and where each stands.
///
/// Every meeting of a structure with a referat duty that is not cancelled owes one. It is due by
/// the earlier of the meeting date plus the allowed days and the agenda close (meeting date minus
/// `closes_days_before`) of the first receiving meeting whose agenda closes after the meeting,
/// moved to the previous working day of the owing structure when it falls on a closed day.
public struct ReferatLedger: Sendable {
    /// Every expected referat, in meeting order.
    public let expected: [ExpectedReferat]
    /// Deliveries by UID.
    public let records: [String: ReferatRecord]
    /// Positions in `expected` by UID, so a lookup is not a scan (the report looks up every meeting).
    private let positions: [String: Int]

    /// Builds the ledger from a schedule and the recorded deliveries.
    public init(configuration: Configuration, schedule: Schedule, records: [ReferatRecord]) {
        let domain = configuration.municipality.uidDomain
        var receiving: [String: [Meeting]] = [:]
        for meeting in schedule.meetings where !meeting.isCancelled {
            receiving[meeting.instance.structureID, default: []].append(meeting)
        }
        var expected: [ExpectedReferat] = []
        let workingDays = WorkingDayRule(configuration: configuration)
        for meeting in schedule.meetings where !meeting.isCancelled {
            guard let structure = configuration.structure(meeting.instance.structureID), let duty = structure.referat,
                let receiver = configuration.structure(duty.receiver)
            else { continue }
            let close = receiver.agenda.closesDaysBefore
            let next = receiving[receiver.id]?.first { $0.date.adding(days: -close) > meeting.date }
            var due = meeting.date.adding(days: duty.days)
            if let next { due = min(due, next.date.adding(days: -close)) }
            due = max(meeting.date, workingDays.onOrBefore(due, for: structure))
            expected.append(ExpectedReferat(
                meeting: meeting, uid: meeting.uid(domain: domain), receiver: receiver, receivingMeeting: next, due: due))
        }
        self.expected = expected
        self.positions = Dictionary(expected.enumerated().map { ($0.element.uid, $0.offset) }, uniquingKeysWith: { first, _ in first })
        self.records = Dictionary(records.map { ($0.uid, $0) }, uniquingKeysWith: { _, last in last })
    }

    /// Where `referat` stands at `now`.
    public func state(of referat: ExpectedReferat, now: LocalDateTime) -> ReferatState {
        if let record = records[referat.uid] {
            let late = referat.due.days(to: record.delivered)
            return late > 0 ? .deliveredLate(record.delivered, days: late) : .deliveredOnTime(record.delivered)
        }
        guard now >= referat.meeting.startDateTime else { return .notDueYet }
        let overdue = referat.due.days(to: now.date)
        return overdue > 0 ? .overdue(days: overdue) : .due(by: referat.due)
    }

    /// The expected referat of the meeting with `uid`.
    public func expected(uid: String) -> ExpectedReferat? { positions[uid].map { expected[$0] } }
}
