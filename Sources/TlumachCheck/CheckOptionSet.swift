import TlumachConfig
import TlumachCore

/// One key a check reads from `check.options` in `.tlumach.yml`, for its documentation page.
public struct CheckOptionKey: Sendable, Equatable {
    public var key: String
    /// What the value means.
    public var summary: String
    /// The default, as written in YAML.
    public var defaultValue: String

    public init(_ key: String, summary: String, defaultValue: String) {
        self.key = key
        self.summary = summary
        self.defaultValue = defaultValue
    }
}

/// A check's own options: the keys it reads from `check.options` and how it decodes them. Each check owns its type
/// (`LengthRatioCheck.Options`), so adding a check with options touches no central list.
public protocol CheckOptionSet: Sendable, Equatable {
    /// The keys this type decodes, in documentation order (a key belongs to one check).
    static var keys: [CheckOptionKey] { get }
    /// The defaults.
    init()
    /// Decodes one of `keys`; a bad value is an error naming its line.
    mutating func set(_ key: String, to value: ConfigurationValue) throws(InputError)
}

/// For checks without options.
public struct NoCheckOptions: CheckOptionSet {
    public static let keys: [CheckOptionKey] = []
    public init() {}
    public mutating func set(_ key: String, to value: ConfigurationValue) throws(InputError) {
        throw value.error("unknown option \"\(key)\"")
    }
}

extension ConfigurationValue {
    /// A number within `range` (bounded so that no value can trap a conversion or make a check meaningless).
    public func number(in range: ClosedRange<Double>, key: String) throws(InputError) -> Double {
        let number = try number()
        guard number.isFinite, range.contains(number) else {
            throw error("\(key) must be a number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }
}

/// The options of every check that has some, keyed by check id; a check reads its own with `options(for:)`.
public struct CheckOptionValues: Sendable, Equatable {
    private var values: [String: any CheckOptionSet] = [:]

    public init() {}

    public func options<C: Check>(for check: C.Type) -> C.Options {
        values[C.description.id] as? C.Options ?? C.Options()
    }

    public mutating func set<C: Check>(_ options: C.Options, for check: C.Type) {
        values[C.description.id] = options
    }

    public static func == (lhs: CheckOptionValues, rhs: CheckOptionValues) -> Bool {
        guard Set(lhs.values.keys) == Set(rhs.values.keys) else { return false }
        return lhs.values.allSatisfy { id, value in rhs.values[id].map { value.isEqual(to: $0) } ?? false }
    }
}

extension CheckOptionSet {
    fileprivate func isEqual(to other: any CheckOptionSet) -> Bool { (other as? Self) == self }
}

extension Check {
    /// The `check.options` keys this check reads.
    public static var optionKeys: [CheckOptionKey] { Options.keys }

    /// Decodes `key` into this check's options within `options`.
    static func decodeOption(_ key: String, _ value: ConfigurationValue, into options: inout CheckOptions) throws(InputError) {
        var own = options.checks.options(for: Self.self)
        try own.set(key, to: value)
        options.checks.set(own, for: Self.self)
    }
}
