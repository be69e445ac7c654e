import Foundation

/// A hash of any value, made from all of its stored properties by reflection: the
/// same value gives the same hash in every process (dictionaries and sets are
/// hashed in no particular order), and a property added to a type is in its
/// fingerprint without anyone listing it.
enum Fingerprint {
    /// The fingerprint of `value`.
    static func of(_ value: Any) -> UInt64 {
        var hash = ContentHash()
        add(value, into: &hash)
        return hash.value
    }

    /// The fingerprint of `value`'s stored properties, leaving out those named in `skipping`.
    static func of(_ value: Any, skipping: Set<String>) -> UInt64 {
        var hash = ContentHash()
        for child in Mirror(reflecting: value).children where !skipping.contains(child.label ?? "") {
            hash.combine(child.label)
            add(child.value, into: &hash)
        }
        return hash.value
    }

    static func add(_ value: Any, into hash: inout ContentHash) {
        // The common leaves by exact type: a cast to a protocol or an array of Any converts the value.
        let type = type(of: value)
        if type == String.self { hash.combine("s" + (value as! String)); return }
        if type == Int.self { hash.combine(UInt64(bitPattern: Int64(value as! Int))); return }
        if type == Bool.self { hash.combine((value as! Bool) ? "T" : "F"); return }
        if type == [Int].self {
            let list = value as! [Int]
            hash.combine(UInt64(list.count))
            for number in list { hash.combine(UInt64(bitPattern: Int64(number))) }
            return
        }
        if type == Set<String>.self {
            let set = value as! Set<String>
            unordered(set.map { ContentHash.of($0) }, into: &hash)
            return
        }
        // The site model's indexes (by slug, by path), without a mirror of each entry.
        if type == [String: Int].self {
            unordered((value as! [String: Int]).map { entry(ContentHash.of("s" + $0.key), UInt64(bitPattern: Int64($0.value))) }, into: &hash)
            return
        }
        if type == [String: String].self {
            unordered((value as! [String: String]).map { entry(ContentHash.of("s" + $0.key), ContentHash.of("s" + $0.value)) }, into: &hash)
            return
        }
        if type == [SitePage].self {
            let pages = value as! [SitePage]
            hash.combine(UInt64(pages.count))
            for page in pages { page.fingerprint(into: &hash) }
            return
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .dictionary?, .set?:
            unordered(mirror.children.map { of($0.value) }, into: &hash)
        case .optional?:
            if let wrapped = mirror.children.first?.value {
                hash.combine("some")
                add(wrapped, into: &hash)
            } else {
                hash.combine("none")
            }
        case .enum?:
            // The case's name, then its payload.
            hash.combine(mirror.children.first?.label ?? String(describing: value))
            if let payload = mirror.children.first?.value { add(payload, into: &hash) }
        case nil:
            // A leaf of another kind (a number, a character): its description.
            hash.combine(String(describing: value))
        default:
            hash.combine(UInt64(mirror.children.count))
            for child in mirror.children {
                hash.combine(child.label)
                add(child.value, into: &hash)
            }
        }
    }

    /// An entry of a dictionary from its key's and value's hashes.
    private static func entry(_ key: UInt64, _ value: UInt64) -> UInt64 {
        var hash = ContentHash()
        hash.combine(key)
        hash.combine(value)
        return hash.value
    }

    /// Combines element hashes in an order that does not depend on the collection's.
    private static func unordered(_ hashes: [UInt64], into hash: inout ContentHash) {
        hash.combine(UInt64(hashes.count))
        for element in hashes.sorted() { hash.combine(element) }
    }
}

extension SitePage {
    /// Its fingerprint, without reflection: a site has a page for every record and
    /// more, and a mirror of each one was most of the keys stage. The switches name
    /// every case (a new one does not compile until it is added here), and
    /// FingerprintTests fails when SitePage gains a stored property not hashed here.
    func fingerprint(into hash: inout ContentHash) {
        kind.fingerprint(into: &hash)
        hash.combine(path)
        hash.combine(language?.rawValue)
    }
}

extension SitePage.Kind {
    fileprivate func fingerprint(into hash: inout ContentHash) {
        func number(_ value: Int) { hash.combine(UInt64(bitPattern: Int64(value))) }
        switch self {
        case .home: number(0)
        case .project(let index): number(1); number(index)
        case .poster(let index): number(2); number(index)
        case .report(let index): number(3); number(index)
        case .page(let index): number(4); number(index)
        case .newsList: number(5)
        case .newsItem(let index): number(6); number(index)
        case .city(let index, let page): number(7); number(index); number(page)
        case .group(let index, let page): number(8); number(index); number(page)
        case .projectsPage(let page): number(9); number(page)
        case .searchIndex: number(10)
        case .accessibility: number(11)
        case .glossary: number(12)
        case .notFound: number(13)
        case .statistics: number(14)
        case .openData: number(15)
        case .file(let file):
            number(16)
            switch file {
            case .projectsJSON: number(0)
            case .projectsCSV: number(1)
            case .projectJSON(let index): number(2); number(index)
            case .sitemap: number(3)
            case .sitemapPart(let part): number(4); number(part)
            case .robots: number(5)
            case .newsFeed: number(6)
            case .dataPackage: number(7)
            case .csvMetadata: number(8)
            case .catalog: number(9)
            case .catalogDataset: number(10)
            }
        }
    }
}
