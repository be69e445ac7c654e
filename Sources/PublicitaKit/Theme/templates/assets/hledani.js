/* publicita: instant search over the portal's projects (progressive enhancement).
 * The home page works without this script: its filter pages list the same projects.
 * The script reveals the search form, loads the index named by data-index (built
 * with the site, from the same server) on first use, and lists matching projects as
 * the reader types; the number found is announced through the role="status" region.
 * Result links are resolved against the index's address, so they work under any
 * base path; data-page-suffix ("index.html" in a relative-links build) names the
 * file where no server maps a folder to its index.
 * No framework, no request to any other server. */
(function () {
  "use strict";
  var block = document.getElementById("search");
  // Chromium and Firefox refuse fetch() of file: addresses, so a site opened from
  // a folder keeps the section hidden rather than offering a search that fails.
  if (!block || !window.fetch || !("hidden" in block) || location.protocol === "file:") return;
  var input = document.getElementById("search-input");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var form = input && input.form;
  if (!input || !status || !list || !form) return;
  var LIMIT = 20;
  var suffix = block.getAttribute("data-page-suffix") || "";
  var indexURL = new URL(block.getAttribute("data-index"), document.baseURI);
  var projects = null, loading = null, timer = 0;

  function fold(text) {
    return String(text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  function message(name, n) {
    return (block.getAttribute("data-" + name) || "").replace("{n}", String(n));
  }
  function load() {
    if (!loading) {
      loading = fetch(indexURL.href, { credentials: "same-origin" })
        .then(function (response) {
          if (!response.ok) throw new Error(String(response.status));
          return response.json();
        })
        .then(function (data) {
          projects = (data.projects || []).map(function (p) {
            p.haystack = fold([p.title, p.city, p.programme, p.period, p.status].join(" "));
            return p;
          });
          return projects;
        });
      loading.catch(function () { status.textContent = message("failed", 0); });
    }
    return loading;
  }
  function item(p) {
    var li = document.createElement("li");
    var a = document.createElement("a");
    a.href = new URL("../projekty/" + encodeURIComponent(p.slug) + "/" + suffix, indexURL).href;
    a.textContent = p.title;
    // A project without a version in the index's language: its title is read in its own.
    if (p.lang) a.lang = p.lang;
    li.appendChild(a);
    var facts = [p.city, p.programme, p.period, p.status, p.total].filter(Boolean);
    if (facts.length) {
      var small = document.createElement("span");
      small.className = "small";
      small.textContent = " – " + facts.join(", ");
      li.appendChild(small);
    }
    // A corrected total says so and links to its correction, as the lists do.
    if (p.total && p.correction) {
      var mark = document.createElement("a");
      mark.className = "correction-mark";
      mark.href = a.href + "#" + encodeURIComponent(p.correction);
      mark.textContent = "(" + message("corrected", 0) + ")";
      li.appendChild(document.createTextNode(" "));
      li.appendChild(mark);
    }
    return li;
  }
  function show() {
    var words = fold(input.value).split(/\s+/).filter(Boolean);
    list.textContent = "";
    if (!words.length) { status.textContent = ""; return; }
    var found = projects.filter(function (p) {
      return words.every(function (w) { return p.haystack.indexOf(w) !== -1; });
    });
    found.slice(0, LIMIT).forEach(function (p) { list.appendChild(item(p)); });
    var text = found.length ? message("found", found.length) : message("none", 0);
    if (found.length > LIMIT) text += " " + message("shown", LIMIT);
    status.textContent = text;
  }
  function update() {
    window.clearTimeout(timer);
    // Announce once the reader pauses, not after every key.
    timer = window.setTimeout(function () { load().then(show); }, 250);
  }
  form.addEventListener("submit", function (event) { event.preventDefault(); load().then(show); });
  input.addEventListener("input", update);
  input.addEventListener("focus", function () { load(); }, { once: true });
  block.hidden = false;
})();
