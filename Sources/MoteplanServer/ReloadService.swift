import Logging
import ServiceLifecycle
import UnixSignals

/// Reloads the config on SIGHUP and looks at the files every `pollInterval`, so that a broken edit
/// is logged even when nobody asks; ends with the server's graceful shutdown.
struct ReloadService: Service {
    let cache: SiteCache
    let pollInterval: Duration?
    let logger: Logger

    func run() async throws {
        let signals = await UnixSignalsSequence(trapping: .sighup)
        let cache = self.cache
        let pollInterval = self.pollInterval
        await cancelWhenGracefulShutdown {
            await withTaskGroup(of: Void.self) { group in
                group.addTask {
                    for await _ in signals {
                        cache.reload(reason: "SIGHUP")
                    }
                }
                if let pollInterval {
                    group.addTask {
                        while !Task.isCancelled {
                            try? await Task.sleep(for: pollInterval)
                            _ = cache.current()
                        }
                    }
                }
                await group.waitForAll()
            }
        }
    }
}
