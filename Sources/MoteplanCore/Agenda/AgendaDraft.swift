/// A draft sakliste for one meeting: fixed items, the referat received since the previous
/// meeting and those still missing, and the meeting's markers and guests.
public struct AgendaDraft: Sendable {
    /// The structure.
    public var structure: Structure
    /// The meeting.
    public var meeting: Meeting
    /// When the agenda closes.
    public var closes: LocalDate
    /// Fixed items from the config.
    public var items: [String]
    /// Referat delivered after the previous meeting's agenda closed and by this one's close.
    public var received: [(referat: ExpectedReferat, record: ReferatRecord)]
    /// Referat of meetings held before this agenda closed, delivered only after it closed: shown as
    /// "levert DATO, etter at saklisten ble lukket", never as missing.
    public var late: [(referat: ExpectedReferat, record: ReferatRecord)]
    /// Referat of meetings held before this agenda closed, not delivered at all.
    public var missing: [ExpectedReferat]
    /// Titles of the structures that send their referat here, in config order.
    public var senders: [String]

    /// Builds the draft for `meeting` of `structure`.
    public init(structure: Structure, meeting: Meeting, schedule: Schedule, ledger: ReferatLedger) {
        self.structure = structure
        self.meeting = meeting
        let closeDays = structure.agenda.closesDaysBefore
        closes = meeting.date.adding(days: -closeDays)
        items = structure.agenda.items
        let own = schedule.meetings.filter { $0.instance == meeting.instance && !$0.isCancelled }
        let previousClose = own.last { $0.date < meeting.date }.map { $0.date.adding(days: -closeDays) }
        var received: [(ExpectedReferat, ReferatRecord)] = []
        var late: [(ExpectedReferat, ReferatRecord)] = []
        var missing: [ExpectedReferat] = []
        for referat in ledger.expected where referat.receiver.id == structure.id && referat.meeting.date <= closes {
            if let record = ledger.records[referat.uid], record.delivered <= closes {
                if previousClose.map({ record.delivered > $0 }) ?? true { received.append((referat, record)) }
            } else if let record = ledger.records[referat.uid] {
                late.append((referat, record))
            } else {
                missing.append(referat)
            }
        }
        self.received = received
        self.late = late
        self.missing = missing
        var senders: [String] = []
        for referat in ledger.expected where referat.receiver.id == structure.id {
            let title = schedule.instances.contains { $0.structureID == referat.meeting.instance.structureID && !$0.isSingle }
                ? referat.meeting.title.components(separatedBy: " – ").first ?? referat.meeting.title
                : referat.meeting.title
            if !senders.contains(title) { senders.append(title) }
        }
        self.senders = senders
    }

    /// The agenda as plain text, Markdown or HTML, in the catalogue's language.
    public func render(_ format: AgendaFormat, in catalogue: Catalogue) -> String {
        AgendaRenderer(draft: self, catalogue: catalogue).render(format)
    }
}

/// Output formats of the agenda.
public enum AgendaFormat: String, Sendable, CaseIterable {
    /// Plain text.
    case text
    /// Markdown.
    case markdown
    /// A small HTML document.
    case html
}
