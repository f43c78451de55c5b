import ArgumentParser
import MoteplanCore
import MoteplanPlacement

/// Runs a command body, turning known failures into the exit codes cron and scripts rely on:
/// 2 with every located diagnostic for a bad config, 1 with one clear line otherwise.
func reportingFailures(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as ConfigError {
        Output.error(error.description)
        throw ExitCode(2)
    } catch let error as UsageFailure {
        Output.error("moteplan: error: \(error.message)")
        throw ExitCode(2)
    } catch let error as LookupError {
        Output.error("moteplan: error: \(error.message)")
        throw ExitCode(2)
    } catch let failure as PlacementFailure {
        // No placement fits: the config asks for the impossible, and the explanation says what to change.
        Output.error("moteplan: error: " + failure.description)
        throw ExitCode(2)
    } catch let error as ExitCode {
        throw error
    } catch let error as CommandFailure {
        Output.error("moteplan: error: \(error.message)")
        throw ExitCode(1)
    } catch {
        Output.error("moteplan: error: \(error)")
        throw ExitCode(1)
    }
}

/// A usage problem found after parsing (a bad date, a missing config): exit 2.
struct UsageFailure: Error {
    let message: String
}

/// Any other failure (I/O, an invalid feed): exit 1.
struct CommandFailure: Error {
    let message: String
}

/// Runs `body`; a plan that cannot be placed becomes a config error at the lines to change.
func locatingPlacement<T>(_ loaded: LoadedConfig, _ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let failure as PlacementFailure {
        throw failure.located(in: loaded)
    }
}
