import MoteplanCore

/// The texts of reminders and invitations built in Swift (`[mail]` in Config/language/*.toml);
/// the reminders' own texts are their templates (Config/templates/<language>/).
extension Phrase {
    /// The recipient's name when a role without an address is reminded through the fallback ({role}).
    static let mailFallbackRecipient = Phrase("mail.fallback_recipient")
    /// A meeting's date and time ({date}, {start}, {end}).
    static let mailWhen = Phrase("mail.when")
    /// The first line of an invitation's text.
    static let mailGreeting = Phrase("mail.greeting")
    /// Who leads ({name}).
    static let mailLeader = Phrase("mail.leader")
    /// A first invitation: subject ({title}, {date}) and text ({title}, {when}, {place}).
    static let invitationNewSubject = Phrase("mail.invitation_new_subject")
    static let invitationNew = Phrase("mail.invitation_new")
    /// How to answer a first invitation.
    static let invitationNewAnswer = Phrase("mail.invitation_new_answer")
    /// A changed meeting: subject ({title}, {date}) and text ({title}, {when}, {place}).
    static let invitationUpdatedSubject = Phrase("mail.invitation_updated_subject")
    static let invitationUpdated = Phrase("mail.invitation_updated")
    /// What the calendar does with an update.
    static let invitationUpdatedCalendar = Phrase("mail.invitation_updated_calendar")
    /// A cancelled meeting: subject ({title}, {date}), text ({title}, {when}) and its {reason}.
    static let invitationCancelledSubject = Phrase("mail.invitation_cancelled_subject")
    static let invitationCancelled = Phrase("mail.invitation_cancelled")
    static let invitationCancelledReason = Phrase("mail.invitation_cancelled_reason")
    /// Someone who no longer takes part: subject ({title}, {date}) and text ({title}, {when}).
    static let invitationWithdrawnSubject = Phrase("mail.invitation_withdrawn_subject")
    static let invitationWithdrawn = Phrase("mail.invitation_withdrawn")
    /// A meeting invited to that is no longer in the plan (the config changed its date, or dropped
    /// its instance or structure): subject ({title}, {date}) and text ({title}, {date}, {start}).
    static let invitationLeftPlanSubject = Phrase("mail.invitation_left_plan_subject")
    static let invitationLeftPlan = Phrase("mail.invitation_left_plan")
    /// What the calendar does with a cancellation.
    static let invitationRemovedCalendar = Phrase("mail.invitation_removed_calendar")
    /// A duty's required meetings ({count}): one, and more (nynorsk has one plural form: "møte").
}
