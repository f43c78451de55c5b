import MoteplanICal
import Testing

/// Long lines fold at ≤ 75 octets between whole UTF-8 characters, with CRLF, and unfold losslessly.
struct FoldingTests {
    /// Descriptions that force folds: with spaces, and one long run of 1- to 4-byte characters.
    static let descriptions = [
        Fixtures.longDescription,
        String(repeating: "æøåÆØÅ", count: 30),
        String(repeating: "aæ€𝄞", count: 40),
        String(repeating: "Møte, sak; vedtak: ", count: 12) + "slutt",
    ]

    @Test(arguments: descriptions)
    func foldsWithinLimitsAndUnfoldsToTheSameText(description: String) throws {
        var event = Fixtures.confirmed
        event.description = description
        let text = try Fixtures.serializer().serialize([event])

        #expect(text.hasSuffix("\r\n"))
        let lines = Fixtures.lines(text)
        for line in lines {
            let bytes = Array(line.utf8)
            #expect(bytes.count <= 75, "\(bytes.count) octets: \(line)")
            #expect(!bytes.contains(0x0A) && !bytes.contains(0x0D), "bare CR or LF inside a line")
        }
        // A fold inside a UTF-8 character would have been repaired to U+FFFD when libical's bytes
        // became a String (and the unfolded text below would then differ from the input).
        #expect(!text.unicodeScalars.contains("\u{FFFD}"), "a fold split a UTF-8 character")
        #expect(lines.contains { $0.hasPrefix(" ") }, "the DESCRIPTION should have been folded")

        let unfolded = Fixtures.lines(Fixtures.unfold(text))
        let written = try #require(unfolded.first { $0.hasPrefix("DESCRIPTION:") })
        #expect(written.dropFirst("DESCRIPTION:".count) == Substring(Self.escaped(description)))

        let back = try #require(try FeedReader.events(in: text).first)
        #expect(Array(back.description.utf8) == Array(description.utf8))
    }

    /// RFC 5545 TEXT escaping, done independently of libical.
    static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\\": result += "\\\\"
            case ",": result += "\\,"
            case ";": result += "\\;"
            case "\n": result += "\\n"
            default: result.append(character)
            }
        }
        return result
    }
}
