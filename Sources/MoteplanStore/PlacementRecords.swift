import GRDB
import MoteplanCore

extension StateTransaction {
    /// Every recorded placement, oldest first (a later row for the same instance and year replaces
    /// an earlier one: `PlacementTable` keeps the last).
    public func recordedPlacements() throws -> [RecordedPlacement] {
        // A store from before placements, opened for reading (not migrated): nothing placed yet.
        guard try db.tableExists("placement") else { return [] }
        return try Row.fetchAll(db, sql: "SELECT structure_id, instance_id, school_year, choice FROM placement ORDER BY id").map { row in
            RecordedPlacement(
                structureID: row["structure_id"], instanceID: row["instance_id"], schoolYear: row["school_year"],
                choice: row["choice"])
        }
    }

    /// Records placements: `replanned` for a replan's changes, else first placements.
    public func record(_ placements: [RecordedPlacement], replanned: Bool = false, at: LocalDateTime, actor: String) throws {
        for placement in placements {
            try db.execute(
                sql: """
                    INSERT INTO placement (structure_id, instance_id, school_year, choice, decision, decided_at, actor)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    placement.structureID, placement.instanceID, placement.schoolYear, placement.choice,
                    replanned ? "replanned" : "placed", at.description, actor,
                ])
        }
    }

    /// The placement history of one school year: (structure, instance, choice, decision, decided at, actor), oldest first.
    public func placementHistory(schoolYear: Int) throws -> [[String]] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT structure_id, instance_id, choice, decision, decided_at, actor FROM placement
                WHERE school_year = ? ORDER BY id
                """,
            arguments: [schoolYear]
        ).map { row in
            ["structure_id", "instance_id", "choice", "decision", "decided_at", "actor"].map { row[$0] ?? "" }
        }
    }
}
