import Foundation
import XCTest

/// Runs the built `tlumach` binary as a user would, capturing its output and exit status.
public struct CLIResult: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String

    public init(status: Int32, stdout: String, stderr: String) {
        self.status = status
        self.stdout = stdout
        self.stderr = stderr
    }
}

public enum CLI {
    /// The `tlumach` executable next to the test bundle (.build/debug/tlumach).
    public static var binary: URL {
        var directory = Bundle.main.bundleURL
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            directory = bundle.bundleURL.deletingLastPathComponent()
        }
        let candidate = directory.appendingPathComponent("tlumach")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        return Bundle.main.bundleURL.appendingPathComponent("tlumach")
    }

    /// The package root, so tests can use the shipped glossaries and examples.
    public static var packageRoot: URL { TestFiles.packageRoot }

    /// Runs `tlumach` with `arguments`, feeding `stdin`, in `directory` (the package root by default).
    @discardableResult
    public static func run(_ arguments: [String], stdin: String? = nil, in directory: URL? = nil,
                           environment: [String: String] = [:]) throws -> CLIResult {
        try run(executable: binary, arguments, stdin: stdin, in: directory, environment: environment)
    }

    /// Runs `executable` (a copy of `tlumach` elsewhere, say) like `run(_:stdin:in:environment:)`.
    ///
    /// Standard input is written on one thread while standard output and standard error are drained on others:
    /// a child that writes as it reads (a streaming filter) fills its output pipe long before it has read all its
    /// input, so writing everything first and reading afterwards would deadlock on inputs above the pipe size.
    @discardableResult
    public static func run(executable: URL, _ arguments: [String], stdin: String? = nil, in directory: URL? = nil,
                           environment: [String: String] = [:]) throws -> CLIResult {
        ignoreBrokenPipes
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? packageRoot
        var env = ProcessInfo.processInfo.environment
        env["GITHUB_ACTIONS"] = nil
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let output = Pipe()
        let errors = Pipe()
        let input = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = input
        let exited = CLI.exitSignal(of: process)
        try process.run()  // Foundation closes the parent's copies of the child's ends here.

        let outData = Collected()
        let errData = Collected()
        let group = DispatchGroup()
        let reader = output.fileHandleForReading
        let errorReader = errors.fileHandleForReading
        DispatchQueue.global().async(group: group) { outData.data = reader.readDataToEndOfFile() }
        DispatchQueue.global().async(group: group) { errData.data = errorReader.readDataToEndOfFile() }
        let writer = input.fileHandleForWriting
        let bytes = Data((stdin ?? "").utf8)
        DispatchQueue.global().async(group: group) {
            // A child that exits without reading everything (a usage error) closes the pipe: not a test failure.
            if !bytes.isEmpty { try? writer.write(contentsOf: bytes) }
            try? writer.close()
        }
        group.wait()
        exited.wait()
        return CLIResult(
            status: process.terminationStatus, stdout: String(decoding: outData.data, as: UTF8.self),
            stderr: String(decoding: errData.data, as: UTF8.self))
    }

    /// A semaphore signalled when `process` (not yet started) exits; wait on it instead of `waitUntilExit()`.
    ///
    /// Foundation's `waitUntilExit()` on Linux polls its run loop in 50 ms steps, so every child cost the tests
    /// 25 ms on average for nothing (17 s over the CLI tests' 355 runs); the termination handler runs as soon as the
    /// child is reaped.
    public static func exitSignal(of process: Process) -> DispatchSemaphore {
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        return exited
    }

    /// Writing to a child that has exited must fail with EPIPE, not kill the test process with SIGPIPE.
    private static let ignoreBrokenPipes: Void = { _ = signal(SIGPIPE, SIG_IGN) }()

    /// A fresh temporary directory, removed when the test ends.
    public static func temporaryDirectory(for test: XCTestCase) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tlumach-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        test.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }
}

/// Bytes one reader thread fills; read only after the dispatch group that wrote it has been waited for.
private final class Collected: @unchecked Sendable {
    var data = Data()
}
