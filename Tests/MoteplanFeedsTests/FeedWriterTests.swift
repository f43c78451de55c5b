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

    /// A vanished feed is removed only when it is a regular file reached through real
    /// directories: a planted symbolic link to a directory elsewhere, or a directory with a
    /// feed's name, is left alone (today's main followed the link and removed recursively).
    @Test func removalNeverFollowsLinksNorRemovesDirectories() throws {
        let dir = try Self.directory()
        let outside = try Self.directory()
        defer {
            try? FileManager.default.removeItem(atPath: dir)
            try? FileManager.default.removeItem(atPath: outside)
        }
        let writer = FeedWriter(directory: dir)
        _ = try writer.write([
            FeedFile(path: "alle.ics", text: "A\r\n"), FeedFile(path: "x/a.ics", text: "B\r\n"),
            FeedFile(path: "d.ics", text: "C\r\n"), FeedFile(path: "gone/old.ics", text: "D\r\n"),
        ])
        // Someone replaces x/ with a link to a directory holding precious files, and d.ics with
        // a directory that holds something.
        try FileManager.default.removeItem(atPath: dir + "/x")
        try Data("precious".utf8).write(to: URL(fileURLWithPath: outside + "/a.ics"))
        try FileManager.default.createSymbolicLink(atPath: dir + "/x", withDestinationPath: outside)
        try FileManager.default.removeItem(atPath: dir + "/d.ics")
        try FileManager.default.createDirectory(atPath: dir + "/d.ics", withIntermediateDirectories: false)
        try Data("inside".utf8).write(to: URL(fileURLWithPath: dir + "/d.ics/keep"))

        let report = try writer.write([FeedFile(path: "alle.ics", text: "A\r\n")])
        #expect(report.removed == ["gone/old.ics"])
        #expect(!FileManager.default.fileExists(atPath: dir + "/gone"))
        #expect(try String(contentsOfFile: outside + "/a.ics", encoding: .utf8) == "precious")
        #expect(try String(contentsOfFile: dir + "/d.ics/keep", encoding: .utf8) == "inside")
    }
}
