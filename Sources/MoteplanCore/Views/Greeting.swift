/// How a mail or a page addresses a person: "Hilde" for a role held by "Hilde Aune", the role's
/// title ("Rektor, Børsa skole") when no person is configured.
public enum Greeting {
    /// The first name of the role's person, or the role's title.
    public static func name(_ role: Role) -> String {
        firstName(role.person) ?? role.name
    }

    /// The first word of a person's name. A label before a colon is not part of the name
    /// (the example config writes "Eksempel: Liv Dahl"), so that gives "Liv".
    public static func firstName(_ person: String?) -> String? {
        guard let person else { return nil }
        let name = person.split(separator: ":").last.map(String.init) ?? person
        return name.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map(String.init)
    }
}
