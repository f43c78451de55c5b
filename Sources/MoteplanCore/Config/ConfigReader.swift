/// Turns the parsed TOML tree into a `Configuration`, section by section, reporting
/// every problem with its key path. Cross-references are checked in `ConfigValidator`.
struct ConfigReader {
    let diagnostics: Diagnostics
    let zoneStatus: @Sendable (String) -> TimeZoneStatus

    static let topLevelKeys = ["version", "municipality", "feeds", "calendar", "roles", "units", "groups", "structures", "reminders", "server", "locations", "scheduling"]

    func read(_ root: TableReader) -> Configuration? {
        root.rejectUnknownKeys(Self.topLevelKeys)
        guard let version = root.int("version", required: "the config format version; write version = 1") else {
            return nil
        }
        guard ConfigLoader.supportedVersions.contains(version) else {
            diagnostics.error(
                root.path.appending("version"),
                "version \(version) is not known to this moteplan (it reads version 1); upgrade moteplan or write version = 1.")
            return nil
        }
        let municipality = root.table("municipality", required: "the municipality's name, time zone, horizon and uid_domain")
            .flatMap(readMunicipality)
        var places = EntryPlaces()
        let feeds = root.table("feeds").map(readFeeds) ?? FeedSettings()
        let roles = places.read("roles", root.tables("roles"), readRole)
        let units = places.read("units", root.tables("units"), readUnit)
        let groups = places.read("groups", root.tables("groups"), readGroup)
        let calendar = root.table("calendar").map { readCalendar($0, horizon: municipality?.horizon) } ?? CalendarSettings()
        let structures = places.read("structures", root.tables("structures"), readStructure)
        let server = root.table("server").map { readServer($0, actors: roles.map(\.id) + units.map(\.id)) } ?? ServerSettings()
        let reminders = root.table("reminders").map(readReminders) ?? ReminderSettings()
        let locations = places.read("locations", root.tables("locations"), readLocation)
        let scheduling = root.table("scheduling").map(readScheduling) ?? SchedulingSettings()
        guard let municipality else { return nil }
        var configuration = Configuration(
            version: version, municipality: municipality, feeds: feeds, calendar: calendar,
            roles: roles, units: units, groups: groups, structures: structures, server: server)
        configuration.reminders = reminders
        configuration.locations = locations
        configuration.scheduling = scheduling
        ConfigValidator(diagnostics: diagnostics, places: places).validate(configuration)
        PlacementValidator(diagnostics: diagnostics).validate(configuration)
        return configuration
    }

    /// Checks an id: lower-case ASCII letters, digits and '-', since ids become file names and UIDs.
    func id(_ table: TableReader, what: String) -> String? {
        guard let id = table.string("id", required: "a unique id for this \(what)") else { return nil }
        guard Self.isValidID(id) else {
            diagnostics.error(
                table.path.appending("id"),
                "\"\(id)\" is not a usable id: ids become file names and UIDs, so use only a–z, 0–9 and '-', starting with a letter or digit (e.g. \"oya-ungdomsskole\").")
            return nil
        }
        return id
    }

    static func isValidID(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, id.unicodeScalars.count <= 64 else { return false }
        let allowed: (Unicode.Scalar) -> Bool = { ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") || $0 == "-" }
        return first != "-" && id.unicodeScalars.allSatisfy(allowed)
    }

    /// A simple, strict e-mail check: one '@', no spaces, a dot in the domain.
    static func isPlausibleEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
            !parts[1].hasPrefix("."), !parts[1].hasSuffix(".")
        else { return false }
        return text.unicodeScalars.allSatisfy { $0.value > 32 && $0.value < 127 && !"<>()[],;:\"\\".unicodeScalars.contains($0) }
    }

    func email(_ table: TableReader, _ key: String) -> String? {
        guard let email = table.text(key) else { return nil }
        guard Self.isPlausibleEmail(email) else {
            diagnostics.error(table.path.appending(key), "\"\(email)\" is not an e-mail address; write e.g. \"navn@kommune.no\".")
            return nil
        }
        return email
    }
}
