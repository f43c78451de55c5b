import Hummingbird
import Logging

/// One access-log line per request through swift-log: method, path (private tokens masked),
/// status, body bytes and duration.
struct AccessLog<Context: RequestContext>: RouterMiddleware {
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard logger.logLevel <= .info else { return try await next(request, context) }
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            log(request, status: response.status.code, bytes: response.headers[.contentLength] ?? "-", start: start)
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status.code ?? 500
            log(request, status: status, bytes: "-", start: start)
            throw error
        }
    }

    private func log(_ request: Request, status: Int, bytes: String, start: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - start
        let micros = elapsed.components.seconds * 1_000_000 + elapsed.components.attoseconds / 1_000_000_000_000
        logger.info("\(request.method) \(Self.redact(request.uri.description)) \(status) \(bytes) \(micros)µs")
    }

    /// The path with the token of `/private/<token>/…` replaced by `***`, so logs never hold a secret.
    static func redact(_ path: String) -> String {
        guard path.hasPrefix("/private/") else { return path }
        let rest = path.dropFirst("/private/".count)
        guard let slash = rest.firstIndex(of: "/") else { return "/private/***" }
        return "/private/***" + rest[slash...]
    }
}
