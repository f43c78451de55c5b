/// Rules for free text that reaches a mail, a feed or a page (names, titles, reasons, references):
/// no control characters, judged by Unicode scalar, never by Character ("\r\n" is one Character
/// equal to neither "\r" nor "\n", so a Character test lets CRLF through).
public enum FreeText {
    /// The first scalar in `text` that must not appear in one line of free text: the C0 and C1
    /// controls (NUL, BEL, ESC, CR, LF, TAB, DEL, …) and the Unicode line and paragraph separators.
    public static func firstControl(in text: some StringProtocol) -> Unicode.Scalar? {
        text.unicodeScalars.first(where: isControl)
    }

    /// Whether `scalar` is a control character or a line/paragraph separator.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .control || scalar.value == 0x2028 || scalar.value == 0x2029
    }

    /// `U+000D`, the way the messages name a character a user cannot see.
    public static func name(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// Why `text` cannot be used as one line of `field`, or nil when it can.
    public static func problem(_ text: some StringProtocol, field: String) -> String? {
        guard let bad = firstControl(in: text) else { return nil }
        return "\(field) contains the control character \(name(bad)); write it as one line of plain text."
    }
}
