import MoteplanCore
import Testing

/// `[server]`: base_url, token hashes (never tokens) and referat tokens per role, with located errors.
struct ServerConfigTests {
    static let hash = String(repeating: "ab", count: 32)
    static let other = String(repeating: "cd", count: 32)

    @Test func readsTheSection() throws {
        let text = Fixtures.melhusText + """

            [server]
            base_url = "https://moteplan.melhus.example.no/"
            private_token_hashes = ["\(Self.hash.uppercased())"]

            [[server.referat_tokens]]
            role = "eid-barnehage-og-skole"
            token_hash = "\(Self.other)"

            """
        let server = try Fixtures.load(text).configuration.server
        #expect(server.baseURL == "https://moteplan.melhus.example.no")
        #expect(server.privateTokenHashes == [Self.hash])
        #expect(server.referatTokens == [ReferatToken(role: "eid-barnehage-og-skole", tokenHash: Self.other)])
    }

    @Test func withoutTheSectionNothingIsUnlocked() throws {
        let server = try Fixtures.load(Fixtures.melhusText).configuration.server
        #expect(server == ServerSettings())
    }

    @Test func problemsAreNamedByKeyPath() {
        let cases: [(String, String)] = [
            ("[server]\nprivate_token_hashes = [\"hemmelig\"]", "server.private_token_hashes[0]"),
            ("[server]\nbase_url = \"moteplan.no\"", "server.base_url"),
            ("[server]\nprivate_token_hashes = [\"\(Self.hash)\", \"\(Self.hash)\"]", "listed twice"),
            ("[server]\nport = 80", "unknown key \"port\""),
            ("[[server.referat_tokens]]\nrole = \"ukjent\"\ntoken_hash = \"\(Self.hash)\"", "unknown role or unit \"ukjent\""),
            ("[[server.referat_tokens]]\nrole = \"slt-koordinator\"", "token_hash"),
            ("[server]\nprivate_token_hashes = [\"\(Self.hash)\"]\n[[server.referat_tokens]]\nrole = \"slt-koordinator\"\ntoken_hash = \"\(Self.hash)\"", "used twice"),
        ]
        for (section, fragment) in cases {
            let errors = Fixtures.errors(Fixtures.melhusText + "\n" + section + "\n")
            #expect(errors.contains { $0.description.contains(fragment) }, "\(section): \(errors.map(\.description))")
        }
    }
}
