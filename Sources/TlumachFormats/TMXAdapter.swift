import TlumachCore
import TlumachTMX

/// TMX as bilingual units, read through the translation-memory module's streaming reader. The source language is
/// the caller's, else the header's `srclang` (unless `*all*`), else the first variant's; the target is the caller's,
/// else the first other language found. Unit ids are `tuid`, else the unit's position ("tu 3"); native codes
/// (`bpt`, `ept`, `it`, `ph`, `ut`) become inline codes keyed by name and `i`/`x`.
enum TMXAdapter {
    static func read(path: String, sourceLanguage: String?, targetLanguage: String?) throws -> BilingualDocument {
        var source = sourceLanguage
        var target = targetLanguage
        var units: [BilingualUnit] = []
        var position = 0
        try TMXReader.read(
            path: path,
            header: { header, _ in
                if source == nil, let declared = header.attributes["srclang"], declared != TMXLanguage.all { source = declared }
            },
            unit: { unit, line in
                position += 1
                guard !unit.variants.isEmpty else { return }
                if source == nil { source = unit.variants[0].language }
                guard let sourceTag = source, let sourceVariant = unit.variant(for: sourceTag) else { return }
                if target == nil {
                    target = unit.variants.first { !TMXLanguage.matches($0.language, sourceTag) }?.language
                }
                let targetVariant = target.flatMap { unit.variant(for: $0) }
                let id = unit.tuid ?? "tu \(position)"
                var notes = unit.notes.map(\.text)
                notes += sourceVariant.notes.map(\.text) + (targetVariant?.notes.map(\.text) ?? [])
                units.append(
                    BilingualUnit(
                        id: id, stableKey: unit.tuid ?? sourceVariant.segment.plainText,
                        source: sourceVariant.segment.plainText, target: targetVariant?.segment.plainText,
                        sourceCodes: codes(sourceVariant.segment), targetCodes: targetVariant.map { codes($0.segment) } ?? [],
                        line: line, column: 1, notes: notes))
            })
        return BilingualDocument(path: path, format: .tmx, sourceLanguage: source, targetLanguage: target, units: units)
    }

    /// Native codes with their UTF-16 offsets in the plain text.
    static func codes(_ segment: TMXSegment) -> [InlineCode] {
        var result: [InlineCode] = []
        var offset = 0
        func visit(_ items: [TMXInline]) {
            for item in items {
                switch item {
                case .text(let text): offset += text.utf16.count
                case .element(let element) where element.name == "hi": visit(element.children)
                case .element(let element) where element.isCode:
                    let id = element.attributes["i"] ?? element.attributes["x"] ?? ""
                    result.append(InlineCode(kind: element.name, id: id, offset: offset))
                case .element: break
                }
            }
        }
        visit(segment.content)
        return result
    }
}
