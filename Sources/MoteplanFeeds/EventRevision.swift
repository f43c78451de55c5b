import MoteplanCore
import MoteplanICal

/// SEQUENCE and DTSTAMP of one event, as the state store keeps them.
public struct EventRevision: Sendable, Hashable {
    /// SEQUENCE.
    public var sequence: Int
    /// DTSTAMP.
    public var dtstamp: ICalUTCStamp

    /// Creates a revision.
    public init(sequence: Int, dtstamp: ICalUTCStamp) {
        self.sequence = sequence
        self.dtstamp = dtstamp
    }

    /// `YYYYMMDDTHHMMSSZ`.
    public var stampText: String { dtstamp.description }

    /// Parses `YYYYMMDDTHHMMSSZ` (or without the Z; any other non-digits are skipped).
    public static func stamp(from text: String) -> ICalUTCStamp? {
        var digits: [Int] = []
        digits.reserveCapacity(14)
        for byte in text.utf8 where (48...57).contains(byte) { digits.append(Int(byte) - 48) }
        guard digits.count == 14 else { return nil }
        func number(_ from: Int, _ length: Int) -> Int { digits[from..<(from + length)].reduce(0) { $0 * 10 + $1 } }
        return ICalUTCStamp(
            year: number(0, 4), month: number(4, 2), day: number(6, 2), hour: number(8, 2), minute: number(10, 2),
            second: number(12, 2))
    }
}

/// A stable hash of everything an event says except DTSTAMP and SEQUENCE: a change of it is
/// a change subscribers must see. FNV-1a (64-bit) over a canonical text of the fields; stable
/// across runs and machines, unlike Swift's seeded `Hasher`.
public enum ContentHash {
    /// The hash of `event`'s content, as 16 hex digits: the fields joined by U+001E, where the
    /// categories and a person's name and address are joined by U+001F; fed to the hash piece by
    /// piece (stored revisions depend on these exact bytes: ContentHashTests holds the joined form).
    public static func of(_ event: ICalEvent) -> String {
        var hash = StableHash()
        let fieldSeparator = "\u{1E}"
        let pieceSeparator = "\u{1F}"
        func pieces(_ values: [String]) {
            for (i, value) in values.enumerated() {
                if i > 0 { hash.add(pieceSeparator) }
                hash.add(value)
            }
        }
        for text in [event.uid, event.start.description, event.end.description, event.summary, event.description, event.location ?? ""] {
            hash.add(text)
            hash.add(fieldSeparator)
        }
        pieces(event.categories)
        hash.add(fieldSeparator)
        hash.add(event.status.rawValue)
        hash.add(fieldSeparator)
        pieces(event.organizer.map { [$0.name, $0.email] } ?? [])
        for attendee in event.attendees {
            hash.add(fieldSeparator)
            pieces([attendee.name, attendee.email])
        }
        return hash.hex
    }
}
