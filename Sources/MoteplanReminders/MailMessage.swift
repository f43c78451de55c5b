import Foundation

/// An RFC 5322 message: headers with RFC 2047 encoded words where they hold non-ASCII text, and
/// a UTF-8 text body. (Invitations, with their calendar part, are `InvitationMessage`.)
struct MailMessage {
    /// The From value as configured: `addr` or `Name <addr>`.
    var from: String
    /// The recipient's address and display name.
    var to: (name: String?, address: String)
    /// The subject (any Unicode).
    var subject: String
    /// The body text, lines separated by "\n".
    var body: String
    /// The Date header value.
    var date: String
    /// The Message-ID, with angle brackets.
    var messageID: String
    /// The reminder's identity, for X-Moteplan-Reminder.
    var reminderID: String
    /// Whether this is a repeated delivery after an interrupted run.
    var resend: Bool

    /// The whole message with CRLF line endings.
    func render() -> String {
        var headers = [
            "Date: \(date)",
            "From: \(Self.mailbox(from))",
            "To: \(Self.mailbox(name: to.name, address: to.address))",
            "Subject: \(Self.encodedWords(subject, used: "Subject: ".count))",
            "Message-ID: \(messageID)",
            "MIME-Version: 1.0",
            "Auto-Submitted: auto-generated",
            "X-Moteplan-Reminder: \(Self.asciiOnly(reminderID))",
        ]
        if resend { headers.append("X-Moteplan-Resend: yes") }
        let text = body.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n")
        headers += ["Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit"]
        return headers.joined(separator: "\r\n") + "\r\n\r\n" + text + (text.hasSuffix("\r\n") ? "" : "\r\n")
    }

    /// A boundary nobody can predict (128 random bits), so no text placed in a part can close it.
    static func randomBoundary() -> String {
        var generator = SystemRandomNumberGenerator()
        let bits = (0..<4).map { _ in String(generator.next() as UInt32, radix: 16) }
        return "=_moteplan_" + bits.map { String(repeating: "0", count: 8 - $0.count) + $0 }.joined()
    }

    /// `Name <addr>` with the name quoted or encoded as needed.
    static func mailbox(name: String?, address: String) -> String {
        guard let name, !name.isEmpty else { return address }
        if name.unicodeScalars.allSatisfy({ $0.isASCII && $0.value >= 32 }) {
            let escaped = name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            return "\"\(escaped)\" <\(address)>"
        }
        return "\(encodedWords(name, used: 6)) <\(address)>"
    }

    /// A configured `addr` or `Name <addr>`, re-encoded.
    static func mailbox(_ configured: String) -> String {
        if let open = configured.lastIndex(of: "<"), configured.hasSuffix(">") {
            let name = configured[..<open].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            let address = String(configured[configured.index(after: open)..<configured.index(before: configured.endIndex)])
            return mailbox(name: name, address: address)
        }
        return configured
    }

    /// RFC 2047 `=?UTF-8?B?…?=` words (each at most 75 characters, split on whole characters,
    /// folded onto continuation lines); plain ASCII text is returned as is.
    static func encodedWords(_ text: String, used: Int) -> String {
        if text.unicodeScalars.allSatisfy({ $0.isASCII && $0.value >= 32 }) && text.count + used <= 78 { return text }
        var words: [String] = []
        var chunk = Data()
        for character in text {
            let bytes = Data(String(character).utf8)
            if chunk.count + bytes.count > 45 {
                words.append("=?UTF-8?B?\(chunk.base64EncodedString())?=")
                chunk = Data()
            }
            chunk.append(bytes)
        }
        if !chunk.isEmpty { words.append("=?UTF-8?B?\(chunk.base64EncodedString())?=") }
        return words.joined(separator: "\r\n ")
    }

    static func asciiOnly(_ text: String) -> String {
        String(text.unicodeScalars.map { $0.isASCII && $0.value >= 32 ? Character($0) : "?" })
    }

    /// RFC 5322 date-time of a local time in `zone`: "Sun, 22 Nov 2026 08:00:00 +0100".
    static func date(year: Int, month: Int, day: Int, hour: Int, minute: Int, zone: String) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: zone) ?? TimeZone(secondsFromGMT: 0) ?? .current
        let instant = calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute)) ?? Date(timeIntervalSince1970: 0)
        let offset = calendar.timeZone.secondsFromGMT(for: instant) / 60
        let weekday = calendar.component(.weekday, from: instant)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let sign = offset < 0 ? "-" : "+"
        let zoneText = "\(sign)\(two(abs(offset) / 60))\(two(abs(offset) % 60))"
        return "\(days[(weekday - 1) % 7]), \(day) \(months[(month - 1) % 12]) \(year) \(two(hour)):\(two(minute)):00 \(zoneText)"
    }
}
