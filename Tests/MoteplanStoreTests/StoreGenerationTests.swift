import Foundation
import MoteplanStore
import Testing

/// The store generation (`store_generation`): every write transaction raises it, a rolled-back one
/// does not, and reads never do. The run fingerprint of `ics` relies on it to learn that nothing
/// was written since the last complete run.
struct StoreGenerationTests {
    struct Refused: Error {}

    @Test func everyCommittedWriteRaisesTheGenerationOnce() throws {
        let directory = try StoreFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try StateStore.openForWriting(path: directory.appendingPathComponent("s.sqlite").path)
        let start = try store.read { try $0.generation() }
        // Inside a write the generation is already raised; an empty write counts too (it could have written).
        #expect(try store.write { try $0.generation() } == start + 1)
        #expect(try store.read { try $0.generation() } == start + 1)
        #expect(throws: Refused.self) { try store.write { _ in throw Refused() } }
        #expect(try store.read { try $0.generation() } == start + 1)
        try store.write { try $0.setPendingPublication([]) }
        #expect(try store.read { try $0.generation() } == start + 2)
        // A fingerprint is stored as given, and read back whole.
        let fingerprint = RunFingerprint(inputs: "abc", generation: 7, manifests: "def", feeds: 3, meetings: 40)
        try store.write { try $0.saveRunFingerprint(fingerprint) }
        #expect(try store.read { try $0.runFingerprint() } == fingerprint)
    }
}
