import Foundation
import MoteplanCore
import MoteplanFeeds
import MoteplanICal
import MoteplanStore
import PropertyBased
import Testing

/// SEQUENCE and DTSTAMP bookkeeping through `FeedPublication`, with a real SQLite file.
struct PublicationTests {
    func publish(_ config: Configuration, store: StateStore, out: URL, at day: Int) throws -> FeedPublication.Outcome {
        let now = StoreFixtures.now(2026, month: 9, day: day)
        let utc = ICalUTCStamp(year: 2026, month: 9, day: day, hour: 7, minute: 0)
        return try FeedPublication(configuration: config, store: store, directory: out.path).run(now: now, nowUTC: utc)
    }

    /// Every regular file under `directory` with its bytes; a file that cannot be read fails the test
    /// (directories are skipped by type, not by a failed read).
    static func contents(of directory: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for path in try FileManager.default.subpathsOfDirectory(atPath: directory.path) {
            let url = directory.appendingPathComponent(path)
            guard try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true else { continue }
            result[path] = try Data(contentsOf: url)
        }
        return result
    }

    func sequences(_ out: URL) throws -> [String: Int] {
        let text = try String(contentsOf: out.appendingPathComponent("alle.ics"), encoding: .utf8)
        return Dictionary(uniqueKeysWithValues: try FeedReader.events(in: text).map { ($0.uid, $0.sequence) })
    }

    @Test func sequenceNeverDecreasesAndMovesOnlyWithContent() async throws {
        // Random walks over three variants of a config: each change of variant changes every
        // event's content, so SEQUENCE must grow by exactly one; staying must change nothing.
        await propertyCheck(count: 15, input: Gen.int(in: 0...2).array(of: 2...8)) { walk in
            let directory = try StoreFixtures.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            let store = try StateStore.openForWriting(path: directory.appendingPathComponent("s.sqlite").path)
            let out = directory.appendingPathComponent("feeds")
            let variants = try ["13:00", "13:30", "14:00"].map {
                try StoreFixtures.rotationConfig(candidates: ["r0", "r1"], first: "r0", start: $0)
            }
            var previous: [String: Int] = [:]
            var previousVariant: Int?
            var expectedSequence = 0
            for (step, variant) in walk.enumerated() {
                let outcome = try publish(variants[variant], store: store, out: out, at: step + 1)
                let now = try sequences(out)
                if let previousVariant {
                    if previousVariant != variant { expectedSequence += 1 }
                    #expect(outcome.revised == (previousVariant == variant ? 0 : now.count))
                }
                #expect(now.values.allSatisfy { $0 == expectedSequence }, "step \(step): \(Set(now.values))")
                for (uid, sequence) in now { #expect(sequence >= previous[uid] ?? 0) }
                previous = now
                previousVariant = variant
            }
        }
    }

    @Test func unchangedConfigChangesNothing() async throws {
        await propertyCheck(count: 10, input: Gen.int(in: 1...6), Gen.int(in: 8...15), Gen.int(in: 2...200)) { size, hour, laterDay in
            let directory = try StoreFixtures.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            let store = try StateStore.openForWriting(path: directory.appendingPathComponent("s.sqlite").path)
            let out = directory.appendingPathComponent("feeds")
            let candidates = (0..<size).map { "r\($0)" }
            let config = try StoreFixtures.rotationConfig(candidates: candidates, first: "r0", start: "\(hour):00")
            _ = try publish(config, store: store, out: out, at: 1)
            let files = try FileManager.default.subpathsOfDirectory(atPath: out.path).sorted()
            let before = try Self.contents(of: out)
            #expect(!before.isEmpty)
            let revisions = try store.read { try $0.revisions() }
            let terms = try store.read { try $0.recordedTerms() }
            // Later the same term (any day up to mid-February), nothing changed: nothing may change.
            let now = StoreFixtures.now(2026, month: 9, day: 1).date.adding(days: laterDay)
            let second = try FeedPublication(configuration: config, store: store, directory: out.path).run(
                now: LocalDateTime(date: now, time: .midnight),
                nowUTC: ICalUTCStamp(year: now.year, month: now.month, day: now.day, hour: 0, minute: 0))
            #expect(second.written == 0 && second.revised == 0 && second.recordedTerms.isEmpty)
            #expect(try FileManager.default.subpathsOfDirectory(atPath: out.path).sorted() == files)
            #expect(try Self.contents(of: out) == before)
            #expect(try store.read { try $0.revisions() } == revisions)
            #expect(try store.read { try $0.recordedTerms() } == terms)
        }
    }

    @Test func leaderChangeRevisesOnlyThatTermsMeetings() throws {
        let directory = try StoreFixtures.temporaryDirectory()
        let store = try StateStore.openForWriting(path: directory.appendingPathComponent("s.sqlite").path)
        let out = directory.appendingPathComponent("feeds")
        _ = try publish(try StoreFixtures.rotationConfig(candidates: ["r0", "r1", "r2"], first: "r0"), store: store, out: out, at: 1)
        // Reordering after 2026/27 began: 2026/27 stays r0 (history); later terms follow the new order.
        let outcome = try publish(try StoreFixtures.rotationConfig(candidates: ["r0", "r2", "r1"], first: "r0"), store: store, out: out, at: 2)
        let sequences = try sequences(out)
        #expect(sequences.filter { $0.key.contains("-2026") || $0.key.contains("-2027020") }.values.allSatisfy { $0 == 0 })
        #expect(outcome.revised > 0)
        #expect(sequences["nettverk.g-20270901@test.example.no"] == 1)  // 2027/28: r1 → r2
        #expect(sequences["nettverk.g-20270203@test.example.no"] == 0)  // 2026/27: still r0
    }
}
