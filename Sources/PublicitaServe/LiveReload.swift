import Foundation
import PublicitaKit

/// What `serve` adds to the HTML it sends (never to the files it built):
/// the reload script and, while the portal has errors, the overlay listing them.
enum LiveReload {
    /// The server-sent events endpoint the reload script listens to, under the site's path.
    static let eventsName = "__publicita/events"

    /// The element id of the error overlay (tests and people can look for it).
    static let overlayID = "publicita-overlay"

    /// The script that reloads the page when a build newer than `generation` is announced.
    ///
    /// The server announces the current build as soon as the script connects, so a
    /// rebuild between loading the page and connecting is not missed.
    static func script(generation: String, eventsPath: String) -> String {
        """
        <script id="publicita-live-reload">
        (function () {
          var shown = "\(generation)";
          if (!window.EventSource) { return; }
          var source = new EventSource("\(eventsPath)");
          source.addEventListener("build", function (event) {
            if (event.data !== shown) { source.close(); window.location.reload(); }
          });
        })();
        </script>

        """
    }

    /// A fixed panel over the page listing the diagnostics of the failed build.
    static func overlay(_ diagnostics: [Diagnostic], language: Language, hasSite: Bool) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        let heading = LocalizedText(
            cs: "publicita: sestavení selhalo (chyby: \(errors), varování: \(warnings))",
            en: "publicita: the build failed (errors: \(errors), warnings: \(warnings))").text(in: language)
        let note = (hasSite
            ? LocalizedText(cs: "Zobrazuje se poslední úspěšně sestavená verze webu. Po opravě se stránka sama obnoví.",
                            en: "The last site that built is shown. The page reloads by itself once the errors are fixed.")
            : LocalizedText(cs: "Web zatím nebylo možné sestavit. Po opravě se stránka sama obnoví.",
                            en: "The site could not be built yet. The page reloads by itself once the errors are fixed.")).text(in: language)
        let hide = LocalizedText(cs: "Skrýt", en: "Hide").text(in: language)
        let expectedLabel = LocalizedText(cs: "očekáváno", en: "expected").text(in: language)
        let foundLabel = LocalizedText(cs: "nalezeno", en: "found").text(in: language)
        let fixLabel = LocalizedText(cs: "oprava", en: "fix").text(in: language)

        var items = ""
        // A build's diagnostics come sorted already; sorting here keeps the overlay in the report's order whatever it is given.
        for d in diagnostics.sortedForReport() {
            var item = "<li style=\"margin:0 0 1em 0\">"
            item += "<code style=\"font-weight:bold\">\(escape(d.location.description))</code>: "
            let color = d.severity == .error ? "#b00020" : "#8a5a00"
            item += "<span style=\"color:\(color);font-weight:bold\">\(escape(d.severity.rawValue))[<span class=\"publicita-rule\">\(escape(d.rule.rawValue))</span>]</span>: "
            if let field = d.field { item += "<code>\(escape(field))</code>: " }
            item += escape(d.message.text(in: language))
            var values: [String] = []
            if let expected = d.expected { values.append("\(expectedLabel): \(escape(expected))") }
            if let found = d.found { values.append("\(foundLabel): \(escape(found))") }
            if !values.isEmpty { item += "<br>" + values.joined(separator: "; ") }
            if let fix = d.suggestion?.text(in: language) { item += "<br>\(fixLabel): \(escape(fix))" }
            item += "</li>\n"
            items += item
        }
        return """
        <div id="\(overlayID)" role="alert" lang="\(language.rawValue)" style="position:fixed;inset:0;z-index:2147483647;overflow:auto;\
        background:rgba(255,255,255,0.97);color:#111;font:16px/1.5 system-ui,sans-serif;padding:2em;box-sizing:border-box;border:6px solid #b00020">
        <button type="button" onclick="this.parentNode.remove()" style="float:right;font:inherit;padding:0.3em 1em">\(escape(hide))</button>
        <h2 style="margin-top:0;color:#b00020">\(escape(heading))</h2>
        <p>\(escape(note))</p>
        <ol style="padding-left:1.5em">
        \(items)</ol>
        </div>

        """
    }

    /// A whole page for when no build has succeeded yet.
    static func errorPage(_ diagnostics: [Diagnostic], language: Language, generation: String, eventsPath: String) -> String {
        let title = LocalizedText(cs: "Sestavení selhalo", en: "The build failed").text(in: language)
        return """
        <!DOCTYPE html>
        <html lang="\(language.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>publicita: \(escape(title))</title>
        </head>
        <body>
        \(overlay(diagnostics, language: language, hasSite: false))\(script(generation: generation, eventsPath: eventsPath))</body>
        </html>

        """
    }

    /// `html` with `snippet` put just before its last `</body>`, or at its end when there is none.
    static func inject(_ snippet: String, into html: String) -> String {
        if let range = html.range(of: "</body>", options: [.caseInsensitive, .backwards]) {
            var result = html
            result.insert(contentsOf: snippet, at: range.lowerBound)
            return result
        }
        return html + snippet
    }

    /// Text made safe for HTML content and attribute values (the library's escaping).
    static func escape(_ text: String) -> String { HTML.escape(text) }
}
