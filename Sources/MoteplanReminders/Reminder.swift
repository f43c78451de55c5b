import MoteplanCore

/// A value a reminder template can use: text, a flag, or a list of records.
public enum TemplateValue: Sendable, Hashable {
    /// A string.
    case text(String)
    /// A boolean, for sections like `{{#til_radgiver}}`.
    case flag(Bool)
    /// A list of records, for sections like `{{#mangler}}{{navn}}{{/mangler}}`.
    case list([[String: String]])

    /// The value as swift-mustache renders it.
    var mustache: Any {
        switch self {
        case .text(let text): return text
        case .flag(let flag): return flag
        case .list(let records): return records
        }
    }
}

/// One reminder cron should send once: what, to whom, from which day, and until when it matters.
public struct Reminder: Sendable, Hashable {
    /// The kinds of reminder, one template each.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// Send the innkalling.
        case innkalling
        /// Invite the guests of a marked meeting (SLT, politikontakt, vgs).
        case invitasjon
        /// The referat is due in a few days.
        case referatFrist = "referat-frist"
        /// The referat is overdue.
        case referatForfalt = "referat-forfalt"
        /// The receiving structure's agenda closes today.
        case sakliste
        /// The leader's term ends soon.
        case lederskifte
        /// A duty without fixed dates has fewer meetings registered than required this period.
        case minstekrav
    }

    /// The identity: the same reminder is never sent twice.
    public var id: String
    /// The kind.
    public var kind: Kind
    /// Who it is for (the role acting; a unit's head).
    public var recipient: Role
    /// The first day it may be sent.
    public var sendOn: LocalDate
    /// After this moment it no longer matters and is dropped.
    public var relevantUntil: LocalDateTime
    /// The meeting it is about, attached as .ics.
    public var meeting: Meeting?
    /// The template variables (without the recipient ones, added at delivery).
    public var values: [String: TemplateValue]
    /// For overdue referat: which round of the schedule this is (1, 2, …); the number the reader
    /// sees counts the reminders actually sent (`RemindJob`).
    public var round: Int = 0
    /// For referat and sakliste: the deadline the figures in the mail are counted from at sending.
    public var due: LocalDate?
    /// For the outgoing leader's lederskifte: the referat she owes, listed when held by the sending.
    public var owed: [ExpectedReferat] = []
}
