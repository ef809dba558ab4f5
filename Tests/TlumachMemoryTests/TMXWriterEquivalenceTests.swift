@testable import TlumachMemory
import TlumachCore
import TlumachTMX
import TlumachXML
import TlumachTestSupport
import XCTest

/// Stored memories hold units as the writer serialised them and their duplicate keys hashed from those bytes, so the
/// byte-level writer must produce exactly what the String-based one did, and the hash from byte ranges must equal the
/// hash of separately serialised segments.
final class TMXWriterEquivalenceTests: XCTestCase {
    /// The writer as it was before the byte-level rewrite (String appends, escaping through `xmlEscaped`).
    private enum Reference {
        static let leading = ["tuid", "i", "x", "pos", "type", "assoc"]
        static func attributes(_ attributes: [String: String], _ out: inout String) {
            var keys = leading.filter { attributes[$0] != nil }
            keys += attributes.keys.filter { !leading.contains($0) }.sorted()
            for key in keys { out += " \(key)=\"\(xmlEscaped(attributes[key]!, attribute: true))\"" }
        }
        static func annotations(_ annotations: [TMXAnnotation], _ indent: String, _ out: inout String) {
            for annotation in annotations {
                out += indent
                switch annotation {
                case .note(let note):
                    out += "<note"
                    attributes(note.attributes, &out)
                    out += ">\(xmlEscaped(note.text))</note>\n"
                case .prop(let prop):
                    out += "<prop type=\"\(xmlEscaped(prop.type, attribute: true))\""
                    attributes(prop.attributes, &out)
                    out += ">\(xmlEscaped(prop.text))</prop>\n"
                }
            }
        }
        static func inline(_ content: [TMXInline], _ out: inout String) {
            for item in content {
                switch item {
                case .text(let text): out += xmlEscaped(text)
                case .element(let element):
                    out += "<\(element.name)"
                    attributes(element.attributes, &out)
                    if element.children.isEmpty {
                        out += "/>"
                    } else {
                        out += ">"
                        inline(element.children, &out)
                        out += "</\(element.name)>"
                    }
                }
            }
        }
        static func xml(_ unit: TMXUnit) -> String {
            var out = "    <tu"
            attributes(unit.attributes, &out)
            out += ">\n"
            annotations(unit.annotations, "      ", &out)
            for variant in unit.variants {
                out += "      <tuv xml:lang=\"\(xmlEscaped(variant.language, attribute: true))\""
                attributes(variant.attributes, &out)
                out += ">\n"
                annotations(variant.annotations, "        ", &out)
                out += "        <seg>"
                inline(variant.segment.content, &out)
                out += "</seg>\n      </tuv>\n"
            }
            return out + "    </tu>\n"
        }
    }

    private struct Maker {
        var random = SeededGenerator(seed: 6)
        let characters = Array("abcЖїґ &<>\"'\n\t\r;=ʼ—1")

        mutating func text(_ maximum: Int = 12) -> String {
            String((0..<Int.random(in: 0...maximum, using: &random)).map { _ in characters.randomElement(using: &random)! })
        }
        mutating func attributes() -> [String: String] {
            var result: [String: String] = [:]
            for key in ["tuid", "x", "creationdate", "changeid", "zeta", "alpha", "o-tmf", "i"]
            where Bool.random(using: &random) && Bool.random(using: &random) {
                result[key] = text(6)
            }
            return result
        }
        mutating func annotations() -> [TMXAnnotation] {
            (0..<Int.random(in: 0...2, using: &random)).map { _ in
                Bool.random(using: &random)
                    ? .note(TMXNote(text: text(), attributes: attributes()))
                    : .prop(TMXProp(type: text(4), text: text(), attributes: attributes()))
            }
        }
        mutating func inline(depth: Int = 0) -> [TMXInline] {
            (0..<Int.random(in: 0...4, using: &random)).map { _ in
                if depth < 2, Int.random(in: 0..<3, using: &random) == 0 {
                    return .element(
                        TMXInlineElement(
                            name: ["bpt", "ept", "ph", "hi", "sub"].randomElement(using: &random)!,
                            attributes: attributes(), children: inline(depth: depth + 1)))
                }
                return .text(text())
            }
        }
        mutating func unit() -> TMXUnit {
            TMXUnit(
                attributes: attributes(), annotations: annotations(),
                variants: ["uk", "en", "de"].shuffled(using: &random).prefix(Int.random(in: 1...3, using: &random)).map {
                    TMXVariant(
                        language: $0, segment: TMXSegment(inline()), attributes: attributes(), annotations: annotations())
                })
        }
    }

    func testByteWriterEqualsTheStringWriterAndHashesFromRangesEqualSegmentHashes() {
        var maker = Maker()
        for _ in 0..<LongTests.count(long: 3000, short: 1000) {
            let unit = maker.unit()
            var ranges: [Range<Int>] = []
            let xml = TMXWriter.xml(for: unit, segmentRanges: &ranges)
            XCTAssertEqual(xml, Reference.xml(unit))
            XCTAssertEqual(TMXWriter.xml(for: unit), xml)
            XCTAssertEqual(ranges.count, unit.variants.count)
            for (range, variant) in zip(ranges, unit.variants) {
                XCTAssertEqual(String(decoding: Array(xml.utf8)[range], as: UTF8.self), TMXWriter.xml(for: variant.segment))
            }
            let source = unit.variantIndex(for: "uk")
            let target = unit.variantIndex(for: "en")
            XCTAssertEqual(
                UnitImporter.pairHash(xml: xml, source: source.map { ranges[$0] }, target: target.map { ranges[$0] }),
                UnitImporter.pairHash(source.map { unit.variants[$0].segment }, target.map { unit.variants[$0].segment }))
        }
    }
}
