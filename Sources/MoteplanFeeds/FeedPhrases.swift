import MoteplanCore

/// The feeds' texts in the catalogue (`[feed]` in Config/language/*.toml).
extension Phrase {
    /// X-WR-CALNAME of alle.ics ({municipality}).
    static let feedAllMeetings = Phrase("feed.all_meetings")
    /// X-WR-CALNAME of a role's, unit's or location's own feed ({name}).
    /// SUMMARY of a cancelled meeting ({title}).
    static let feedCancelledSummary = Phrase("feed.cancelled_summary")
    /// The cancelled line without a reason.
    static let feedCancelled = Phrase("feed.cancelled")
    /// The cancelled line with its {reason}.
    static let feedCancelledBecause = Phrase("feed.cancelled_because")
    /// Who leads ({name}).
    static let feedLeader = Phrase("feed.leader")
    /// Who takes part ({names}, comma-separated).
    static let feedParticipants = Phrase("feed.participants")
    /// A marker with guests to invite ({marker}, {guests}).
    static let feedMarkerGuests = Phrase("feed.marker_guests")
    /// The moved-from line without a reason ({date}).
    static let feedMoved = Phrase("feed.moved")
    /// The moved-from line with its {reason} ({date}).
    static let feedMovedBecause = Phrase("feed.moved_because")
    /// A meeting added by hand.
    static let feedExtraMeeting = Phrase("feed.extra_meeting")
}
