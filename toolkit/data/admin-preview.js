// The preview pane of tools and model projects: the entry as its catalogue card and the top of its
// page, with the site's own stylesheets (registered above by the build, with the vocabularies'
// labels in KB_PREVIEW). Text goes in as text: the CMS's h() escapes it.
(function () {
  "use strict";
  var h = window.h;

  function plain(value) {
    return value && typeof value.toJS === "function" ? value.toJS() : value;
  }

  function chips(data, facets, labels) {
    var found = [];
    facets.forEach(function (facet) {
      var value = plain(data.get(facet));
      if (value === undefined && data.get("orte")) {
        value = (plain(data.get("orte")) || []).map(function (town) { return town && town[facet]; });
      }
      [].concat(value || []).forEach(function (key) {
        var label = (labels[facet] || {})[key];
        if (label && found.indexOf(label) < 0) {
          found.push(label);
        }
      });
    });
    return found;
  }

  function template(facets) {
    return function (props) {
      var data = props.entry.get("data");
      var title = plain(data.get("titel")) || "";
      var summary = plain(data.get("kurz")) || "";
      var facts = chips(data, facets, KB_PREVIEW.labels);
      return h("div", { className: "md-typeset kb-preview" },
        h("ul", { className: "kb-cards" },
          h("li", { className: "kb-card" },
            h("h2", { className: "kb-card-title" }, title),
            h("p", null, summary),
            facts.length ? h("p", { className: "kb-card-facts" }, facts.join(" · ")) : null)),
        h("h1", null, title),
        h("p", { className: "kb-summary" }, summary),
        props.widgetFor("body"));
    };
  }

  Object.keys(KB_PREVIEW.cards).forEach(function (collection) {
    window.CMS.registerPreviewTemplate(collection, template(KB_PREVIEW.cards[collection]));
  });
})();
