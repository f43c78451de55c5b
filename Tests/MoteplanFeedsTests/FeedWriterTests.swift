import Foundation
import MoteplanFeeds
import Testing

/// The streaming writer: a feed is rewritten exactly when its bytes differ from the file on disk.
struct FeedWriterTests {
    static func directory() throws -> String {
        let path = NSTemporaryDirectory() + "moteplan-writer-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func rewritesExactlyTheFilesWhoseBytesDiffer() throws {
        let dir = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let writer = FeedWriter(directory: dir)
        // Parts bigger than the writer's buffer, so the comparison crosses buffer boundaries.
        let big = String(repeating: "BEGIN:VEVENT\r\nEND:VEVENT\r\n", count: 50_000)
        let files = [
            FeedFile(path: "a.ics", parts: ["head\r\n", big, "tail\r\n"]),
            FeedFile(path: "b/c.ics", parts: ["æøå\r\n", big]),
        ]
        let first = try writer.write(files)
        #expect(first.written == ["a.ics", "b/c.ics"])
        #expect(try String(contentsOfFile: dir + "/a.ics", encoding: .utf8) == "head\r\n" + big + "tail\r\n")
        #expect(try String(contentsOfFile: dir + "/b/c.ics", encoding: .utf8) == "æøå\r\n" + big)

        #expect(try writer.write(files).unchanged == ["a.ics", "b/c.ics"])

        // Same size, one byte different at the very end; and a file on disk with bytes appended.
        let sameSize = FeedFile(path: "a.ics", parts: ["head\r\n", big, "tail\n\n"])
        let again = try writer.write([sameSize, files[1]])
        #expect(again.written == ["a.ics"])
        #expect(again.unchanged == ["b/c.ics"])
        let handle = try #require(FileHandle(forWritingAtPath: dir + "/b/c.ics"))
        handle.seekToEndOfFile()
        handle.write(Data("x".utf8))
        try handle.close()
        #expect(try writer.write([sameSize, files[1]]).written == ["b/c.ics"])
        #expect(try String(contentsOfFile: dir + "/b/c.ics", encoding: .utf8) == "æøå\r\n" + big)
    }
}
