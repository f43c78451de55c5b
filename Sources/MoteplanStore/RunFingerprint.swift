import Crypto
import Foundation
import GRDB
import MoteplanFeeds

/// What the last complete `ics` run read and left, so that the next run can tell in a few
/// milliseconds that it has nothing to do (the steady state of a nightly cron job).
///
/// A run may skip everything only when all of these are as that run left them:
/// - its inputs besides the store (`inputs`: the config's bytes, the program, the zone's
///   VTIMEZONE, the output directories, the cache format);
/// - the store: no write transaction since (`generation`, raised by every `StateStore.write`);
/// - the files: every feed's `FeedStamp` (size, mtime, inode) and the manifests' bytes;
/// - the time: no rotation term has begun since that is not recorded yet.
/// Anything else — an edited config, `meeting move`, a term that began, a feed touched on disk,
/// a new moteplan — makes the run a full one, which saves a new fingerprint at its end.
public struct RunFingerprint: Sendable, Equatable {
    /// The digest of the run's inputs besides the store (`RunInputs`).
    public var inputs: String
    /// The store generation after the run's last transaction.
    public var generation: Int
    /// The digest of the output directories' manifests as the run left them.
    public var manifests: String
    /// Feed files (public and private) the run published.
    public var feeds: Int
    /// Meetings in its schedule.
    public var meetings: Int

    /// Creates a fingerprint.
    public init(inputs: String, generation: Int, manifests: String, feeds: Int, meetings: Int) {
        self.inputs = inputs
        self.generation = generation
        self.manifests = manifests
        self.feeds = feeds
        self.meetings = meetings
    }

    /// The digest of the manifests in `directories` (a missing one counts as empty, marked).
    static func manifests(in directories: [String]) -> String {
        var hash = SHA256()
        for directory in directories {
            let path = directory + "/" + FeedWriter.manifestName
            hash.update(data: Array(path.utf8) + [0])
            if let data = FileManager.default.contents(atPath: path) {
                hash.update(data: Array("\(data.count)\n".utf8))
                hash.update(data: data)
            } else {
                hash.update(data: Array("missing\n".utf8))
            }
        }
        return RunInputs.hex(hash.finalize())
    }

    /// Whether every stamped feed file is still the file its stamp describes, and there are `feeds` of them.
    static func filesIntact(_ stamps: [String: FeedStamp], feeds: Int) -> Bool {
        stamps.count == feeds && stamps.allSatisfy { target, stamp in stamp.describes(target, digest: stamp.digest) }
    }
}

/// The inputs of an `ics` run that are not in the state store, as one SHA-256 digest: the
/// config's text, the program (a rebuilt moteplan is another program), and what the publication
/// adds itself (zone, directories, cache format).
public struct RunInputs: Sendable, Equatable {
    /// The config file's text, exactly as read.
    public var configSource: String
    /// What identifies the running program: its version and its executable's size, mtime and inode.
    public var program: String

    /// Creates the inputs.
    public init(configSource: String, program: String) {
        self.configSource = configSource
        self.program = program
    }

    /// The digest with `more` (name, value) pairs added in order.
    func digest(_ more: [(String, String)]) -> String {
        var hash = SHA256()
        for (name, value) in [("config", configSource), ("program", program)] + more {
            // Length-prefixed, so no two different lists give the same bytes.
            hash.update(data: Array("\(name) \(value.utf8.count)\n".utf8))
            hash.update(data: Array(value.utf8))
        }
        return Self.hex(hash.finalize())
    }

    static func hex(_ digest: SHA256.Digest) -> String {
        digest.map { $0 < 16 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
    }
}

/// The run fingerprint (`run_fingerprint`) and the store generation (`store_generation`).
extension StateTransaction {
    /// The store generation, as raised by this transaction.
    public func generation() throws -> Int {
        try Int.fetchOne(db, sql: "SELECT n FROM store_generation WHERE id = 1") ?? 0
    }

    /// The last complete run's fingerprint, if any.
    public func runFingerprint() throws -> RunFingerprint? {
        try Row.fetchOne(db, sql: "SELECT inputs, generation, manifests, feeds, meetings FROM run_fingerprint WHERE id = 1")
            .map { RunFingerprint(inputs: $0[0], generation: $0[1], manifests: $0[2], feeds: $0[3], meetings: $0[4]) }
    }

    /// Stores `fingerprint` (replacing the one before).
    public func saveRunFingerprint(_ fingerprint: RunFingerprint) throws {
        try db.execute(
            sql: "INSERT OR REPLACE INTO run_fingerprint (id, inputs, generation, manifests, feeds, meetings) VALUES (1, ?, ?, ?, ?, ?)",
            arguments: [fingerprint.inputs, fingerprint.generation, fingerprint.manifests, fingerprint.feeds, fingerprint.meetings])
    }
}
