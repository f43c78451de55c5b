import CLibical

/// An IANA time zone from libical's built-in zones (system tzdata), with a VTIMEZONE cut to a horizon.
///
/// The VTIMEZONE has `TZID:<identifier>` (no libical prefix), holds only the observances needed for
/// local times from 1 January `fromYear` to 31 December `toYear`, and leaves the rule still in force
/// at the end open-ended (RRULE without UNTIL), so strict clients such as khal 0.10 accept it.
public struct ICalZone: Hashable, Sendable {
    /// The IANA zone id, e.g. `Europe/Oslo`; used verbatim as TZID.
    public let identifier: String
    /// First year the VTIMEZONE is exact for.
    public let fromYear: Int
    /// Last year the VTIMEZONE is exact for.
    public let toYear: Int
    /// The VTIMEZONE component as iCalendar text (CRLF line endings, folded).
    public let vtimezone: String

    /// Loads `identifier` and builds its VTIMEZONE for `fromYear...toYear`; throws for an unknown zone or missing tzdata.
    public init(identifier: String, fromYear: Int, toYear: Int) throws {
        guard (1900...2200).contains(fromYear), (1900...2200).contains(toYear), fromYear <= toYear else {
            throw ICalError.invalidHorizon(from: fromYear, to: toYear)
        }
        let zone = try BuiltinZones.zone(identifier)
        self.identifier = identifier
        self.fromYear = fromYear
        self.toYear = toYear
        self.vtimezone = try VTimezoneBuilder.text(id: identifier, zone: zone, fromYear: fromYear, toYear: toYear)
    }

    /// Whether `identifier` names a zone libical can load (e.g. for validating a config value).
    public static func isKnown(_ identifier: String) -> Bool {
        BuiltinZones.isKnown(identifier)
    }

    /// Throws the error a user should see for `identifier`: unknown zone, or tzdata not installed.
    public static func validate(identifier: String) throws {
        _ = try BuiltinZones.zone(identifier)
    }
}
