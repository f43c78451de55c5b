import Crypto
import Foundation
import GRDB
import MoteplanCore

/// Personal links, `/meg/<token>`: one per person who leads or owes something. A token is derived,
/// base64url(HMAC-SHA256(key, "<person id>/<generation>")), from the key file beside the store, so
/// a reminder mail can carry it without the store ever holding it: the store keeps per person the
/// generation and the SHA-256 of the current token, and a page is found by that hash. Rotating
/// bumps the generation, so the old link stops working.
public struct PersonalLinks: Sendable {
    /// The store.
    public let store: StateStore
    /// `[server] base_url`, without a trailing slash; nil: links cannot be absolute.
    public let baseURL: String?
    /// When and by whom links are made (recorded with a new or rotated link).
    public let now: LocalDateTime
    /// Who makes them.
    public let actor: String
    private let key: [UInt8]

    /// Opens the links of `store`, creating the key file on first need.
    public init(store: StateStore, baseURL: String?, now: LocalDateTime, actor: String) throws {
        self.store = store
        self.baseURL = baseURL
        self.now = now
        self.actor = actor
        key = try LinkKey.loadOrCreate(path: LinkKey.path(statePath: store.path))
    }

    /// The key file beside the state file at `statePath`.
    public static func keyPath(statePath: String) -> String { LinkKey.path(statePath: statePath) }

    /// The token of `personID` at `generation`.
    static func token(key: [UInt8], personID: String, generation: Int) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Array("\(personID)/\(generation)".utf8), using: SymmetricKey(data: key))
        return Data(mac).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// The lower-case hex SHA-256 of a token: what the store keeps.
    public static func hash(_ token: String) -> String {
        SHA256.hash(data: Array(token.utf8)).map { $0 < 16 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
    }

    /// The path of a token's page: `/meg/<token>`.
    public static func path(token: String) -> String { "/meg/\(token)" }

    /// The full link of `personID` (made on first need), or nil without a base URL or when the
    /// store cannot be written. For the reminder mails.
    public func link(for personID: String) -> String? {
        guard let baseURL, let token = try? token(for: personID) else { return nil }
        return baseURL + Self.path(token: token)
    }

    /// The current token of `personID`, recording its hash (generation 1) on first need.
    public func token(for personID: String) throws -> String {
        try store.write { transaction in
            if let generation = try transaction.linkGeneration(personID) {
                return Self.token(key: key, personID: personID, generation: generation)
            }
            let token = Self.token(key: key, personID: personID, generation: 1)
            try transaction.saveLink(personID, generation: 1, tokenHash: Self.hash(token), at: now, actor: actor)
            return token
        }
    }

    /// Makes a new token for `personID` (the next generation): the old link stops working.
    public func rotate(_ personID: String) throws -> String {
        try store.write { transaction in
            let generation = (try transaction.linkGeneration(personID) ?? 0) + 1
            let token = Self.token(key: key, personID: personID, generation: generation)
            try transaction.saveLink(personID, generation: generation, tokenHash: Self.hash(token), at: now, actor: actor)
            return token
        }
    }

    /// Whose link `token` is (its current one), or nil. Needs no key: the store is searched by hash.
    public static func person(token: String, in transaction: StateTransaction) throws -> String? {
        try transaction.linkOwner(tokenHash: hash(token))
    }

    /// The people who get a link: roles and units (acting through their head) with an e-mail
    /// address who lead a meeting of the plan, may lead a rotating group, or lead an instance of
    /// a duty without fixed dates (`at_least`, registered from the page), in config order.
    public static func people(in plan: PlanState) -> [(id: String, role: Role)] {
        let configuration = plan.configuration
        var leading = Set(plan.schedule.meetings.compactMap { $0.leader?.id })
        for group in configuration.groups { leading.formUnion(group.rotation?.candidates ?? []) }
        for structure in configuration.structures where structure.isAtLeastDuty {
            for instance in plan.scheduler.instances(of: structure) {
                if let leader = plan.scheduler.leaderRole(structure, instance) { leading.insert(leader.id) }
            }
        }
        let actors = configuration.roles.map { ($0.id, $0) } + configuration.units.map { ($0.id, $0.head) }
        return actors.filter { id, role in
            leading.contains(id) && !(role.email ?? "").trimmingCharacters(in: .whitespaces).isEmpty
        }.map { (id: $0.0, role: $0.1) }
    }
}

extension StateTransaction {
    /// The link generation of `personID`, if a link was made.
    func linkGeneration(_ personID: String) throws -> Int? {
        guard try db.tableExists("personal_link") else { return nil }
        return try Int.fetchOne(db, sql: "SELECT generation FROM personal_link WHERE person_id = ?", arguments: [personID])
    }

    /// Saves the current generation and token hash of `personID`.
    func saveLink(_ personID: String, generation: Int, tokenHash: String, at: LocalDateTime, actor: String) throws {
        try db.execute(
            sql: "INSERT OR REPLACE INTO personal_link (person_id, generation, token_hash, changed_at, actor) VALUES (?, ?, ?, ?, ?)",
            arguments: [personID, generation, tokenHash, at.description, actor])
    }

    /// The person whose current token has this hash.
    func linkOwner(tokenHash: String) throws -> String? {
        guard try db.tableExists("personal_link") else { return nil }
        return try String.fetchOne(db, sql: "SELECT person_id FROM personal_link WHERE token_hash = ?", arguments: [tokenHash])
    }
}
