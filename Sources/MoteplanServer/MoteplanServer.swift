import Hummingbird
import ServiceLifecycle
import Logging
import MoteplanCore

/// `moteplan serve`: the feeds (public and private), the overview page, the årshjul, JSON for the
/// plan and obligations, and POST /referat, on Hummingbird, with graceful shutdown on SIGTERM.
public struct MoteplanServer: Sendable {
    /// The served snapshot and its reloading.
    public let cache: SiteCache
    /// Address, limits and clock.
    public let options: ServerOptions
    /// The server's logger (access log and reloads).
    public let logger: Logger

    /// Reads the files once; throws `ConfigError` (exit 2) or another error when they cannot be served.
    public init(builder: SnapshotBuilder, options: ServerOptions, logger: Logger) throws {
        self.options = options
        self.logger = logger
        cache = try SiteCache(builder: builder, checkInterval: options.checkInterval, logger: logger, preflight: options.preflight)
    }

    /// The routes.
    public func router() -> Router<BasicRequestContext> {
        let router = Router(options: .autoGenerateHeadEndpoints)
        router.add(middleware: AccessLog(logger: logger))
        let feeds = FeedRoutes(cache: cache)
        let api = APIRoutes(cache: cache, now: options.now)
        let referat = ReferatEndpoint(cache: cache, options: options, logger: logger)
        let cache = self.cache
        let now = options.now
        router.get("/") { request, _ -> Response in
            let snapshot = cache.current()
            let moment = now(snapshot.configuration.municipality.timeZone)
            let month: OverviewMonth?
            switch OverviewMonthQuery.read(request, horizon: snapshot.configuration.municipality.horizon, catalogue: snapshot.configuration.catalogue) {
            case .month(let chosen): month = chosen
            case .refused(let reply): return reply
            }
            let page = OverviewPage(snapshot: snapshot, now: moment, baseURL: Self.baseURL(snapshot, request), month: month).render()
            let resource = CachedResource(text: page, contentType: "text/html; charset=utf-8", cacheControl: "no-cache", lastModified: nil)
            return ConditionalGet.response(resource, for: request)
        }
        // The raw path, not the router's normalized components: "/feeds/alle.ics/" is not a feed.
        router.get("/feeds/**") { request, _ -> Response in
            feeds.publicFeed(request, path: String(request.uri.path.dropFirst("/feeds/".count)))
        }
        router.get("/private/:token/**") { request, context -> Response in
            let token = context.parameters.get("token") ?? ""
            let prefix = "/private/\(token)/"
            guard request.uri.path.hasPrefix(prefix) else { return Replies.text(.notFound, cache.current().configuration.catalogue(.unknownCalendar)) }
            if request.uri.path == prefix + "oversikt" { return PrivateOverview(cache: cache, now: now).page(request, token: token) }
            return feeds.privateFeed(request, token: token, path: String(request.uri.path.dropFirst(prefix.count)))
        }
        router.get("/arshjul/:file") { request, context -> Response in
            feeds.arshjul(request, file: context.parameters.get("file") ?? "")
        }
        router.get("/api/plan") { request, _ -> Response in api.plan(request) }
        router.get("/api/obligations") { request, _ -> Response in api.obligations(request) }
        router.post("/referat") { request, _ -> Response in await referat.handle(request) }
        let personal = PersonalRoutes(cache: cache, options: options, logger: logger)
        router.get("/meg/:token") { request, context -> Response in personal.page(request, token: context.parameters.get("token") ?? "") }
        router.post("/meg/:token") { request, context -> Response in
            await personal.post(request, token: context.parameters.get("token") ?? "")
        }
        return router
    }

    /// The application, listening on `options.host:options.port`, with the reload service.
    /// Idle connections close after `options.idleTimeout`; at most `options.maxConnections` are open.
    public func application() -> some ApplicationProtocol {
        let idle = options.idleTimeout.components
        let idleNanoseconds = idle.seconds * 1_000_000_000 + idle.attoseconds / 1_000_000_000
        return Application(
            router: router(),
            server: .http1(configuration: .init(idleTimeout: .nanoseconds(idleNanoseconds))),
            configuration: ApplicationConfiguration(
                address: .hostname(options.host, port: options.port), serverName: "moteplan",
                availableConnectionsDelegate: ConnectionCap(limit: options.maxConnections, logger: logger)),
            services: [ReloadService(cache: cache, pollInterval: options.pollInterval, logger: logger)],
            logger: logger)
    }

    /// Serves until SIGTERM or SIGINT, then finishes open requests and returns: within
    /// `options.shutdownDeadline` for the graceful part and as long again for cancellation, so a
    /// stuck request never keeps the process alive.
    public func run() async throws {
        var configuration = ServiceGroupConfiguration(
            services: [application()], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        configuration.maximumGracefulShutdownDuration = options.shutdownDeadline
        configuration.maximumCancellationDuration = options.shutdownDeadline
        do {
            try await ServiceGroup(configuration: configuration).run()
        } catch let error as ServiceGroupError {
            logger.warning("shutdown did not finish within \(options.shutdownDeadline): \(error); stopping anyway")
        }
    }

    /// `[server] base_url`, else `http://<Host>` from the request (`http://localhost` without one).
    static func baseURL(_ snapshot: SiteSnapshot, _ request: Request) -> String {
        if let base = snapshot.configuration.server.baseURL { return base }
        let host = request.head.authority ?? "localhost"
        let safe = host.allSatisfy { $0.isLetter || $0.isNumber || ".-:[]".contains($0) } ? host : "localhost"
        return "http://\(safe)"
    }
}
