/// `[server]`: what `moteplan serve` needs beyond the plan: the public address for subscribe
/// links and the hashes of the secret tokens (never the tokens themselves).
public struct ServerSettings: Sendable, Hashable {
    /// The public base URL for subscribe links, e.g. `https://moteplan.melhus.no`; nil: from the request's Host.
    public var baseURL: String?
    /// SHA-256 hex digests of the tokens that unlock `/private/<token>/…` (feeds with e-mail addresses).
    public var privateTokenHashes: [String]
    /// Per role, the SHA-256 hex digest of the bearer token that may record referat for that role's meetings.
    public var referatTokens: [ReferatToken]

    /// Creates server settings.
    public init(baseURL: String? = nil, privateTokenHashes: [String] = [], referatTokens: [ReferatToken] = []) {
        self.baseURL = baseURL
        self.privateTokenHashes = privateTokenHashes
        self.referatTokens = referatTokens
    }
}

/// A referat write token: the role (or unit, acting through its head) it speaks for, and its hash.
public struct ReferatToken: Sendable, Hashable {
    /// The role or unit id.
    public var role: String
    /// SHA-256 of the token, 64 lower-case hex digits.
    public var tokenHash: String

    /// Creates a referat token entry.
    public init(role: String, tokenHash: String) {
        self.role = role
        self.tokenHash = tokenHash
    }
}
