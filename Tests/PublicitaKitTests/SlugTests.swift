import Foundation
import Testing
@testable import PublicitaKit

/// Slugs (heading ids, city and programme addresses) come from a table for ASCII and
/// Czech text and from Foundation's folding for anything else; both give the same.
@Suite("Slugs")
struct SlugTests {
    @Test func theCzechTableFoldsEveryLetterAsFoundationDoes() throws {
        let letters = "aábcčdďeéěfghiíjklmnňoópqrřsštťuúůvwxyýzž"
        for letter in letters + letters.uppercased() {
            let text = "x\(letter)y"
            #expect(Slug.makeFromCzech(text) == Slug.makeFolded(text), "\(letter)")
        }
        #expect(Set(Slug.czechBaseLetters.keys.map { Character($0) }) == Set(letters + letters.uppercased()).subtracting("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"))
    }

    @Test(arguments: ["Kroměříž", "Cíle projektu", "Cíl č. 1: Snížení míry — narušování (pořádku)!", "  --Úvod--  ", "KA 01 – Činnost",
                      "2014–2020", "…", "", "Ústí nad Labem", "ŽLUŤOUČKÝ KŮŇ ÚPĚL ĎÁBELSKÉ ÓDY"])
    func czechTextGetsTheFoldedSlug(_ text: String) {
        #expect(Slug.makeFromCzech(text) ?? Slug.makeFolded(text) == Slug.makeFolded(text))
        #expect(Slug.make(from: text) == Slug.makeFolded(text))
    }

    @Test(arguments: ["Straße", "Łódź", "e\u{301}", "Žižkov ü", "Ελλάδα", "北京"])
    func otherTextIsFoldedByFoundation(_ text: String) {
        #expect(Slug.makeFromCzech(text) == nil)
        #expect(Slug.make(from: text) == Slug.makeFolded(text))
    }

    @Test func examples() {
        #expect(Slug.make(from: "Kroměříž") == "kromeriz")
        #expect(Slug.make(from: "Cíle projektu") == "cile-projektu")
        #expect(Slug.make(from: "  --Úvod--  ") == "uvod")
        #expect(Slug.make(from: "…") == "x")
    }
}
