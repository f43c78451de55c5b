/// Makes Swift strings safe to hand to libical as TEXT values or parameter values.
enum TextCleaning {
    /// For TEXT values: CRLF and CR become LF, other control characters except TAB are dropped.
    ///
    /// libical escapes LF as `\n` but writes other control characters (and NUL would truncate) as is.
    static func text(_ value: String) -> String {
        guard needsCleaning(value, keepingNewlines: true) else { return value }
        var scalars = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in value.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\r": scalars.append("\n")
            case "\n": if !previousWasCR { scalars.append(scalar) }
            case "\t": scalars.append(scalar)
            default: if !isControl(scalar) { scalars.append(scalar) }
            }
        }
        return String(scalars)
    }

    /// For parameter values such as CN: every control character (newlines too) becomes a space.
    static func parameter(_ value: String) -> String {
        guard needsCleaning(value, keepingNewlines: false) else { return value }
        return String(String.UnicodeScalarView(value.unicodeScalars.map { isControl($0) ? " " : $0 }))
    }

    private static func needsCleaning(_ value: String, keepingNewlines: Bool) -> Bool {
        value.utf8.contains { byte in
            (byte < 0x20 && !(keepingNewlines && (byte == 0x0A || byte == 0x09))) || byte == 0x7F
        }
    }

    /// RFC 5545's CONTROL characters (C0 and DEL); TAB and LF are handled by the callers.
    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || scalar.value == 0x7F
    }
}
