import Testing

@testable import MoteplanICal

/// Unknown zones and missing tzdata give distinct errors that say what to do.
struct ZoneErrorTests {
    @Test func unknownZoneIsNamedInTheError() throws {
        let error = try #require(throws: ICalError.self) {
            try ICalZone(identifier: "Europe/Olso", fromYear: 2026, toYear: 2027)
        }
        #expect(error.code == .unknownTimeZone)
        #expect(error.description.contains("unknown time zone 'Europe/Olso'"))
    }

    @Test func isKnownAcceptsIANAIdsOnly() {
        #expect(ICalZone.isKnown("Europe/Oslo"))
        #expect(ICalZone.isKnown("UTC"))
        #expect(!ICalZone.isKnown("Europe/Olso"))
        #expect(!ICalZone.isKnown("europe/oslo"))
        #expect(!ICalZone.isKnown(""))
        #expect(!ICalZone.isKnown("../zoneinfo/Europe/Oslo"))
        #expect(!ICalZone.isKnown("/usr/share/zoneinfo/Europe/Oslo"))
    }

    @Test func validateThrowsTheSameError() {
        #expect(throws: ICalError.unknownTimeZone("Mars/Olympus")) {
            try ICalZone.validate(identifier: "Mars/Olympus")
        }
        #expect(throws: Never.self) { try ICalZone.validate(identifier: "Europe/Oslo") }
    }

    @Test func missingTzdataGetsItsOwnErrorWithTheFix() {
        let error = BuiltinZones.missingZoneError("Europe/Oslo", zoneDataAvailable: false)
        #expect(error.code == .timeZoneDataMissing)
        #expect(error.description.contains("Europe/Oslo"))
        #expect(error.description.contains("apt-get install tzdata"))
        #expect(BuiltinZones.missingZoneError("Europe/Olso", zoneDataAvailable: true).code == .unknownTimeZone)
    }

    @Test func tzdataIsInstalledHere() {
        #expect(BuiltinZones.zoneDataAvailable, "libical finds no tzdata: apt-get install tzdata")
    }
}
