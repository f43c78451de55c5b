import MoteplanCore

extension PlacementFailure {
    /// The failure as a config error pointing at the lines to change: the `placement` key of the
    /// first automatic structure it involves, and the capacity of each person or room that clashes.
    public func located(in loaded: LoadedConfig) -> ConfigError {
        let config = loaded.configuration
        let instances = core.compactMap { group -> String? in
            guard group.hasPrefix("choose:") || group.hasPrefix("pinned:"),
                let colon = group.firstIndex(of: ":")
            else { return nil }
            return String(group[group.index(after: colon)...].split(separator: "/").first ?? "")
        }
        let autos = config.structures.enumerated().filter { index, structure in
            structure.choices != nil || !structure.instanceOverrides.values.allSatisfy { $0.choices == nil }
        }
        let target = autos.first { instances.contains($0.element.id) } ?? autos.first
        var diagnostics: [ConfigDiagnostic] = []
        let structurePath = target.map { index, structure in
            ConfigPath([.key("structures"), .index(index), .key(structure.choices != nil ? "placement" : "instances")])
        } ?? ConfigPath([.key("structures")])
        diagnostics.append(loaded.diagnostic(.error, at: structurePath, description))
        for group in core where group.hasPrefix("capacity:") || group.hasPrefix("unavailable:") {
            guard let colon = group.firstIndex(of: ":") else { continue }
            let id = String(group[group.index(after: colon)...])
            let key = group.hasPrefix("capacity:") ? "capacity" : "unavailable"
            let path: ConfigPath
            if let r = config.roles.firstIndex(where: { $0.id == id }) {
                path = ConfigPath([.key("roles"), .index(r)])
            } else if let u = config.units.firstIndex(where: { $0.id == id }) {
                path = ConfigPath([.key("units"), .index(u)])
            } else if let l = config.locations.firstIndex(where: { $0.id == id }) {
                path = ConfigPath([.key("locations"), .index(l)])
            } else {
                continue
            }
            diagnostics.append(loaded.diagnostic(
                .error, at: path.appending(key),
                "\(id) is one of the reasons no placement fits (\(key == "capacity" ? "it takes too few meetings at once" : "its unavailable time")); see above."))
        }
        return ConfigError(diagnostics: diagnostics)
    }
}
