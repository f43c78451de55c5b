import Foundation
import MoteplanCore

/// The default "who did it" for commands that record a change: $MOTEPLAN_ACTOR, then $USER
/// (one that holds a control character is passed over: it would reach logs and pages).
enum DefaultActor {
    static var name: String {
        let environment = ProcessInfo.processInfo.environment
        let candidates = [environment["MOTEPLAN_ACTOR"], environment["USER"]].compactMap { $0 }
        return candidates.first { !$0.isEmpty && FreeText.firstControl(in: $0) == nil } ?? "ukjent"
    }
}
