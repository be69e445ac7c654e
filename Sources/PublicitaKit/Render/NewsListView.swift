/// News items, newest first.
struct NewsListView {
    let context: PageContext

    func items(limit: Int? = nil) -> [[String: Any]] {
        let sorted = context.site.listedNews.map { context.site.portal.news[$0] }.sorted {
            $0.date != $1.date ? $0.date > $1.date : $0.source.slug.value < $1.source.slug.value
        }
        return sorted.prefix(limit ?? sorted.count).map { original in
            let path = Route.news(original.source.slug.value)
            let item = context.translation(of: path).map { context.site.portal.news[$0] } ?? original
            var row: [String: Any] = [
                "title": item.title, "href": context.href(path),
                "date_text": item.date.formatted(context.strings.language), "date_iso": item.date.iso,
            ]
            if let language = context.titleLanguage(item.source) { row["record_lang"] = language }
            if let summary = item.summary { row["summary"] = summary }
            return row
        }
    }

    /// The news list page: every item, and the feed when the site has one.
    func list() -> [String: Any] {
        var view: [String: Any] = ["news": items()]
        if context.site.hasNewsFeed { view["feed_href"] = context.href(Route.newsFeed) }
        return view
    }

    func item(_ news: NewsItem, body: String) -> [String: Any] {
        var view: [String: Any] = [
            "title": news.title,
            "date_text": news.date.formatted(context.strings.language),
            "date_iso": news.date.iso,
            "body_html": context.markdown(body),
            "news_href": context.href(Route.newsList),
        ]
        if let summary = news.summary { view["summary"] = summary }
        if let slug = news.project?.value, let index = context.site.projectIndex(slug: slug) {
            view.merge(context.projectReference(index), uniquingKeysWith: { $1 })
        }
        return view
    }
}
