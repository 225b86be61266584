/* The events layer of the reader's map, built as DOM nodes: a glyph per event type (the
 * `icon` names of mapapp/events/taxonomy.py), a marker per event badged with its number
 * of sources, the event as the panel shows it (type and the words that decided it, place,
 * dates and their precision, its passages grouped by source) and as the feed lists it.
 * Every text from an article goes in as text, never as HTML (see passages.js). */
(function () {
  "use strict";

  const { el, plural, highlighted, articleTitle } = window.ConflictPassages;
  const SVG = "http://www.w3.org/2000/svg";

  /* Each glyph is drawn in a 20x20 box, in white over the type's colour. Shapes rather
   * than emoji: a font may lack them, and two types must never look alike. */
  const GLYPHS = {
    "crossed-swords": [["path", { d: "M4 4 L16 16 M16 4 L4 16 M3 12.5 L7.5 17 M12.5 17 L17 12.5", "stroke-width": 2.2 }]],
    explosion: [["path", { d: "M10 1.5 L12 7 L18 5 L13.5 9.5 L18.5 13 L12.5 13 L12 18.5 L9 14 L4.5 18 L6.5 12.5 L1.5 10.5 L7 8.5 L5 3.5 L9 6.5 Z", fill: "currentColor", "stroke-width": 0.5 }]],
    "person-down": [
      ["circle", { cx: 4.5, cy: 11, r: 2.6, fill: "currentColor" }],
      ["path", { d: "M8 11 L18 11 M11 11 L13 6.5 M15 11 L17 15.5", "stroke-width": 2.2 }],
    ],
    megaphone: [["path", { d: "M3 8 L7 8 L15 3.5 L15 16.5 L7 12 L3 12 Z M7 12 L8.5 17", fill: "currentColor", "stroke-width": 1.2 }]],
    fire: [["path", { d: "M10 1.5 C11 6 16 8 15.5 13 C15 17 12 18.5 10 18.5 C7 18.5 4.5 16.5 4.5 13 C4.5 10 7 9 7 6 C8.5 7.5 9 9 9 10.5 C10.5 8.5 11 5 10 1.5 Z", fill: "currentColor", "stroke-width": 0.5 }]],
    flag: [["path", { d: "M5 18.5 L5 2 M5 3 L16 3 L13 7 L16 11 L5 11 Z", fill: "currentColor", "stroke-width": 1.8 }]],
    dot: [["circle", { cx: 10, cy: 10, r: 4.5, fill: "currentColor" }]],
  };

  function glyph(icon) {
    const svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", "0 0 20 20");
    svg.setAttribute("class", "glyph");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    (GLYPHS[icon] || GLYPHS.dot).forEach(([tag, attrs]) => {
      const shape = document.createElementNS(SVG, tag);
      Object.entries({ fill: "none", stroke: "currentColor", "stroke-linecap": "round", "stroke-linejoin": "round", ...attrs })
        .forEach(([key, value]) => shape.setAttribute(key, value));
      svg.append(shape);
    });
    return svg;
  }

  /* Fill the page's legend keys (<span class="event-glyph" data-icon=...>) with glyphs. */
  function drawLegendGlyphs(root) {
    root.querySelectorAll(".event-glyph[data-icon]").forEach((key) => {
      if (!key.firstChild) key.append(glyph(key.dataset.icon));
    });
  }

  /* ---------- dates and sources, as words ---------- */

  const PRECISION_WORDS = { day: "to the day", range: "over a few days", month: "to the month", year: "to the year" };

  function eventDates(e) {
    const when = e.start === e.end ? e.start : e.start + " to " + e.end;
    return when + " (" + (PRECISION_WORDS[e.precision] || e.precision) + ")";
  }

  function reportedBy(e) { return "Reported by " + plural(e.sources, "source", "sources"); }

  function placeWords(place) {
    return [place.name, place.admin1 && place.admin1 !== place.name ? place.admin1 : null, place.country_code]
      .filter(Boolean).join(", ");
  }

  /* Words for a screen reader and a tooltip: what, where, when, how well sourced. */
  function eventSummary(e) {
    return e.label + " in " + e.place.name + ", " + (e.start === e.end ? e.start : e.start + " to " + e.end) + ", " + reportedBy(e).toLowerCase();
  }

  /* ---------- the marker ---------- */

  /* A marker of the event's type, larger the more outlets report it, with their number
   * as a badge from two on, moved by `offset` pixels ([x, y]) from its point when it
   * shares that point. `onOpen(event)` opens it (pointer, Enter or Space). */
  function eventMarker(e, latlng, onOpen, offset) {
    const size = Math.round(22 + 5 * Math.min(4, Math.log2(Math.max(1, e.sources))));
    const [dx, dy] = offset || [0, 0];
    const body = el("span", { class: "event-pin event-" + e.type }, [glyph(e.icon)]);
    if (e.sources > 1) body.append(el("span", { class: "source-badge", text: String(e.sources) }));
    const icon = L.divIcon({
      className: "event-marker event-id-" + e.id, html: body,
      iconSize: [size, size], iconAnchor: [size / 2 - dx, size / 2 - dy],
    });
    const marker = L.marker(latlng, { icon, keyboard: true, title: eventSummary(e), alt: eventSummary(e), riseOnHover: true });
    marker.on("click", () => onOpen(e));
    marker.on("add", () => {
      const node = marker.getElement();
      node.setAttribute("role", "button");
      node.setAttribute("aria-label", eventSummary(e));
      node.dataset.eventId = String(e.id);
      node.dataset.type = e.type;
      node.dataset.sources = String(e.sources);
      node.addEventListener("keydown", (event) => {
        if (event.key === "Enter" || event.key === " ") { event.preventDefault(); onOpen(e); }
      });
    });
    return marker;
  }

  /* ---------- the panel ---------- */

  /* The classifier's cues that name the type's words: what happened, who did it, to
   * whom (its other cues, "located: in" and the like, are about the place). */
  const TYPE_CUE = /^(trigger|actor|target): (.+)$/;

  /* The words that decided the type, from every passage of that type, the commonest first. */
  function decidingWords(detail) {
    const counts = new Map();
    detail.sources_detail.forEach((group) => group.passages.forEach((p) => {
      if (p.type !== detail.type) return;
      (p.cues || []).forEach((cue) => {
        const found = TYPE_CUE.exec(cue);
        if (!found) return;
        const words = "“" + found[2].toLowerCase() + "”";
        counts.set(words, (counts.get(words) || 0) + 1);
      });
    }));
    return [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([words]) => words);
  }

  /* One passage: its text with the place's name marked, its article and dates. */
  function passageNode(p) {
    const item = el("li", { class: "passage event-passage" });
    if (p.passage) {
      item.append(highlighted(p.passage.text, p.passage.highlight[0], p.passage.highlight[1]));
    } else {
      item.append(el("p", { class: "passage-text", dir: "auto" }, [el("mark", { text: p.surface })]));
    }
    const a = p.article;
    item.append(el("dl", { class: "passage-meta" }, [
      el("dt", { text: "Article" }), el("dd", {}, [articleTitle(a)]),
      el("dt", { text: "Published" }), el("dd", { class: "passage-published", text: a.published_at ? a.published_at.slice(0, 10) : "unknown" }),
      el("dt", { text: "Event date" }), el("dd", { class: "passage-date", text: p.event_date || "not given" }),
    ]));
    return item;
  }

  /* The event as /api/events/<id> gives it, as the panel shows it. */
  function eventDetail(detail) {
    const facts = el("dl", { class: "event-facts" });
    const words = decidingWords(detail);
    const kind = el("dd", { class: "event-type" }, [el("span", { class: "event-glyph event-" + detail.type, "aria-hidden": "true" }, [glyph(detail.icon)]), " ", detail.label]);
    facts.append(el("dt", { text: "Type" }), kind);
    if (words.length) facts.append(el("dt", { text: "Decided by" }), el("dd", { class: "event-cues", text: words.join(", "), dir: "auto" }));
    facts.append(
      el("dt", { text: "Place" }), el("dd", { class: "event-place", text: placeWords(detail.place), dir: "auto" }),
      el("dt", { text: "When" }), el("dd", { class: "event-dates", text: eventDates(detail) }),
      el("dt", { text: "Sources" }), el("dd", { class: "event-sources", text: reportedBy(detail) + ", " + plural(detail.passages, "passage", "passages") }),
    );
    if (detail.edited) facts.append(el("dt", { text: "Edited" }), el("dd", { text: "Checked by an editor" }));
    const groups = el("ol", { class: "source-groups", "aria-label": "Passages by source" });
    detail.sources_detail.forEach((group) => {
      const heading = el("h3", { class: "source-name", text: group.source || "unknown source", dir: "auto" });
      groups.append(el("li", { class: "source-group" }, [heading, el("ol", { class: "passage-list" }, group.passages.map(passageNode))]));
    });
    return [facts, groups];
  }

  /* One entry of the events feed: the event (a button that opens it, calling
   * on.onOpen(event)), its first passage and where it comes from. */
  function eventFeedItem(e, on) {
    const item = el("li", { class: "feed-item event-feed-item", "data-event-id": e.id });
    const button = el("button", { type: "button", class: "feed-place feed-event", dir: "auto" },
      [el("span", { class: "event-glyph event-" + e.type, "aria-hidden": "true" }, [glyph(e.icon)]), " " + e.label + " in " + e.place.name]);
    button.addEventListener("click", () => on.onOpen(e));
    on.onHover(item, e.id);
    item.append(button);
    const first = e.first_passage;
    if (first) {
      const list = passageNode(first);
      item.append(...list.childNodes);
    }
    const meta = el("p", { class: "feed-meta" });
    meta.append(el("span", { class: "feed-date", text: eventDates(e) }), " · ",
      el("span", { class: "feed-sources", text: reportedBy(e) }));
    if (first) meta.append(" · ", el("span", { class: "feed-source", text: first.article.source || "unknown source", dir: "auto" }));
    item.append(meta);
    return item;
  }

  window.ConflictEvents = { glyph, drawLegendGlyphs, eventMarker, eventDetail, eventFeedItem, eventSummary, reportedBy };
})();
