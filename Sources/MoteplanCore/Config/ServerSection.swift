extension ConfigReader {
    static let serverKeys = ["base_url", "private_token_hashes", "referat_tokens"]
    static let referatTokenKeys = ["role", "token_hash"]

    /// `[server]`: base_url, private_token_hashes and `[[server.referat_tokens]]` (role, token_hash).
    /// `actors` are the role and unit ids a referat token may name.
    func readServer(_ table: TableReader, actors: [String]) -> ServerSettings {
        table.rejectUnknownKeys(Self.serverKeys)
        var settings = ServerSettings()
        if let base = table.text("base_url") {
            if (base.hasPrefix("https://") || base.hasPrefix("http://")) && !base.contains(where: \.isWhitespace) {
                settings.baseURL = base.hasSuffix("/") ? String(base.dropLast()) : base
            } else {
                diagnostics.error(table.path.appending("base_url"), "\"\(base)\" is not an http(s) URL; write e.g. \"https://moteplan.kommune.no\".")
            }
        }
        var seen = Set<String>()
        for (hash, at) in table.strings("private_token_hashes") ?? [] {
            guard let hash = tokenHash(hash, at: at) else { continue }
            if !seen.insert(hash).inserted { diagnostics.error(at, "this hash is listed twice.") }
            settings.privateTokenHashes.append(hash)
        }
        for entry in table.tables("referat_tokens") {
            entry.rejectUnknownKeys(Self.referatTokenKeys)
            let role = entry.text("role", required: "the role or unit whose meetings this token may record referat for")
            if let role, !actors.contains(role) {
                diagnostics.error(entry.path.appending("role"), "unknown role or unit \"\(role)\"." + Suggestion.hint(for: role, in: actors))
            }
            let raw = entry.string("token_hash", required: "the SHA-256 of the token: printf %s TOKEN | sha256sum")
            let hash = raw.flatMap { tokenHash($0, at: entry.path.appending("token_hash")) }
            if let hash, !seen.insert(hash).inserted {
                diagnostics.error(entry.path.appending("token_hash"), "this hash is used twice; give every token its own.")
            }
            if let role, let hash { settings.referatTokens.append(ReferatToken(role: role, tokenHash: hash)) }
        }
        return settings
    }

    /// A SHA-256 hex digest (64 hex digits), lower-cased; reports anything else.
    private func tokenHash(_ text: String, at path: ConfigPath) -> String? {
        let hash = text.trimmingSpaces.lowercased()
        guard hash.count == 64, hash.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) || ("a"..."f").contains($0) }) else {
            diagnostics.error(path, "not a SHA-256 hash (64 hex digits); store the hash, never the token: printf %s TOKEN | sha256sum")
            return nil
        }
        return hash
    }
}
