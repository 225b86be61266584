/* What the reader's map says about a passage, built as DOM nodes: the passage with the
 * place's name highlighted, its article, source, dates and their precision, and how far
 * the place can be trusted. Every text from an article goes in as text (textContent or
 * text nodes), never as HTML, and only absolute http(s) addresses become links. */
(function () {
  "use strict";

  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([key, value]) => {
      if (key === "text") node.textContent = value;
      else node.setAttribute(key, value);
    });
    (children || []).forEach((child) => node.append(child));
    return node;
  }

  const plural = (n, one, many) => n + " " + (n === 1 ? one : many);

  /* ---------- trust and dates, as words ---------- */

  const TRUST_WORDS = { verified: "Verified by an editor", sure: "Machine, sure", unsure: "Machine, unsure" };
  const PRECISION_WORDS = { day: "day", month: "month", year: "year", range: "range" };

  /* How far a place on the map can be trusted: verified if an editor checked any of its
   * mentions, unsure if most of them are the machine's unsure guesses. */
  function placeTrust(p) {
    if (p.verified > 0) return "verified";
    if ((p.unsure || 0) > (p.sure || 0)) return "unsure";
    return "sure";
  }

  function mentionTrust(m) {
    if (m.trust) return m.trust;
    if (m.review === "confirmed" || m.review === "corrected") return "verified";
    return null;
  }

  function eventDateText(m) {
    if (!m.event_date) return "unknown";
    const when = !m.event_date_end || m.event_date === m.event_date_end ? m.event_date : m.event_date + " to " + m.event_date_end;
    return when + " (" + (PRECISION_WORDS[m.date_precision] || m.date_precision) + ")";
  }

  function badges(m) {
    const list = el("ul", { class: "badges", "aria-label": "Date precision and trust" });
    if (m.event_date) list.append(el("li", { class: "badge precision", text: "Date: " + (PRECISION_WORDS[m.date_precision] || m.date_precision || "day") }));
    const trust = mentionTrust(m);
    if (trust) list.append(el("li", { class: "badge trust-" + trust, text: TRUST_WORDS[trust] || trust }));
    return list;
  }

  function highlighted(passage, start, end) {
    const quote = el("blockquote", { class: "passage-text", dir: "auto" });
    quote.append(passage.slice(0, start), el("mark", { text: passage.slice(start, end) }), passage.slice(end));
    return quote;
  }

  /* An article's address if it is an absolute http(s) URL, else null: a javascript: or
   * data: address from an article must never become a link a reader can click. */
  function webAddress(url) {
    if (!url) return null;
    try {
      const protocol = new URL(url).protocol;
      return protocol === "http:" || protocol === "https:" ? url : null;
    } catch (error) {
      return null;
    }
  }

  function articleTitle(a) {
    const href = webAddress(a.url);
    return href
      ? el("a", { href, rel: "noopener noreferrer", target: "_blank", text: a.title, dir: "auto" })
      : el("span", { text: a.title, dir: "auto" });
  }

  function passageItem(m) {
    const a = m.article;
    const meta = el("dl", { class: "passage-meta" }, [
      el("dt", { text: "Article" }), el("dd", {}, [articleTitle(a)]),
      el("dt", { text: "Source" }), el("dd", { class: "passage-source", text: a.source || "unknown source", dir: "auto" }),
      el("dt", { text: "Event date" }), el("dd", { class: "passage-date", text: eventDateText(m) }),
      el("dt", { text: "Published" }), el("dd", { class: "passage-published", text: a.published_at ? a.published_at.slice(0, 10) : "unknown" }),
    ]);
    return el("li", { class: "passage" }, [highlighted(m.passage, m.highlight[0], m.highlight[1]), badges(m), meta]);
  }

  /* One entry of the feed: the place (a button that opens its passages, calling
   * on.onOpen(id, name)), the passage, its badges, date, source and article;
   * on.onHover(node, placeId) lets the map light up the place's marker. */
  function feedItem(m, on) {
    const place = m.place || {};
    const a = m.article;
    const item = el("li", { class: "feed-item", "data-place-id": place.id });
    const button = el("button", { type: "button", class: "feed-place", text: place.name || "Unknown place", dir: "auto" });
    button.addEventListener("click", () => on.onOpen(place.id, place.name));
    on.onHover(item, place.id);
    const meta = el("p", { class: "feed-meta" });
    meta.append(el("span", { class: "feed-date", text: eventDateText(m) }), " · ",
      el("span", { class: "feed-source", text: a.source || "unknown source", dir: "auto" }), " · ", articleTitle(a));
    item.append(button, highlighted(m.passage, m.highlight[0], m.highlight[1]), badges(m), meta);
    return item;
  }

  window.ConflictPassages = { el, plural, placeTrust, eventDateText, highlighted, webAddress, articleTitle, passageItem, feedItem };
})();
