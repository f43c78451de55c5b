import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import MoteplanCore
import MoteplanServer
import MoteplanStore
import Testing

/// Personal links: `moteplan links` makes them (the store keeps hashes only), `/meg/<token>` shows
/// a person's duties with buttons that record an innkalling sent or a referat delivered (and undo
/// either), and every wrong, rotated, foreign-origin or other person's request changes nothing.
struct PersonalLinkTests {
    static let base = "https://moteplan.melhus.example.no"
    static let eid = "eid-barnehage-og-skole"
    static let gimse = "gimse-ungdomsskole"
    /// Melhus vest's November network meeting, led by Eid in 2026/27 (the rotation's first leader).
    static let vestNovember = "nettverk.melhus-vest-20261118@moteplan.melhus.example.no"
    static let now = "2026-10-01T12:00"
    static let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded", .origin: base]

    /// A form post as a browser sends it from a page with `Referrer-Policy: no-referrer`.
    static func browserForm(fetchSite: String) -> HTTPFields {
        var fields: HTTPFields = [.contentType: "application/x-www-form-urlencoded", .origin: "null"]
        if let name = HTTPFields.Element.Name("Sec-Fetch-Site") { fields[name] = fetchSite }
        return fields
    }

    /// The fixture with `[server] base_url` set.
    static func fixture() throws -> ServerFixture {
        try ServerFixture(section: ServerFixture.serverSection().replacingOccurrences(of: "[server]\n", with: "[server]\nbase_url = \"\(base)\"\n"))
    }

    /// Runs the built binary on the fixture's config and state.
    static func cli(_ fixture: ServerFixture, _ arguments: [String]) throws -> (code: Int32, out: String, err: String) {
        let process = Process()
        process.executableURL = ServeCommandTests.binary
        process.arguments = arguments + ["--config", fixture.configPath, "--state", fixture.statePath]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }

    /// `moteplan links …`: the token of each printed link, by person id.
    static func links(_ fixture: ServerFixture, _ extra: [String] = []) throws -> [String: String] {
        let result = try cli(fixture, ["links", "--now", now] + extra)
        #expect(result.code == 0, "\(result.err)")
        var tokens: [String: String] = [:]
        for line in result.out.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard let id = fields.first, let url = fields.last else { continue }
            #expect(url.hasPrefix("\(base)/meg/"), "\(line)")
            tokens[String(id)] = String(url.dropFirst("\(base)/meg/".count))
        }
        return tokens
    }

    /// The store's innkalling and referat facts and their audits: to prove a request changed nothing.
    static func facts(_ fixture: ServerFixture) throws -> [String] {
        guard let store = try StateStore.openForReading(path: fixture.statePath) else { return [] }
        return try store.read { transaction in
            try transaction.innkallingRecords().map { "innkalling \($0.uid) \($0.sent)" }
                + transaction.referatRecords().map { "referat \($0.uid) \($0.delivered) \($0.reference ?? "")" }
                + transaction.innkallingAudit() + transaction.referatAudit()
        }
    }

    /// The bytes of the store's files (database, WAL, index).
    static func storeBytes(_ fixture: ServerFixture) -> Data {
        ["", "-wal", "-shm"].compactMap { FileManager.default.contents(atPath: fixture.statePath + $0) }.reduce(Data(), +)
    }

    /// Lines of `moteplan obligations` for Eid up to New Year, as CSV.
    static func eidObligations(_ fixture: ServerFixture) throws -> String {
        let result = try cli(fixture, ["obligations", "--leader", eid, "--now", now, "--to", "2026-12-31", "--format", "csv"])
        #expect(result.code == 0, "\(result.err)")
        return result.out
    }

    /// Whether `moteplan remind --dry-run` on 26 October would send the innkalling reminder for
    /// Melhus vest's November meeting.
    static func innkallingReminderDue(_ fixture: ServerFixture) throws -> Bool {
        let result = try cli(fixture, ["remind", "--dry-run", "--now", "2026-10-26"])
        #expect(result.code == 0, "\(result.err)")
        return result.out.contains("would send: innkalling/\(vestNovember)")
    }

    /// base64url(HMAC-SHA256(key, message)) without padding, by Python's hmac: a second implementation.
    static func pythonToken(keyFile: String, message: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", "-c",
            "import hmac,hashlib,base64,sys;k=open(sys.argv[1],'rb').read();print(base64.urlsafe_b64encode(hmac.new(k,sys.argv[2].encode(),hashlib.sha256).digest()).decode().rstrip('='))",
            keyFile, message,
        ]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Rows of `query` on the SQLite file at `path`, read by Python's sqlite3 (a second client).
    static func sqlite(_ path: String, _ query: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", "-c",
            "import sqlite3,sys\nfor r in sqlite3.connect(sys.argv[1]).execute(sys.argv[2]): print('|'.join(str(v) for v in r))",
            path, query,
        ]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test func linksAreDerivedFromTheKeyAndOnlyTheirHashIsStored() throws {
        let fixture = try Self.fixture()
        let tokens = try Self.links(fixture)
        // The fixture's people with an address who lead something: three roles and three units.
        #expect(Set(tokens.keys) == [
            "leder-ffm", "leder-drofting", "slt-koordinator", Self.gimse, "lundamo-ungdomsskole", Self.eid,
        ])
        let keyFile = PersonalLinks.keyPath(statePath: fixture.statePath)
        let attributes = try FileManager.default.attributesOfItem(atPath: keyFile)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect((attributes[.size] as? NSNumber)?.intValue == 32)
        // Each token is the HMAC of "<id>/1" under the key, as Python's hmac computes it.
        for (id, token) in tokens {
            #expect(token == (try Self.pythonToken(keyFile: keyFile, message: "\(id)/1")), "\(id)")
        }
        // Run again: the same links (derived, not drawn anew).
        #expect(try Self.links(fixture) == tokens)
        // The store has each token's SHA-256 and never the token.
        let bytes = Self.storeBytes(fixture)
        for token in tokens.values {
            #expect(bytes.range(of: Data(token.utf8)) == nil)
        }
        let hashes = try Self.sqlite(fixture.statePath, "SELECT person_id, generation, token_hash FROM personal_link ORDER BY person_id")
        #expect(hashes.contains("\(Self.eid)|1|\(TokenCheck.hash(tokens[Self.eid] ?? "-"))"))
        // --role prints one person; an id without an address is refused (exit 2) and says why.
        #expect(try Self.links(fixture, ["--role", Self.gimse]) == [Self.gimse: tokens[Self.gimse] ?? "-"])
        let ppt = try Self.cli(fixture, ["links", "--role", "ppt", "--now", Self.now])
        #expect(ppt.code == 2)
        #expect(ppt.err.contains("no e-mail address"))
    }

    @Test func theButtonsRecordAndUndoAndTheObligationsFollow() async throws {
        let fixture = try Self.fixture()
        let token = try #require(try Self.links(fixture)[Self.eid])
        let page = "/meg/\(token)"
        let before = try Self.eidObligations(fixture)
        // Worked out by hand: the network meets 18 November 2026, notice_days 21 → due 28 October.
        #expect(before.contains("2026-10-28,\"Enhetsleder, Eid barnehage og skole (Eksempel: Liv Dahl)\",innkalling,nettverk,melhus-vest,2026-11-18T13:00"))
        try await fixture.live(now: Self.now) { client in
            let shown = try await client.execute(uri: page, method: .get)
            #expect(shown.status == .ok)
            #expect(shown.headers[.cacheControl] == "no-store")
            #expect(shown.headers[HTTPFields.Element.Name("Referrer-Policy")!] == "no-referrer")
            #expect(shown.text.contains("<html lang=\"nb\">"))
            #expect(shown.text.contains("Send innkalling til Tverrfaglig nettverk – Melhus vest, onsdag 18. november 2026 kl. 13:00."))
            #expect(shown.text.contains("Innkalling sendt"))
            #expect(shown.text.contains("Referat levert"))
            #expect(shown.text.contains("\(Self.base)/feeds/for/\(Self.eid).ics"))

            let sent = try await client.execute(
                uri: page, method: .post, headers: Self.form, body: .text("handling=innkalling&uid=\(Self.vestNovember)"))
            #expect(sent.status == .seeOther)
            #expect(sent.headers[.location] == "\(page)?ok=innkalling")
            #expect(sent.headers[.cacheControl] == "no-store")
            let after = try Self.eidObligations(fixture)
            #expect(!after.contains("innkalling,nettverk,melhus-vest,2026-11-18T13:00"))
            // Only that one: the lokalt team's innkalling on 28 October is still owed.
            #expect(after.contains("2026-10-28,\"Enhetsleder, Eid barnehage og skole (Eksempel: Liv Dahl)\",innkalling,lokalt-team"))
            // The reminder stops too. Worked out by hand: sent 18 November − (21 notice days + 3 lead
            // days) = 25 October, so a dry run on 26 October would send it, unless it is marked sent.
            #expect(!(try Self.innkallingReminderDue(fixture)))
            let confirmed = try await client.execute(uri: "\(page)?ok=innkalling", method: .get)
            #expect(confirmed.text.contains("Registrert: innkallingen er sendt."))
            #expect(confirmed.text.contains("Innkallinger du har sendt"))

            // As Chromium posts the page's own form (checked by hand with a logging server): the page's
            // Referrer-Policy no-referrer makes Origin "null", and Sec-Fetch-Site says same-origin.
            let undone = try await client.execute(
                uri: page, method: .post, headers: Self.browserForm(fetchSite: "same-origin"),
                body: .text("handling=innkalling-angre&uid=\(Self.vestNovember)"))
            #expect(undone.status == .seeOther)
            #expect(try Self.eidObligations(fixture) == before)
            #expect(try Self.innkallingReminderDue(fixture))

            let referat = try await client.execute(
                uri: page, method: .post, headers: Self.form,
                body: .text("handling=referat&uid=\(ServerFixture.vestSeptember)&levert=2026-09-22&ref=ePhorte+2026%2F1234"))
            #expect(referat.status == .seeOther)
            #expect(referat.headers[.location] == "\(page)?ok=referat")
            // A date that is not one: refused in Norwegian, nothing changed.
            let bad = try await client.execute(
                uri: page, method: .post, headers: Self.form, body: .text("handling=referat&uid=\(ServerFixture.vestSeptember)&levert=22.09"))
            #expect(bad.status == .conflict || bad.status == .badRequest)
            #expect(bad.text.contains("Ikke registrert"))
        }
        let status = try Self.cli(fixture, ["referat", "status", "--now", Self.now, "--format", "csv"])
        // Delivered 22 September, due 24 September (the ledger's due date for the 16 September meeting).
        #expect(status.out.contains("\(ServerFixture.vestSeptember),nettverk,melhus-vest,2026-09-16T13:00,2026-09-24,delivered on time,2026-09-22,"))
        #expect(status.out.contains("ePhorte 2026/1234"))
        #expect(try Self.facts(fixture).contains("record|\(Self.vestNovember)|2026-10-01|meg:\(Self.eid)"))
        #expect(try Self.facts(fixture).contains("undo|\(Self.vestNovember)|2026-10-01|meg:\(Self.eid)"))
    }

    @Test func wrongRotatedForeignAndOtherPeoplesRequestsChangeNothing() async throws {
        let fixture = try Self.fixture()
        let tokens = try Self.links(fixture)
        let eidToken = try #require(tokens[Self.eid])
        let gimseToken = try #require(tokens[Self.gimse])
        let body = ByteBuffer.text("handling=innkalling&uid=\(Self.vestNovember)")
        let rotated = try #require(try Self.links(fixture, ["--rotate", Self.eid])[Self.eid])
        #expect(rotated != eidToken)
        let facts = try Self.facts(fixture)
        try await fixture.live(now: Self.now) { client in
            for wrong in ["x", String(eidToken.dropLast()) + "A", eidToken, TokenCheck.hash(rotated), ServerFixture.privateToken] {
                let get = try await client.execute(uri: "/meg/\(wrong)", method: .get)
                #expect(get.status == .notFound, "\(wrong)")
                let post = try await client.execute(uri: "/meg/\(wrong)", method: .post, headers: Self.form, body: body)
                #expect(post.status == .notFound, "\(wrong)")
            }
            #expect(try await client.execute(uri: "/meg/\(rotated)", method: .get).status == .ok)
            // Another person's token may not tick off Eid's meeting.
            let other = try await client.execute(uri: "/meg/\(gimseToken)", method: .post, headers: Self.form, body: body)
            #expect(other.status == .forbidden)
            #expect(other.text.contains("Du leder ikke dette møtet"))
            // Cross-origin, or no origin at all: refused.
            for headers: HTTPFields in [
                [.contentType: "application/x-www-form-urlencoded", .origin: "https://angriper.example"],
                [.contentType: "application/x-www-form-urlencoded", .origin: "null"],
                [.contentType: "application/x-www-form-urlencoded", .referer: "https://angriper.example/meg/\(rotated)"],
                [.contentType: "application/x-www-form-urlencoded"],
                Self.browserForm(fetchSite: "cross-site"),
            ] {
                let post = try await client.execute(uri: "/meg/\(rotated)", method: .post, headers: headers, body: body)
                #expect(post.status == .forbidden, "\(headers)")
            }
        }
        #expect(try Self.facts(fixture) == facts)
        #expect(try Self.eidObligations(fixture).contains("innkalling,nettverk,melhus-vest,2026-11-18T13:00"))
    }

    @Test func theAccessLogNeverHasTheToken() async throws {
        let fixture = try Self.fixture()
        let token = try #require(try Self.links(fixture)[Self.eid])
        let lines = LogLines()
        var logger = Logger(label: "moteplan.test") { _ in CapturingHandler(sink: lines) }
        logger.logLevel = .info
        let moment = try #require(LocalDateTime(text: Self.now))
        let server = try MoteplanServer(
            builder: SnapshotBuilder(configPath: fixture.configPath, statePath: fixture.statePath, zoneStatus: ServerFixture.zoneStatus),
            options: ServerOptions(host: "127.0.0.1", port: 0, checkInterval: .zero, pollInterval: nil, now: { _ in moment }),
            logger: logger)
        try await server.application().test(.live) { client in
            #expect(try await client.execute(uri: "/meg/\(token)", method: .get).status == .ok)
            let post = try await client.execute(
                uri: "/meg/\(token)", method: .post, headers: Self.form, body: .text("handling=innkalling&uid=\(Self.vestNovember)"))
            #expect(post.status == .seeOther)
            #expect(try await client.execute(uri: "/meg/\(token)?ok=innkalling", method: .get).status == .ok)
        }
        let log = lines.all.joined(separator: "\n")
        #expect(log.contains("GET /meg/… 200"))
        #expect(log.contains("POST /meg/… 303"))
        #expect(!log.contains(token))
        #expect(Self.storeBytes(fixture).range(of: Data(token.utf8)) == nil)
    }
}

/// Log lines, collected from any thread.
final class LogLines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []

    func append(_ line: String) { lock.withLock { lines.append(line) } }
    var all: [String] { lock.withLock { lines } }
}

/// A log handler that keeps every message.
struct CapturingHandler: LogHandler {
    let sink: LogLines
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) { sink.append("\(event.message)") }
}
