import Foundation
import MoteplanCore
import MoteplanFeeds
import MoteplanICal
import MoteplanPlacement

/// `moteplan ics` with a state store: records begun leader terms, revises SEQUENCE/DTSTAMP and
/// writes the feeds, all under the store's write lock.
///
/// Crash safety: inside one transaction the feeds are rendered, checked and written to temporary
/// files, and the list of those files is stored with the new revisions; then the files are renamed
/// into place and the list cleared. A crash before the commit leaves the old feeds and revisions;
/// a crash after it is rolled forward by the next run (`recover`), which finishes the renames.
public struct FeedPublication {
    /// The configuration.
    public let configuration: Configuration
    /// The store.
    public let store: StateStore
    /// The output directory's writer: the public feeds, without e-mail addresses, ORGANIZER or ATTENDEE.
    public let writer: FeedWriter
    /// The writer of the addressed feeds (with ORGANIZER and ATTENDEE), if asked for: a directory
    /// that must not be public.
    public let privateWriter: FeedWriter?
    /// The run's inputs besides the store: with them, a run that finds everything as the last
    /// complete run left it does nothing (`RunFingerprint`); without, every run is a full one.
    public let inputs: RunInputs?

    /// Creates the job; `privateDirectory` also writes the feeds with addresses there.
    public init(
        configuration: Configuration, store: StateStore, directory: String, privateDirectory: String? = nil,
        inputs: RunInputs? = nil
    ) {
        self.configuration = configuration
        self.store = store
        writer = FeedWriter(directory: directory)
        privateWriter = privateDirectory.map { FeedWriter(directory: $0) }
        self.inputs = inputs
    }

    /// What a run did.
    public struct Outcome: Sendable {
        /// Feeds in the catalog.
        public var feeds: Int
        /// Meetings in the schedule.
        public var meetings: Int
        /// Feed files written (changed or new).
        public var written: Int
        /// Events whose revision changed.
        public var revised: Int
        /// Leader terms recorded as history by this run.
        public var recordedTerms: [RecordedTerm]
        /// Placements recorded by this run (automatic instances placed on demand).
        public var recordedPlacements: [RecordedPlacement] = []
        /// Vanished feeds removed.
        public var removed: [String]
        /// Files an earlier, interrupted run left to rename, renamed now.
        public var recovered: Int
        /// Whether the run found its inputs, the store and the files as the last complete run
        /// left them, and so did nothing (`RunFingerprint`).
        public var nothingChanged = false
        /// Events taken as the last run left them (`KnownEventKeys`), not built again.
        public var known = 0
        /// Event texts copied from the feed files the last run wrote, not read from the cache.
        public var copied = 0
    }

    /// The actor name recorded for placements made on demand.
    public static let placementActor = "moteplan (plassering)"

    /// Runs the job at `now` (local) / `nowUTC`.
    public func run(now: LocalDateTime, nowUTC: ICalUTCStamp) throws -> Outcome {
        let digest = try inputs.map { try inputsDigest($0) }
        if let digest, let outcome = try runIfNothingChanged(inputs: digest, now: now) { return outcome }
        let (outcome, staged, generation) = try store.write { transaction -> (Outcome, [StagedFile], Int) in
            // First finish what an interrupted run committed; then any temporary left is from a
            // run that died before committing, and no other run can be staging while we hold the lock.
            let recovered = try rollForward(transaction)
            writer.removeOrphanedTemporaries()
            privateWriter?.removeOrphanedTemporaries()
            let terms = try TermRecorder.recordBegunTerms(configuration: configuration, now: now, in: transaction)
            // Automatic instances without a placement for a school year are placed now, around the
            // recorded ones, and recorded in this transaction.
            let recordedTerms = try transaction.recordedTerms()
            let meetingChanges = try transaction.meetingChanges()
            let (placements, added) = try PlacementResolver.resolve(
                configuration: configuration, terms: recordedTerms, changes: meetingChanges,
                recorded: try transaction.recordedPlacements())
            try transaction.record(added, at: now, actor: Self.placementActor)
            // The schedule only: feeds need no referat ledger (PlanState would build one). It is
            // built on other threads while this one reads the known keys and the stamps.
            let scheduling = Background { [configuration] in
                Scheduler(
                    configuration: configuration, recordedTerms: recordedTerms, changes: meetingChanges, placements: placements
                ).schedule()
            }
            // The last run's event keys, with this run's inputs (config and program): an event
            // whose meeting is the same as then is taken as it was (KnownEventKeys).
            let known = digest == nil ? KnownEventKeys() : try transaction.knownEventKeys()
            // The stored revisions are read a slice of events at a time as the renderer reaches
            // them, through the store's other connections (which see the state this transaction
            // began with). A store with a single connection reads them all here instead.
            let allRevisions = store.readsBesideWrites ? nil : try transaction.revisions()
            let renderer = FeedRenderer(configuration: configuration)
            // Unchanged events reuse their cached, already checked texts (EventTextCache).
            let cache = try store.eventTextCache(in: transaction)
            // A feed whose file still matches its stamp, with the same digest, is left alone.
            let stamps = try transaction.feedStamps()
            let schedule = try scheduling.value()
            let meetingKeys = digest.map { FeedRenderer.meetingKeys(schedule, context: MeetingKey.context($0)) }
            var revised = 0
            let cacheUpdate = EventTextCacheUpdate(cache: cache)
            let revisionsFor = allRevisions != nil ? nil : Self.revisionsBySlice(store, now: nowUTC)
            func render(known: KnownEventKeys) throws -> CachedRendering {
                let keeper = RevisionKeeper(stored: allRevisions ?? [:], now: nowUTC)
                // The texts go to a spool beside the store, not to memory (a million events at
                // Oslo's size); each chunk's revisions and texts are stored as it is made.
                let spool = try TextSpool(directory: Self.spoolDirectory(store: store.path))
                return try renderer.renderCached(
                    schedule, revise: keeper.revision, cache: cache, withPrivate: privateWriter != nil, texts: spool,
                    meetingKeys: meetingKeys, known: known,
                    published: { [writer, privateWriter] path, isPrivate in
                        let target = (isPrivate ? privateWriter ?? writer : writer).target(path)
                        return stamps[target].map { (target, $0) }
                    },
                    revisionsFor: revisionsFor,
                    consume: { chunk in
                        // In UID order within the chunk: the rows go into the primary-key b-trees in runs.
                        for change in chunk.changes.sorted(by: { $0.uid < $1.uid }) {
                            try transaction.saveRevision(uid: change.uid, change.revision)
                        }
                        revised += chunk.changes.count
                        try cacheUpdate.save(chunk, in: transaction)
                    }
                ) { [writer, privateWriter] path, isPrivate, digest in
                    let target = (isPrivate ? privateWriter ?? writer : writer).target(path)
                    return stamps[target]?.describes(target, digest: digest) ?? false
                }
            }
            let rendered: CachedRendering
            do {
                rendered = try render(known: known)
            } catch is StaleEventKeys {
                // The keys promised a text the cache does not have: every event as without them
                // (what the first attempt stored is stored again, the same, and counted again).
                revised = 0
                rendered = try render(known: KnownEventKeys())
            }
            try transaction.saveKnownEventKeys(rendered.eventKeys)
            try cacheUpdate.removeStale(
                uidsInCache: rendered.uidsInCache,
                scheduled: { Set(schedule.meetings.map { $0.uid(domain: configuration.municipality.uidDomain) }) }, in: transaction)
            let files = rendered.publicFiles
            let privateFiles = rendered.privateFiles
            var (staged, newStamps) = try writer.stageStamped(files)
            if let privateWriter {
                do {
                    let (more, moreStamps) = try privateWriter.stageStamped(privateFiles)
                    staged += more
                    newStamps.merge(moreStamps) { $1 }
                } catch {
                    writer.discard(staged)
                    throw error
                }
            }
            do {
                try transaction.setPendingPublication(staged.map { ($0.temporary, $0.target) })
                try FeedStampUpdate(
                    old: stamps, new: newStamps,
                    targets: files.map { writer.target($0.path) } + privateFiles.compactMap { privateWriter?.target($0.path) }
                ).save(in: transaction)
            } catch {
                writer.discard(staged)
                throw error
            }
            var outcome = Outcome(
                feeds: files.count + privateFiles.count, meetings: schedule.meetings.count,
                written: staged.filter { !$0.target.hasSuffix("/" + FeedWriter.manifestName) }.count,
                revised: revised, recordedTerms: terms, removed: [], recovered: recovered)
            outcome.recordedPlacements = added
            outcome.known = rendered.known
            outcome.copied = rendered.copied
            return (outcome, staged, try transaction.generation())
        }
        var result = outcome
        let fingerprint = digest.map {
            RunFingerprint(inputs: $0, generation: generation + 1, manifests: "", feeds: outcome.feeds, meetings: outcome.meetings)
        }
        result.removed = try finish(staged, fingerprint: fingerprint)
        return result
    }

    /// The revisions of a slice of UIDs, read through the store's other connections when the
    /// renderer reaches them, and what decides each one's SEQUENCE and DTSTAMP (`RevisionKeeper`).
    private static func revisionsBySlice(
        _ store: StateStore, now: ICalUTCStamp
    ) -> @Sendable ([String]) throws -> FeedRenderer.Revise<RevisionChange> {
        { uids in
            let keeper = RevisionKeeper(stored: try store.read { try $0.revisions(uids) }, now: now)
            return { uid, hash in keeper.revision(uid: uid, contentHash: hash) }
        }
    }

    /// Where the run's `TextSpool` goes: the state store's directory (on disk, writable, and
    /// not a public one), "." for a store named without a directory.
    static func spoolDirectory(store path: String) -> String {
        let directory = (path as NSString).deletingLastPathComponent
        return directory.isEmpty ? "." : directory
    }

    /// The output directories, absolute (the same relative --out from another directory is another output).
    private var directories: [String] {
        let current = FileManager.default.currentDirectoryPath
        return ([writer] + (privateWriter.map { [$0] } ?? [])).map { writer in
            writer.directory.hasPrefix("/") ? writer.directory : current + "/" + writer.directory
        }
    }

    /// The digest of everything the run reads besides the store and the files it wrote.
    private func inputsDigest(_ inputs: RunInputs) throws -> String {
        let m = configuration.municipality
        let zone = try ICalZone(identifier: m.timeZone, fromYear: m.horizon.first.year, toYear: m.horizon.last.year)
        return inputs.digest([
            ("cache", EventTextCache.format), ("zone", zone.vtimezone),
            ("public", directories[0]), ("private", privateWriter == nil ? "" : directories[1]),
        ])
    }

    /// Thrown to roll back the check when the run has something to do.
    private struct SomethingChanged: Error {}

    /// The outcome of a run that has nothing to do, or nil (and nothing written) when anything
    /// differs from what the last complete run left: see `RunFingerprint`.
    private func runIfNothingChanged(inputs: String, now: LocalDateTime) throws -> Outcome? {
        do {
            return try store.write { transaction -> Outcome in
                let generation = try transaction.generation()
                guard let last = try transaction.runFingerprint(), last.inputs == inputs,
                    last.generation == generation - 1,  // no other write since that run's last transaction
                    try transaction.pendingPublication().isEmpty,
                    RunFingerprint.filesIntact(try transaction.feedStamps(), feeds: last.feeds),
                    RunFingerprint.manifests(in: directories) == last.manifests,
                    // A term that began since must be recorded, and its leader published.
                    try TermRecorder.recordBegunTerms(configuration: configuration, now: now, in: transaction).isEmpty
                else { throw SomethingChanged() }
                // Temporaries of a run killed before it committed (the files are the old ones).
                writer.removeOrphanedTemporaries()
                privateWriter?.removeOrphanedTemporaries()
                var next = last
                next.generation = generation
                try transaction.saveRunFingerprint(next)
                var outcome = Outcome(
                    feeds: last.feeds, meetings: last.meetings, written: 0, revised: 0, recordedTerms: [], removed: [],
                    recovered: 0)
                outcome.nothingChanged = true
                return outcome
            }
        } catch is SomethingChanged {
            return nil
        }
    }

    /// Finishes what an interrupted run committed but did not rename; returns how many files.
    @discardableResult
    public func recover() throws -> Int {
        try store.write { try rollForward($0) }
    }

    private func rollForward(_ transaction: StateTransaction) throws -> Int {
        let pending = try transaction.pendingPublication()
        guard !pending.isEmpty else { return 0 }
        _ = try commit(pending.map { StagedFile(temporary: $0.temporary, target: $0.target) })
        try transaction.setPendingPublication([])
        return pending.count
    }

    /// Commits each directory's staged files with its own writer (each keeps its own manifest).
    private func commit(_ staged: [StagedFile]) throws -> [String] {
        guard let privateWriter else { return try writer.commit(staged) }
        let prefix = privateWriter.directory + "/"
        let inPrivate = staged.filter { $0.target.hasPrefix(prefix) }
        let removed = try writer.commit(staged.filter { !$0.target.hasPrefix(prefix) })
        return removed + (try privateWriter.commit(inPrivate)).map { prefix + $0 }
    }

    /// Renames staged files into place under the write lock, then clears the pending list, and
    /// saves `fingerprint` when no other transaction came between the run's and this one.
    private func finish(_ staged: [StagedFile], fingerprint: RunFingerprint? = nil) throws -> [String] {
        try store.write { transaction in
            // Another run may have finished these already; commit() skips missing temporaries.
            let removed = try commit(staged)
            try transaction.setPendingPublication([])
            if var fingerprint, try transaction.generation() == fingerprint.generation {
                fingerprint.manifests = RunFingerprint.manifests(in: directories)
                try transaction.saveRunFingerprint(fingerprint)
            }
            return removed
        }
    }
}
