import Foundation
import MoteplanServer
import Testing

/// A changed config is loaded by a child first: whatever that child does (crash, hang, refuse),
/// the server keeps serving the last good snapshot and takes the new one only after a pass.
struct PreflightTests {
    @Test func theOutcomesOfARealChild() {
        #expect(Preflight(command: ["/bin/true"], deadline: .seconds(10)).run() == .passed)
        #expect(Preflight(command: ["/bin/sh", "-c", "kill -SEGV $$"], deadline: .seconds(10)).run() == .crashed(SIGSEGV))
        #expect(Preflight(command: ["/bin/sh", "-c", "kill -ILL $$"], deadline: .seconds(10)).run() == .crashed(SIGILL))
        let start = ContinuousClock.now
        #expect(Preflight(command: ["/bin/sleep", "600"], deadline: .seconds(1)).run() == .timedOut)
        #expect(ContinuousClock.now - start < .seconds(30))
        guard case .refused(let why) = Preflight(command: ["/bin/sh", "-c", "echo 'x.toml:3:1: error: bad' >&2; exit 2"], deadline: .seconds(10)).run() else {
            Issue.record("an exit 2 is a refusal")
            return
        }
        #expect(why == "exit 2: x.toml:3:1: error: bad")
        guard case .notStarted = Preflight(command: ["/nonexistent/moteplan"], deadline: .seconds(1)).run() else {
            Issue.record("a missing binary cannot check")
            return
        }
    }

    /// The cache with a child that crashes, then one that hangs: the old snapshot stays; with a
    /// passing child the new files are served.
    @Test func theCacheKeepsServingWhileAChildCrashesOrHangs() throws {
        let marker = FileManager.default.temporaryDirectory.appendingPathComponent("preflight-\(UUID().uuidString)").path
        // The child's behaviour is read from a file, so one server meets all three.
        let script = "case $(cat \(marker)) in crash) kill -SEGV $$;; hang) sleep 600;; *) exit 0;; esac"
        let fixture = try ServerFixture()
        let server = try fixture.server(preflight: Preflight(command: ["/bin/sh", "-c", script], deadline: .seconds(2)))
        let good = try #require(server.cache.current().publicFeeds["alle.ics"]?.etag)
        for behaviour in ["crash", "hang"] {
            try Data(behaviour.utf8).write(to: URL(fileURLWithPath: marker))
            try fixture.writeConfig(replacing: ("name = \"Melhus kommune\"", "name = \"Melhus kommune (\(behaviour))\""))
            #expect(!server.cache.reload(reason: "test \(behaviour)"))
            #expect(server.cache.current().publicFeeds["alle.ics"]?.etag == good, "\(behaviour)")
        }
        try Data("pass".utf8).write(to: URL(fileURLWithPath: marker))
        try fixture.writeConfig(replacing: ("name = \"Melhus kommune\"", "name = \"Melhus kommune (ny)\""))
        #expect(server.cache.reload(reason: "test pass"))
        #expect(server.cache.current().publicFeeds["alle.ics"]?.etag != good)
        try? FileManager.default.removeItem(atPath: marker)
    }
}
