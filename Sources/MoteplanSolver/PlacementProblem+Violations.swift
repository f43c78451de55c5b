extension PlacementProblem {
    /// The hard rules that `choices` (a choice index per instance) breaks; empty when it is a valid
    /// placement. Checked straight from the rules in `PlacementProblem`'s documentation, sharing no
    /// code with the solver's encoding, so a placement can be checked independently of the solver.
    public func violations(of choices: [Int]) -> [PlacementViolation] {
        guard choices.count == instances.count else {
            return [
                PlacementViolation(group: "choices", detail: "\(choices.count) choices for \(instances.count) instances")
            ]
        }
        var found: [PlacementViolation] = []
        for (instance, choice) in zip(instances, choices) {
            if !instance.choices.indices.contains(choice) {
                found.append(
                    PlacementViolation(
                        group: "choose:\(instance.id)",
                        detail: "\(choice) is not a choice (the instance has \(instance.choices.count))"))
            } else if let pinned = instance.pinned, pinned != choice {
                found.append(
                    PlacementViolation(
                        group: "pinned:\(instance.id)",
                        detail: "takes choice \(choice) ('\(instance.choices[choice].id)'), pinned to \(pinned)"))
            }
        }
        found += capacityViolations(of: choices)
        found += unavailabilityViolations(of: choices)
        return found
    }

    /// The occurrences of the taken choices (choices out of range take nothing), with whose they are.
    private func takenOccurrences(_ choices: [Int]) -> [(instance: Instance, choice: Choice, occurrence: Occurrence)] {
        zip(instances, choices).flatMap { instance, index in
            let choice = instance.choices.indices.contains(index) ? [instance.choices[index]] : []
            return choice.flatMap { choice in choice.occurrences.map { (instance, choice, $0) } }
        }
    }

    /// Every resource and occurrence start where more occurrences than the capacity are counted.
    private func capacityViolations(of choices: [Int]) -> [PlacementViolation] {
        let taken = takenOccurrences(choices).map(\.occurrence) + fixed
        var found: [PlacementViolation] = []
        for resource in resources {
            let using = taken.filter { $0.resources.contains(resource.id) }
            let starts = using.map(\.start).sorted()
            let ends = using.map { $0.end + resource.bufferMinutes }.sorted()
            // Counted at t: the intervals [start, end + buffer) with start ≤ t, less those with end + buffer ≤ t.
            for t in Set(starts).sorted() {
                let count = Self.countAtMost(t, in: starts) - Self.countAtMost(t, in: ends)
                if count > resource.capacity {
                    found.append(
                        PlacementViolation(
                            group: "capacity:\(resource.id)",
                            detail: "\(count) occurrences at minute \(t) (buffer \(resource.bufferMinutes) "
                                + "minutes included), capacity \(resource.capacity)"))
                }
            }
        }
        return found
    }

    /// Every taken occurrence that meets while one of its resources is unavailable.
    private func unavailabilityViolations(of choices: [Int]) -> [PlacementViolation] {
        var found: [PlacementViolation] = []
        let taken = takenOccurrences(choices)
        for resource in resources where !resource.unavailable.isEmpty {
            for (instance, choice, occurrence) in taken where occurrence.resources.contains(resource.id) {
                for away in resource.unavailable where away.overlaps(occurrence.interval) {
                    found.append(
                        PlacementViolation(
                            group: "unavailable:\(resource.id)",
                            detail: "'\(instance.id)' with '\(choice.id)' meets [\(occurrence.start), "
                                + "\(occurrence.end)) while the resource is away [\(away.start), \(away.end))"))
                }
            }
        }
        return found
    }

    /// How many of the sorted `values` are at most `t` (a binary search).
    private static func countAtMost(_ t: Int, in values: [Int]) -> Int {
        var low = 0
        var high = values.count
        while low < high {
            let middle = (low + high) / 2
            if values[middle] <= t { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
