import Foundation

/// The default "who did it" for commands that record a change: $MOTEPLAN_ACTOR, then $USER.
enum DefaultActor {
    static var name: String {
        let environment = ProcessInfo.processInfo.environment
        return environment["MOTEPLAN_ACTOR"] ?? environment["USER"] ?? "ukjent"
    }
}
