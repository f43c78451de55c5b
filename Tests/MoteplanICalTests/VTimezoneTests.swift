import MoteplanICal
import Testing

/// The emitted VTIMEZONE: TZID exactly the IANA id, only the observances the horizon needs,
/// and no UNTIL anywhere (khal 0.10 rejects UNTIL).
struct VTimezoneTests {
    static func blocks(_ vtimezone: String, _ kind: String) -> [[Substring]] {
        var result: [[Substring]] = []
        var current: [Substring]?
        for line in Fixtures.lines(vtimezone) {
            if line == "BEGIN:\(kind)" { current = [] } else if line == "END:\(kind)", let block = current {
                result.append(block)
                current = nil
            } else {
                current?.append(line)
            }
        }
        return result
    }

    static func dtstartYear(_ block: [Substring]) -> Int? {
        block.first { $0.hasPrefix("DTSTART:") }.flatMap { Int($0.dropFirst(8).prefix(4)) }
    }

    @Test func osloHasTwoOpenEndedRulesAndExactTZID() throws {
        let vtimezone = try Fixtures.osloZone().vtimezone
        let lines = Fixtures.lines(vtimezone)
        #expect(lines.filter { $0.hasPrefix("TZID") } == ["TZID:Europe/Oslo"])
        #expect(!vtimezone.contains("UNTIL"))
        #expect(!vtimezone.contains("freeassociation"))
        #expect(!vtimezone.contains("RDATE"))
        let standard = Self.blocks(vtimezone, "STANDARD")
        let daylight = Self.blocks(vtimezone, "DAYLIGHT")
        #expect(standard.count == 1)
        #expect(daylight.count == 1)
        #expect(standard.first?.contains("RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10") == true)
        #expect(standard.first?.contains("TZOFFSETFROM:+0200") == true)
        #expect(standard.first?.contains("TZOFFSETTO:+0100") == true)
        #expect(daylight.first?.contains("RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3") == true)
        #expect(daylight.first?.contains("TZOFFSETTO:+0200") == true)
        // Only observances relevant to 2026–2027: the one in force on 1 January 2026 started in 2025.
        for block in standard + daylight {
            let year = try #require(Self.dtstartYear(block))
            #expect((2025...2027).contains(year))
        }
    }

    /// tzdata splits the current EU rule at 2037/2038; a long horizon must still give two plain rules.
    @Test func longHorizonJoinsTheSplitAt2038() throws {
        let vtimezone = try ICalZone(identifier: "Europe/Oslo", fromYear: 2026, toYear: 2045).vtimezone
        #expect(!vtimezone.contains("UNTIL"))
        #expect(!vtimezone.contains("RDATE"))
        #expect(Self.blocks(vtimezone, "STANDARD").count == 1)
        #expect(Self.blocks(vtimezone, "DAYLIGHT").count == 1)
    }

    @Test func newYorkUsesUSRules() throws {
        let vtimezone = try ICalZone(identifier: "America/New_York", fromYear: 2026, toYear: 2027).vtimezone
        #expect(Fixtures.lines(vtimezone).contains("TZID:America/New_York"))
        #expect(!vtimezone.contains("UNTIL"))
        #expect(Self.blocks(vtimezone, "DAYLIGHT").first?.contains("RRULE:FREQ=YEARLY;BYDAY=2SU;BYMONTH=3") == true)
        #expect(Self.blocks(vtimezone, "STANDARD").first?.contains("RRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=11") == true)
        #expect(Self.blocks(vtimezone, "STANDARD").first?.contains("TZOFFSETTO:-0500") == true)
    }

    @Test func zonesWithoutDSTHaveOneStandardObservance() throws {
        for id in ["Asia/Tokyo", "UTC"] {
            let vtimezone = try ICalZone(identifier: id, fromYear: 2026, toYear: 2027).vtimezone
            #expect(Fixtures.lines(vtimezone).contains(Substring("TZID:\(id)")))
            #expect(Self.blocks(vtimezone, "STANDARD").count == 1)
            #expect(Self.blocks(vtimezone, "DAYLIGHT").isEmpty)
            #expect(!vtimezone.contains("RRULE"))
        }
        let tokyo = try ICalZone(identifier: "Asia/Tokyo", fromYear: 2026, toYear: 2027).vtimezone
        #expect(Fixtures.lines(tokyo).contains("TZOFFSETTO:+0900"))
    }

    /// Wartime Oslo: libical's source rules all carry UNTIL; the horizon's onsets become RDATEs.
    @Test func historicRulesWithUntilBecomeRDates() throws {
        let vtimezone = try ICalZone(identifier: "Europe/Oslo", fromYear: 1943, toYear: 1946).vtimezone
        #expect(!vtimezone.contains("UNTIL"))
        #expect(!vtimezone.contains("RRULE"))
        #expect(vtimezone.contains("RDATE:19441002T030000"))
    }

    @Test func horizonMustBeAnOrderedRange() {
        let error = #expect(throws: ICalError.self) {
            try ICalZone(identifier: "Europe/Oslo", fromYear: 2028, toYear: 2026)
        }
        #expect(error?.code == .invalidHorizon)
    }
}
