/* The timeline under the map: a histogram of mentions dated to a day, a lane of spans
 * for mentions dated only to a month, a year or a range, and the selected window.
 * Drag to select a window, wheel (or + and -) to zoom in time, arrow keys to move the
 * window and shift + arrows to resize it. Days are whole numbers since 1970-01-01. */
(function () {
  "use strict";

  const SVG = "http://www.w3.org/2000/svg";
  const DAY_MS = 86400000;
  const DEFAULT_HEIGHT = 96;
  const SPAN_LANE = 22;
  const AXIS = 16;

  function toDay(iso) { return Math.round(Date.parse(iso + "T00:00:00Z") / DAY_MS); }
  function toIso(day) { return new Date(day * DAY_MS).toISOString().slice(0, 10); }

  function svgEl(tag, attrs) {
    const node = document.createElementNS(SVG, tag);
    Object.entries(attrs).forEach(([k, v]) => node.setAttribute(k, v));
    return node;
  }

  function Timeline(container, options) {
    this.container = container;
    this.onSelect = options.onSelect;   // (startDay, endDay) when the reader picks a window
    this.onAxis = options.onAxis;       // (fromDay, toDay) when the reader zooms in time
    this.data = null;
    this.window = null;                 // [startDay, endDay]
    this.axis = null;                   // [fromDay, toDay] shown
    this.svg = svgEl("svg", { class: "timeline-svg", height: this.height(), "aria-hidden": "true" });
    container.append(this.svg);
    this.bindPointer();
    this.bindKeys();
    new ResizeObserver(() => this.draw()).observe(container);
  }

  Timeline.prototype.width = function () { return Math.max(100, this.container.clientWidth); };
  /* As tall as its box (the page makes it shorter on phones). */
  Timeline.prototype.height = function () { return Math.max(48, this.container.clientHeight || DEFAULT_HEIGHT); };
  Timeline.prototype.x = function (day) {
    const [a, b] = this.axis;
    return ((day - a) / Math.max(1, b - a + 1)) * this.width();
  };
  Timeline.prototype.dayAt = function (x) {
    const [a, b] = this.axis;
    return Math.round(a + (x / this.width()) * (b - a + 1));
  };

  /* data: the /api/timeline answer; windowDays: [start, end] or null for all of time. */
  Timeline.prototype.render = function (data, windowDays) {
    this.data = data;
    if (data.start) this.axis = [toDay(data.start), toDay(data.end)];
    this.window = windowDays;
    this.draw();
  };

  Timeline.prototype.setWindow = function (windowDays) {
    this.window = windowDays;
    this.drawWindow();
  };

  Timeline.prototype.draw = function () {
    const svg = this.svg;
    svg.replaceChildren();
    const width = this.width();
    const height = this.height();
    svg.setAttribute("width", width);
    svg.setAttribute("height", height);
    svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
    if (!this.data || !this.axis) return;
    const data = this.data;
    const start = this.axis[0];
    const barsTop = SPAN_LANE + 2;
    const barsHeight = height - barsTop - AXIS;
    const peak = Math.max(1, ...data.counts);
    const bars = svgEl("g", { class: "timeline-bars" });
    data.counts.forEach((count, i) => {
      if (!count) return;
      const x0 = this.x(start + i * data.bin_days);
      const x1 = this.x(start + (i + 1) * data.bin_days);
      const h = Math.max(1, (count / peak) * barsHeight);
      const bar = svgEl("rect", { x: x0, y: barsTop + barsHeight - h, width: Math.max(1, x1 - x0 - 0.5), height: h });
      bar.append(svgEl("title", {})); bar.firstChild.textContent = `${toIso(start + i * data.bin_days)}: ${count}`;
      bars.append(bar);
    });
    svg.append(bars);

    // Imprecise dates are spans, not points: one bar across the whole extent, in up to
    // three rows, darker the more mentions share it.
    const spans = svgEl("g", { class: "timeline-spans" });
    const spanPeak = Math.max(1, ...data.spans.map((s) => s.mentions));
    const rowEnds = [-Infinity, -Infinity, -Infinity];
    data.spans.forEach((span) => {
      const x0 = Math.max(0, this.x(toDay(span.start)));
      const x1 = Math.min(width, this.x(toDay(span.end) + 1));
      let row = rowEnds.findIndex((end) => end <= x0);
      if (row < 0) row = 2;
      rowEnds[row] = Math.max(rowEnds[row], x1);
      const rect = svgEl("rect", {
        x: x0, y: 2 + row * 7, width: Math.max(2, x1 - x0), height: 5,
        "fill-opacity": 0.25 + 0.75 * (span.mentions / spanPeak), class: "timeline-span",
      });
      rect.append(svgEl("title", {})); rect.firstChild.textContent = `${span.start} to ${span.end}: ${span.mentions}`;
      spans.append(rect);
    });
    svg.append(spans);
    this.drawAxis(barsTop + barsHeight);
    this.windowRect = svgEl("rect", { class: "timeline-window", y: 0, height: height - AXIS });
    svg.append(this.windowRect);
    this.drawWindow();
  };

  Timeline.prototype.drawAxis = function (y) {
    const [a, b] = this.axis;
    const years = (b - a) / 365;
    const axis = svgEl("g", { class: "timeline-axis" });
    axis.append(svgEl("line", { x1: 0, x2: this.width(), y1: y, y2: y }));
    const first = new Date(a * DAY_MS);
    const ticks = [];
    if (years > 3) {
      const step = Math.ceil(years / 8);
      for (let yr = first.getUTCFullYear() + 1; ; yr += step) {
        const day = toDay(`${yr}-01-01`);
        if (day > b) break;
        ticks.push([day, String(yr)]);
      }
    } else {
      const months = Math.max(1, Math.ceil((years * 12) / 8));
      const d = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 1));
      for (; d.getTime() / DAY_MS <= b; d.setUTCMonth(d.getUTCMonth() + months)) {
        ticks.push([d.getTime() / DAY_MS, d.toISOString().slice(0, 7)]);
      }
      if (!ticks.length) ticks.push([a, toIso(a)]);
    }
    ticks.forEach(([day, label]) => {
      const x = this.x(day);
      axis.append(svgEl("line", { x1: x, x2: x, y1: y, y2: y + 4 }));
      const text = svgEl("text", { x: x + 2, y: y + 13 });
      text.textContent = label;
      axis.append(text);
    });
    this.svg.append(axis);
  };

  Timeline.prototype.drawWindow = function () {
    if (!this.windowRect || !this.axis) return;
    const [a, b] = this.window || this.axis;
    const x0 = Math.max(0, this.x(a));
    const x1 = Math.min(this.width(), this.x(b + 1));
    this.windowRect.setAttribute("x", x0);
    this.windowRect.setAttribute("width", Math.max(2, x1 - x0));
    this.container.setAttribute("aria-valuetext", this.window ? `${toIso(a)} to ${toIso(b)}` : "whole period");
  };

  Timeline.prototype.bindPointer = function () {
    let anchor = null;
    const dayFromEvent = (event) => this.dayAt(event.clientX - this.svg.getBoundingClientRect().left);
    this.svg.addEventListener("pointerdown", (event) => {
      if (!this.axis) return;
      anchor = dayFromEvent(event);
      this.svg.setPointerCapture(event.pointerId);
      event.preventDefault();
    });
    this.svg.addEventListener("pointermove", (event) => {
      if (anchor === null) return;
      const day = dayFromEvent(event);
      this.setWindow([Math.min(anchor, day), Math.max(anchor, day)]);
    });
    this.svg.addEventListener("pointerup", (event) => {
      if (anchor === null) return;
      const day = dayFromEvent(event);
      let [a, b] = [Math.min(anchor, day), Math.max(anchor, day)];
      anchor = null;
      if (b - a < 1) {  // a click, not a drag: a window of one bin around that day
        const bin = this.data ? this.data.bin_days : 1;
        b = a + Math.max(bin, 1) - 1;
      }
      this.setWindow([a, b]);
      this.onSelect(a, b);
    });
    this.svg.addEventListener("wheel", (event) => {
      if (!this.axis) return;
      event.preventDefault();
      const centre = dayFromEvent(event);
      this.zoom(event.deltaY < 0 ? 0.5 : 2, centre);
    }, { passive: false });
  };

  /* Zoom the axis by `factor` (< 1 zooms in) around `centre` (a day). */
  Timeline.prototype.zoom = function (factor, centre) {
    const [a, b] = this.axis;
    const length = Math.max(14, Math.round((b - a + 1) * factor));
    const mid = centre === undefined ? Math.round((a + b) / 2) : centre;
    const share = (mid - a) / Math.max(1, b - a + 1);
    const from = Math.round(mid - share * length);
    this.onAxis(from, from + length - 1);
  };

  Timeline.prototype.bindKeys = function () {
    this.container.addEventListener("keydown", (event) => {
      if (!this.axis) return;
      const [a, b] = this.window || this.axis;
      const step = this.data ? this.data.bin_days : 1;
      let next = null;
      if (event.key === "ArrowRight" && event.shiftKey) next = [a, b + step];
      else if (event.key === "ArrowLeft" && event.shiftKey) next = [a, Math.max(a, b - step)];
      else if (event.key === "ArrowRight") next = [a + step, b + step];
      else if (event.key === "ArrowLeft") next = [a - step, b - step];
      else if (event.key === "+" || event.key === "=") { this.zoom(0.5, Math.round((a + b) / 2)); event.preventDefault(); return; }
      else if (event.key === "-") { this.zoom(2, Math.round((a + b) / 2)); event.preventDefault(); return; }
      if (next) {
        event.preventDefault();
        this.setWindow(next);
        this.onSelect(next[0], next[1]);
      }
    });
  };

  window.ConflictTimeline = { Timeline: Timeline, toDay: toDay, toIso: toIso };
})();
