import ArgumentParser
import Foundation
import MoteplanCore
import MoteplanStore

/// `moteplan links [--role ID] [--rotate ID]`: makes and prints each person's personal link
/// (`<base_url>/meg/<token>`). The store keeps only each token's hash; `--rotate` gives a person a
/// new link and the old one stops working. Nobody needs openssl or sha256sum.
struct Links: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Make and print the personal links (/meg/<token>) of everyone who leads or owes something.",
        discussion: """
            A person is a role or a unit (acting through its head) with an e-mail address who leads a meeting
            or may lead a rotating group. The links are derived from <state>.links-key (made on first need,
            mode 0600): keep it with the state file and its backups. They need [server] base_url to be absolute.
            """)

    @Option(name: .customLong("role"), help: "Only this person: a role or unit id, a person's name or an e-mail address.") var roleText: String?
    @Option(name: .customLong("rotate"), help: "Give this person (id, name or e-mail) a new link; the old one stops working (404).") var rotateText: String?
    @Option(name: .customLong("actor"), help: "Who makes them (default: $MOTEPLAN_ACTOR, then $USER).")
    var actor: String = DefaultActor.name
    @OptionGroup var config: ConfigOptions
    @OptionGroup var state: StateOptions
    @OptionGroup var now: NowOption

    func run() throws {
        try reportingFailures {
            let loaded = try config.load()
            let configuration = loaded.configuration
            let role = try roleText.map { try resolveID($0, what: "role or unit", in: configuration, sections: .actors) }
            let rotate = try rotateText.map { try resolveID($0, what: "role or unit", in: configuration, sections: .actors) }
            let plan = try state.planState(loaded)
            let people = PersonalLinks.people(in: plan)
            for id in [role, rotate].compactMap({ $0 }) { try requirePerson(id, people: people, configuration: configuration) }
            if let role, let rotate, role != rotate {
                throw UsageFailure(message: "--role \(role) and --rotate \(rotate) name different people; give one, or the same id.")
            }
            let moment = try now.resolve(timeZone: configuration.municipality.timeZone)
            let store = try state.openForWriting(loaded)
            let links = try PersonalLinks(store: store, baseURL: configuration.server.baseURL, now: moment, actor: actor)
            let chosen = people.filter { person in [role, rotate].compactMap { $0 }.allSatisfy { $0 == person.id } }
            var rows = [["ID", "NAME", "LINK"]]
            for person in chosen {
                let token = person.id == rotate ? try links.rotate(person.id) : try links.token(for: person.id)
                rows.append([person.id, LeaderName.display(person.role), (configuration.server.baseURL ?? "") + PersonalLinks.path(token: token)])
            }
            let table = TextTable(rows: rows).render()
            Output.raw(table.hasSuffix("\n") ? table : table + "\n")
            if let rotate { Output.error("rotated: \(rotate) has a new link; the old one no longer opens anything.") }
            if configuration.server.baseURL == nil {
                Output.error("note: [server] base_url is not set, so the links are paths; set it (e.g. base_url = \"https://moteplan.kommune.no\") to get full links and links in reminder mails.")
            }
        }
    }

    /// Refuses an id that gets no link, saying why.
    func requirePerson(_ id: String, people: [(id: String, role: Role)], configuration: Configuration) throws {
        if people.contains(where: { $0.id == id }) { return }
        guard let actor = configuration.actor(id) else {
            let ids = configuration.roles.map(\.id) + configuration.units.map(\.id)
            throw UsageFailure(message: "unknown role or unit \"\(id)\"." + Suggestion.hint(for: id, in: ids))
        }
        if (actor.email ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            throw UsageFailure(message: "\(id) has no e-mail address, so it gets no personal link; add email (a unit: head_email) to it in the config.")
        }
        throw UsageFailure(message: "\(id) leads no meeting and no rotating group, so it gets no personal link.")
    }
}
