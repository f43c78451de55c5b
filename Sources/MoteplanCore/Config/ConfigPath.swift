/// A place in the config document: `structures[2].cadence.weekday`.
public struct ConfigPath: Hashable, Sendable, CustomStringConvertible {
    /// One step: a table key or an array index.
    public enum Component: Hashable, Sendable {
        /// A key in a table.
        case key(String)
        /// An element of an array (or array of tables).
        case index(Int)
    }

    /// The steps from the document root.
    public var components: [Component]

    /// Creates a path.
    public init(_ components: [Component] = []) {
        self.components = components
    }

    /// The path one key deeper.
    public func appending(_ key: String) -> ConfigPath { ConfigPath(components + [.key(key)]) }

    /// The path of an array element.
    public func appending(index: Int) -> ConfigPath { ConfigPath(components + [.index(index)]) }

    /// The path without its last step, or nil at the root.
    public var parent: ConfigPath? {
        components.isEmpty ? nil : ConfigPath(Array(components.dropLast()))
    }

    /// `a.b[2].c`.
    public var description: String {
        var text = ""
        for component in components {
            switch component {
            case .key(let key):
                let bare = !key.isEmpty && key.unicodeScalars.allSatisfy(ConfigPath.isBareKeyScalar)
                let shown = bare ? key : "\"\(key)\""
                text += text.isEmpty ? shown : ".\(shown)"
            case .index(let index):
                text += "[\(index)]"
            }
        }
        return text
    }

    /// Whether a scalar may appear in a bare TOML key.
    static func isBareKeyScalar(_ s: Unicode.Scalar) -> Bool {
        (s >= "a" && s <= "z") || (s >= "A" && s <= "Z") || (s >= "0" && s <= "9") || s == "_" || s == "-"
    }
}
