/// What is left of a solve's work budget, in Z3's resource units (`rlimit`): deterministic steps,
/// the same count on every run and machine, unlike a timeout.
struct Z3Budget {
    /// Units not yet spent.
    private(set) var remaining: UInt64

    init(_ units: UInt64) { remaining = units }

    /// Whether anything is left.
    var isExhausted: Bool { remaining == 0 }

    /// Records units spent by a check.
    mutating func spend(_ units: UInt64) { remaining -= min(units, remaining) }

    /// A part of what is left, for a step that must leave some for the steps after it.
    func share(_ fraction: Double) -> UInt64 { max(1, UInt64(Double(remaining) * fraction)) }
}
