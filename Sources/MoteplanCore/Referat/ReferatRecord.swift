/// A delivered referat, as the state store keeps it: the meeting, who delivered it, when, and
/// at most a reference (an archive id or a link). Never its content.
public struct ReferatRecord: Sendable, Hashable {
    /// The meeting's UID.
    public var uid: String
    /// The day it was delivered.
    public var delivered: LocalDate
    /// Who delivered it.
    public var deliveredBy: String?
    /// An archive id or a link.
    public var reference: String?

    /// Creates a record.
    public init(uid: String, delivered: LocalDate, deliveredBy: String?, reference: String?) {
        self.uid = uid
        self.delivered = delivered
        self.deliveredBy = deliveredBy
        self.reference = reference
    }

    /// Checks a reference: one line, short, and not the referat itself.
    public static func validateReference(_ text: String) -> String? {
        if text.contains(where: { $0 == "\n" || $0 == "\r" }) {
            return "--ref must be one line: an archive id or a link, never the referat's text."
        }
        if text.count > 200 {
            return "--ref is \(text.count) characters; give an archive id or a link (at most 200), never the referat's text."
        }
        return nil
    }
}
