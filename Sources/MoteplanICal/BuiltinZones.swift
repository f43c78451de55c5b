import CLibical
import class Foundation.NSLock

/// Looks up libical's built-in zones (read from the system tzdata) and explains failures.
enum BuiltinZones {
    /// Serializes all use of libical's shared built-in zones: they load lazily, and libical 3's
    /// thread safety there is not documented. Only zone set-up takes it, never per-event work.
    private static let lock = NSLock()

    /// Runs `body` while holding the built-in zone lock.
    static func withLock<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    /// The zone for an IANA id, or an error saying whether the id or the tzdata is the problem.
    static func zone(_ id: String) throws(ICalError) -> OpaquePointer {
        guard looksLikeZoneID(id) else { throw .unknownTimeZone(id) }
        if let zone = withLock({ icaltimezone_get_builtin_timezone(id) }) { return zone }
        throw missingZoneError(id, zoneDataAvailable: zoneDataAvailable)
    }

    /// Whether libical knows the zone id.
    static func isKnown(_ id: String) -> Bool {
        looksLikeZoneID(id) && withLock { icaltimezone_get_builtin_timezone(id) } != nil
    }

    /// The error for a zone that libical did not find: unknown id, or no tzdata at all.
    static func missingZoneError(_ id: String, zoneDataAvailable: Bool) -> ICalError {
        zoneDataAvailable ? .unknownTimeZone(id) : .timeZoneDataMissing(id)
    }

    /// Whether libical found a zoneinfo directory with a zone list in it.
    static var zoneDataAvailable: Bool {
        withLock {
            guard icaltzutil_get_zone_directory() != nil else { return false }
            guard let zones = icaltimezone_get_builtin_timezones() else { return false }
            return zones.pointee.num_elements > 0
        }
    }

    /// Rejects ids that are not shaped like IANA ids (libical would read any file below zoneinfo).
    static func looksLikeZoneID(_ id: String) -> Bool {
        guard !id.isEmpty, id.utf8.count <= 64, !id.hasPrefix("/"), !id.hasSuffix("/"),
            !id.contains(".."), !id.contains("//")
        else { return false }
        return id.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "/"), UInt8(ascii: "_"),
                UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."):
                true
            default:
                false
            }
        }
    }
}
