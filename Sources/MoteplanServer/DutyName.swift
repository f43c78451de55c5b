import MoteplanCore

/// A duty's kind as the pages name it, in the plan's language: "innkalling" for one,
/// "innkallinger" for many (the catalogue's `page.duty_one` and `page.duty_many`).
enum DutyName {
    /// The name of one duty of `kind`, lower case.
    static func one(_ kind: Obligation.Kind, _ catalogue: Catalogue) -> String {
        switch kind {
        case .innkalling: return catalogue(.dutyOneInnkalling)
        case .referat: return catalogue(.dutyOneReferat)
        case .invitasjon: return catalogue(.dutyOneInvitasjon)
        case .sakliste: return catalogue(.dutyOneSakliste)
        case .lederskifte: return catalogue(.dutyOneLederskifte)
        case .minstekrav: return catalogue(.dutyOneMinstekrav)
        }
    }

    /// The name of several duties of `kind`, lower case.
    static func many(_ kind: Obligation.Kind, _ catalogue: Catalogue) -> String {
        switch kind {
        case .innkalling: return catalogue(.dutyManyInnkalling)
        case .referat: return catalogue(.dutyManyReferat)
        case .invitasjon: return catalogue(.dutyManyInvitasjon)
        case .sakliste: return catalogue(.dutyManySakliste)
        case .lederskifte: return catalogue(.dutyManyLederskifte)
        case .minstekrav: return catalogue(.dutyManyMinstekrav)
        }
    }

    /// "1 innkalling", "2 innkallinger" (number agreement in the plan's language).
    static func count(_ number: Int, _ kind: Obligation.Kind, _ catalogue: Catalogue) -> String {
        NorwegianCount.of(number, one: one(kind, catalogue), many: many(kind, catalogue))
    }
}

extension Phrase {
    static let dutyOneInnkalling = Phrase("page.duty_one.innkalling")
    static let dutyOneReferat = Phrase("page.duty_one.referat")
    static let dutyOneInvitasjon = Phrase("page.duty_one.invitasjon")
    static let dutyOneSakliste = Phrase("page.duty_one.sakliste")
    static let dutyOneLederskifte = Phrase("page.duty_one.lederskifte")
    static let dutyOneMinstekrav = Phrase("page.duty_one.minstekrav")
    static let dutyManyInnkalling = Phrase("page.duty_many.innkalling")
    static let dutyManyReferat = Phrase("page.duty_many.referat")
    static let dutyManyInvitasjon = Phrase("page.duty_many.invitasjon")
    static let dutyManySakliste = Phrase("page.duty_many.sakliste")
    static let dutyManyLederskifte = Phrase("page.duty_many.lederskifte")
    static let dutyManyMinstekrav = Phrase("page.duty_many.minstekrav")
}
