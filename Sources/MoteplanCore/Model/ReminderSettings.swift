/// How and when cron sends reminders (`[reminders]` in the config).
public struct ReminderSettings: Sendable, Hashable {
    /// The From header, e.g. `Møteplan Melhus <moteplan@melhus.no>`; required to send.
    public var from: String?
    /// Where reminders for roles without an address go (the rådgiver), marked as such.
    public var fallback: String?
    /// The template folder, relative to the config file.
    public var templates: String = "templates"
    /// Days before an innkalling is due (meeting date − notice_days) that its leader is reminded.
    public var innkallingLeadDays: Int = 3
    /// Days before a referat is due that its owner is reminded.
    public var referatDueDays: Int = 3
    /// After the due date: remind the day after, then every N days …
    public var referatOverdueEveryDays: Int = 7
    /// … at most this many times.
    public var referatOverdueMax: Int = 4
    /// Days before a meeting with a marker (SLT, guests) that its leader is reminded to invite.
    public var invitationDaysBefore: Int = 14
    /// How long one delivery command may take before it is stopped and the reminder kept pending.
    public var deliveryTimeoutSeconds: Int = 60
    /// How long a run waits for another run's lock before it gives up (exit 1, nothing sent).
    public var lockWaitSeconds: Int = 900

    /// Default settings (no From, so nothing can be sent until it is set).
    public init() {}
}
