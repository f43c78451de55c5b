import Foundation
import MoteplanCore
import MoteplanStore
import Testing

/// `PersonalLinks` as the reminder code uses it: a stable link per person, derived from one key
/// that concurrent first runs agree on; rotation revokes; lookups by token find the person.
struct PersonalLinksStoreTests {
    static let moment = LocalDateTime(date: LocalDate(daysSinceEpoch: 20_727), time: .midnight)

    @Test func linksAreStableRotateAndFindTheirPerson() throws {
        let directory = try StoreFixtures.temporaryDirectory()
        let store = try StateStore.openForWriting(path: directory.appendingPathComponent("s.state.sqlite").path)
        let links = try PersonalLinks(store: store, baseURL: "https://m.example.no", now: Self.moment, actor: "test")
        let first = try #require(links.link(for: "eid"))
        #expect(first.hasPrefix("https://m.example.no/meg/"))
        // base64url of 32 bytes without padding: 43 characters of A–Z a–z 0–9 - _.
        let token = String(first.dropFirst("https://m.example.no/meg/".count))
        #expect(token.count == 43)
        #expect(token.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
        #expect(links.link(for: "eid") == first)
        #expect(links.link(for: "gimse") != first)
        // Opened again (a later cron run): the same key, the same link.
        let again = try PersonalLinks(store: store, baseURL: "https://m.example.no", now: Self.moment, actor: "test")
        #expect(again.link(for: "eid") == first)
        #expect(try store.read { try PersonalLinks.person(token: token, in: $0) } == "eid")
        let rotated = try links.rotate("eid")
        #expect(rotated != token)
        #expect(try store.read { try PersonalLinks.person(token: token, in: $0) } == nil)
        #expect(try store.read { try PersonalLinks.person(token: rotated, in: $0) } == "eid")
        #expect(links.link(for: "eid") == "https://m.example.no/meg/\(rotated)")
        // Without base_url a mail cannot carry a link.
        let relative = try PersonalLinks(store: store, baseURL: nil, now: Self.moment, actor: "test")
        #expect(relative.link(for: "eid") == nil)
    }

    @Test func concurrentFirstRunsAgreeOnTheKey() throws {
        for _ in 0..<5 {
            let directory = try StoreFixtures.temporaryDirectory()
            let path = directory.appendingPathComponent("s.state.sqlite").path
            let store = try StateStore.openForWriting(path: path)
            let results = Results()
            DispatchQueue.concurrentPerform(iterations: 4) { _ in
                let token = (try? PersonalLinks(store: store, baseURL: nil, now: Self.moment, actor: "test"))
                    .flatMap { try? $0.token(for: "eid") }
                results.add(token ?? "failed")
            }
            #expect(Set(results.all).count == 1)
            #expect(!results.all.contains("failed"))
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.contains(".new-") }
            #expect(leftovers.isEmpty)
        }
    }
}

/// Values collected from concurrent work.
final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String] = []

    func add(_ value: String) { lock.withLock { values.append(value) } }
    var all: [String] { lock.withLock { values } }
}
