import Foundation
import Testing

/// Feeds people put in their own calendars: a feed per role, unit and room, public files without
/// addresses, one feed per thing, and cancelled meetings that Outlook cannot mistake for real ones.
struct PersonalFeedTests {
    let directory: URL
    let state: String
    let out: URL

    init() throws {
        directory = try CLI.temporaryDirectory()
        state = directory.appendingPathComponent("state.sqlite").path
        out = directory.appendingPathComponent("feeds")
    }

    func run(_ arguments: [String], now: String = "2026-09-01T08:00") throws -> CLI.Result {
        try CLI.run(arguments + ["--config", CLI.melhus, "--state", state, "--now", now])
    }

    /// Every file under `root`, relative, sorted.
    func files(_ root: URL) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        var result: [String] = []
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path, isDirectory: &isDirectory)
            if !isDirectory.boolValue { result.append(path) }
        }
        return result.sorted()
    }

    /// The unfolded text of a feed.
    func feed(_ path: String, in root: URL? = nil) throws -> String {
        try String(contentsOf: (root ?? out).appendingPathComponent(path), encoding: .utf8).replacingOccurrences(of: "\r\n ", with: "")
    }

    func uids(_ text: String) -> [String] {
        text.components(separatedBy: "\r\n").filter { $0.hasPrefix("UID:") }.map { String($0.dropFirst(4)) }
    }

    /// The ids of every role and unit in the config, read from its text (a second reading, not moteplan's).
    func roleAndUnitIDs() throws -> [String] {
        let text = try String(contentsOfFile: CLI.melhus, encoding: .utf8)
        var ids: [String] = []
        var section = ""
        for line in text.components(separatedBy: "\n") {
            if line.hasPrefix("[[") { section = line }
            if (section == "[[roles]]" || section == "[[units]]"), line.hasPrefix("id = \"") {
                ids.append(String(line.dropFirst(6).dropLast()))
            }
        }
        return ids
    }

    @Test func personalFeedsHoldWhatPlanForListsForEveryRoleAndUnit() throws {
        #expect(try run(["ics", "--out", out.path]).code == 0)
        let ids = try roleAndUnitIDs()
        #expect(ids.count > 30, "the fixture's roles and units were read")
        var nonEmpty = 0
        for id in ids {
            let plan = try run(["plan", "--for", id, "--format", "csv"])
            #expect(plan.code == 0, "\(plan.stderr)")
            let listed = plan.stdout.components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }
                .map { String($0.prefix { $0 != "," }) }
            let text = try feed("for/\(id).ics")
            #expect(uids(text) == listed, "for/\(id).ics")
            if !listed.isEmpty { nonEmpty += 1 }
        }
        #expect(nonEmpty > 30)
        // Titled for whom it is: the PPT role's name.
        #expect(try feed("for/ppt.ics").contains("X-WR-CALNAME:Møteplan – PPT"))
    }

    @Test func publicFeedsCarryNoAddressAndThePrivateOnesDo() throws {
        let privateDirectory = directory.appendingPathComponent("private")
        let result = try run(["ics", "--out", out.path, "--private", privateDirectory.path])
        #expect(result.code == 0, "\(result.stderr)")
        let config = try String(contentsOfFile: CLI.melhus, encoding: .utf8)
        let addresses = config.components(separatedBy: "\n").filter { $0.hasPrefix("email = \"") }
            .map { String($0.dropFirst(9).dropLast()) }
        #expect(addresses.count >= 5)
        let addressPattern = try NSRegularExpression(pattern: "[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[a-z]{2,}")
        let published = files(out).filter { $0.hasSuffix(".ics") }
        #expect(published.count == 67)  // as IcsCommandTests counts them
        for path in published {
            let text = try feed(path)
            #expect(!text.contains("mailto:"), "\(path)")
            #expect(!text.contains("ORGANIZER") && !text.contains("ATTENDEE"), "\(path)")
            for address in addresses { #expect(!text.contains(address), "\(path) holds \(address)") }
            // "@" only in UIDs (uid@domain), never in an address anywhere else.
            for line in text.components(separatedBy: "\r\n") where !line.hasPrefix("UID:") {
                let range = NSRange(line.startIndex..., in: line)
                #expect(addressPattern.firstMatch(in: line, range: range) == nil, "\(path): \(line)")
            }
        }
        // The same feeds with addresses in the private directory, and only there.
        #expect(files(privateDirectory).filter { $0.hasSuffix(".ics") } == published)
        let all = try feed("alle.ics", in: privateDirectory)
        #expect(all.contains("ORGANIZER;CN=") && all.contains(":mailto:leder.ffm@example.no"))
        #expect(uids(all) == uids(try feed("alle.ics")))
    }

    @Test func aPrivateDirectoryInsideOrAroundThePublicOneIsRefused() throws {
        for privateDirectory in [out.path, out.appendingPathComponent("hemmelig").path, directory.path] {
            let result = try run(["ics", "--out", out.path, "--private", privateDirectory])
            #expect(result.code == 2)
            #expect(result.stderr.contains("--private") && result.stderr.contains("would be public"))
            #expect(!FileManager.default.fileExists(atPath: out.path), "nothing written")
            #expect(!FileManager.default.fileExists(atPath: state), "the store untouched")
        }
    }

    @Test func eachMeetingIsInOneFeedPerThingAndTheOldDuplicateIsRemoved() throws {
        // A feed directory as the previous version wrote it: drofting (one instance) also as
        // drofting/drofting.ics, listed in the manifest.
        try FileManager.default.createDirectory(at: out.appendingPathComponent("drofting"), withIntermediateDirectories: true)
        try "old".write(to: out.appendingPathComponent("drofting/drofting.ics"), atomically: true, encoding: .utf8)
        try "alle.ics\ndrofting.ics\ndrofting/drofting.ics\n".write(
            to: out.appendingPathComponent(".moteplan-feeds"), atomically: true, encoding: .utf8)
        let result = try run(["ics", "--out", out.path])
        #expect(result.code == 0, "\(result.stderr)")
        #expect(result.stdout.contains("1 removed"))
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("drofting").path))
        // Structure level: each structure's meetings are in exactly one of (its own feed) or (its
        // instances' feeds, which together hold them once each); a subscriber of the structure
        // feed or of every instance feed sees each meeting once.
        let all = uids(try feed("alle.ics"))
        #expect(Set(all).count == all.count)
        let published = files(out).filter { $0.hasSuffix(".ics") && !$0.hasPrefix("for/") }
        for structure in published.filter({ !$0.contains("/") && $0 != "alle.ics" }) {
            let id = String(structure.dropLast(4))
            let instanceFeeds = published.filter { $0.hasPrefix(id + "/") }
            #expect(instanceFeeds.count != 1, "\(id) has a single instance feed beside its own")
            guard !instanceFeeds.isEmpty else { continue }
            let inInstances = try instanceFeeds.flatMap { uids(try feed($0)) }
            #expect(inInstances.sorted() == uids(try feed(structure)).sorted(), "\(id)")
        }
    }

    /// Worked out by hand from the fixture: Melhus vest's network meets 3rd Wednesday 13:00–15:30;
    /// 16 September 2026 is cancelled, 18 November moved to Tuesday 24 November 09:00 (same 2 h 30).
    @Test func aCancelledAndAMovedMeetingAsOutlookShowsThem() throws {
        let sept = "nettverk.melhus-vest-20260916@moteplan.melhus.example.no"
        let nov = "nettverk.melhus-vest-20261118@moteplan.melhus.example.no"
        #expect(try run(["ics", "--out", out.path]).code == 0)
        #expect(try run(["meeting", "cancel", sept, "--reason", "Få påmeldte"]).code == 0)
        #expect(try run(["meeting", "move", nov, "--to", "2026-11-24T09:00", "--reason", "Kollisjon med budsjettmøtet"]).code == 0)
        #expect(try run(["ics", "--out", out.path]).code == 0)
        let text = try feed("nettverk/melhus-vest.ics")
        let events = text.components(separatedBy: "BEGIN:VEVENT").dropFirst().map { "BEGIN:VEVENT" + $0 }
        let cancelled = try #require(events.first { $0.contains("UID:\(sept)\r\n") })
        let lines = cancelled.components(separatedBy: "\r\n")
        #expect(lines.contains("SUMMARY:AVLYST: Tverrfaglig nettverk – Melhus vest"))
        #expect(lines.contains("STATUS:CANCELLED"))
        #expect(lines.contains("TRANSP:TRANSPARENT"))
        #expect(lines.contains("SEQUENCE:1"))
        #expect(lines.contains("DTSTART;TZID=Europe/Oslo:20260916T130000"))
        #expect(lines.first { $0.hasPrefix("DESCRIPTION:") }?.hasPrefix("DESCRIPTION:AVLYST: Få påmeldte.\\n") ?? false)
        let moved = try #require(events.first { $0.contains("UID:\(nov)\r\n") })
        let movedLines = moved.components(separatedBy: "\r\n")
        #expect(movedLines.contains("SUMMARY:Tverrfaglig nettverk – Melhus vest"))
        #expect(movedLines.contains("STATUS:CONFIRMED"))
        #expect(!movedLines.contains("TRANSP:TRANSPARENT"))
        #expect(movedLines.contains("SEQUENCE:1"))
        #expect(movedLines.contains("DTSTART;TZID=Europe/Oslo:20261124T090000"))
        #expect(movedLines.contains("DTEND;TZID=Europe/Oslo:20261124T113000"))
        #expect(moved.contains("Flyttet fra onsdag 18. november 2026 (Kollisjon med budsjettmøtet)."))
        // The personal feed of Melhus vest's members shows the same event text.
        let member = try feed("for/ppt.ics")
        #expect(member.contains("SUMMARY:AVLYST: Tverrfaglig nettverk – Melhus vest\r\n"))
    }
}
