/// The line-level rules of RFC 5545 §3.1 that libical's parser does not report.
enum LineFormat {
    /// CRLF endings, lines of at most 75 octets, no U+FFFD (the trace of repaired invalid UTF-8).
    ///
    /// A fold that split a UTF-8 character cannot survive in a Swift `String`: reading the bytes
    /// repairs each half to U+FFFD, so that character is what gives such a split away.
    /// Each kind of problem is reported once, with its first line and how many lines have it.
    static func problems(in text: String) -> [String] {
        var text = text
        return text.withUTF8(problems(in:))
    }

    /// The same on UTF-8 bytes.
    static func problems(in bytes: UnsafeBufferPointer<UInt8>) -> [String] {
        var bareLF = LineTally(what: "ends with LF instead of CRLF")
        var tooLong = LineTally(what: "is longer than 75 octets")
        var replaced = LineTally(
            what: "contains U+FFFD, the trace of invalid UTF-8 such as a fold inside a character")
        var line = 1
        var length = 0
        var previous: UInt8 = 0
        var matched = 0  // how many bytes of U+FFFD (EF BF BD) were just seen
        for byte in bytes {
            defer { previous = byte }
            if byte == 0x0A {
                let endsWithCR = previous == 0x0D
                if !endsWithCR { bareLF.add(line) }
                if length - (endsWithCR ? 1 : 0) > 75 { tooLong.add(line) }
                line += 1
                length = 0
                continue
            }
            switch (matched, byte) {
            case (_, 0xEF): matched = 1
            case (1, 0xBF): matched = 2
            case (2, 0xBD):
                replaced.add(line)
                matched = 0
            default: matched = 0
            }
            length += 1
        }
        var problems = [bareLF, tooLong, replaced].compactMap(\.message)
        if length > 0 { problems.append("line \(line): the text does not end with CRLF") }
        return problems
    }

    /// Counts the lines with one kind of problem and remembers the first.
    private struct LineTally {
        let what: String
        var first: Int?
        var count = 0

        mutating func add(_ line: Int) {
            if first == nil { first = line }
            count += 1
        }

        var message: String? {
            guard let first else { return nil }
            return count == 1 ? "line \(first) \(what)" : "line \(first) \(what) (\(count) lines in all)"
        }
    }
}
