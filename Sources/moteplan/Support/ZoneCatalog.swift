import MoteplanCore
import MoteplanICal

/// Checks time zone ids the way the feeds will load them: through libical and the system tzdata.
enum ZoneCatalog {
    static let status: @Sendable (String) -> TimeZoneStatus = { id in
        do {
            try ICalZone.validate(identifier: id)
            return .known
        } catch let error as ICalError where error.code == .timeZoneDataMissing {
            return .noTimeZoneData
        } catch {
            return .unknown
        }
    }
}
