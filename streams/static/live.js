// The live alert page: follows /live/events (server-sent events) and draws every alert.
// All text from records goes in through textContent / text nodes, never as markup.
"use strict";

(() => {
  const $ = (id) => document.getElementById(id);
  const list = $("alerts");
  const empty = $("empty");
  const shown = new Map(); // alert_id -> { alert, node }
  let keep = 100;

  const numberFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });
  const timeFormat = new Intl.DateTimeFormat(undefined, {
    hour: "2-digit", minute: "2-digit", second: "2-digit",
  });
  const dateFormat = new Intl.DateTimeFormat(undefined, {
    year: "numeric", month: "short", day: "numeric",
  });

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function date(iso) {
    const parsed = new Date(iso);
    return Number.isNaN(parsed.getTime()) ? null : parsed;
  }

  function day(iso) {
    const parsed = date(iso);
    return parsed ? dateFormat.format(parsed) : String(iso || "");
  }

  function ago(when) {
    const seconds = Math.max(0, Math.round((Date.now() - when.getTime()) / 1000));
    if (seconds < 45) return "just now";
    const minutes = Math.round(seconds / 60);
    if (minutes < 60) return `${minutes} min ago`;
    const hours = Math.round(minutes / 60);
    if (hours < 36) return `${hours} h ago`;
    return `${Math.round(hours / 24)} d ago`;
  }

  // The sentence with the claim's span marked. Offsets are into the article text, in Unicode
  // code points (Python), so they are taken relative to the sentence over Array.from(text).
  function sentence(claim) {
    const text = String(claim.sentence || "");
    const points = Array.from(text);
    let start = claim.span_start - claim.sentence_start;
    let end = claim.span_end - claim.sentence_start;
    const valid = Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start < end && end <= points.length;
    if (!valid) { // offsets that do not fit: find the span's text instead, or mark nothing
      const at = claim.span_text ? text.indexOf(claim.span_text) : -1;
      start = at < 0 ? -1 : Array.from(text.slice(0, at)).length;
      end = at < 0 ? -1 : start + Array.from(claim.span_text).length;
    }
    const quote = el("blockquote", "sentence");
    const lead = points.slice(0, Math.max(0, start)).join("").replace(/^\s+/, "");
    if (start < 0) {
      quote.textContent = text.trim();
      return quote;
    }
    quote.append(document.createTextNode(lead));
    quote.append(el("mark", "span", points.slice(start, end).join("")));
    quote.append(document.createTextNode(points.slice(end).join("").replace(/\s+$/, "")));
    return quote;
  }

  /** "45,000–55,000", "≥10,000" (no upper bound), "≤20,000" (no lower bound) or "11,000". */
  function valueRange(low, high) {
    const fmt = (n) => numberFormat.format(Number(n));
    if (low == null && high == null) return "?";
    if (high == null) return `≥${fmt(low)}`;
    if (low == null) return `≤${fmt(high)}`;
    return Number(low) === Number(high) ? fmt(low) : `${fmt(low)}–${fmt(high)}`;
  }

  function stance(claim) {
    const box = el("div", "stance");
    if (claim.kind === "quantity") {
      // a figure another side calls false carries the figure it disputes
      if (claim.polarity === "denied") box.append(el("span", "polarity polarity-denied", "disputes"));
      box.append(el("span", "value", valueRange(claim.value_low, claim.value_high)));
      const unit = claim.unit && claim.unit !== "count" ? `${claim.unit} ` : "";
      const what = [unit + (claim.predicate || ""), claim.place ? `in ${claim.place}` : ""].filter(Boolean).join(" ");
      box.append(el("span", "what", what));
    } else {
      box.append(el("span", `polarity polarity-${claim.polarity}`, claim.polarity));
      const who = (claim.participants || []).join(", ");
      box.append(el("span", "what", who ? `${claim.predicate} (${who})` : claim.predicate));
      if (claim.hedged) box.append(el("span", "hedged", "hedged"));
    }
    return box;
  }

  function period(claim) {
    const start = day(claim.ref_start);
    const end = day(claim.ref_end);
    const range = start === end ? start : `${start} – ${end}`;
    return claim.ref_text ? `${range} (“${claim.ref_text}”)` : range;
  }

  function claimPanel(label, claim) {
    const panel = el("div", "claim");
    const head = el("div", "claim-head");
    head.append(el("span", "claim-label", label));
    head.append(el("span", "source", claim.source));
    const speaker = el("div", "speaker", claim.speaker ? `according to ${claim.speaker}` : "unattributed");
    panel.append(head, speaker, stance(claim), sentence(claim));
    const meta = el("div", "claim-meta");
    meta.append(el("span", "", `about ${period(claim)}`));
    meta.append(el("span", "", `published ${day(claim.published_at)}`));
    const article = el("span", "mono", claim.article_id);
    article.title = `article ${claim.article_id} · claim ${claim.claim_id}`;
    meta.append(article);
    panel.append(meta);
    return panel;
  }

  function card(alert, fresh) {
    const node = el("article", fresh ? "alert fresh" : "alert");
    node.dataset.alertId = alert.alert_id;
    node.dataset.type = alert.type;
    const head = el("header", "alert-head");
    head.append(el("span", `badge badge-${alert.type}`, alert.type));
    head.append(el("span", "key mono", alert.key));
    const when = date(alert.detected_at);
    const time = el("time", "when");
    if (when) {
      time.dateTime = alert.detected_at;
      time.title = when.toString();
      time.append(el("span", "clock", timeFormat.format(when)));
      time.append(el("span", "ago", ago(when)));
    }
    head.append(time);
    node.append(head);
    node.append(el("p", "explanation", alert.explanation));
    const pair = el("div", "pair");
    pair.append(claimPanel("A", alert.claim_a), el("div", "versus", "vs"), claimPanel("B", alert.claim_b));
    node.append(pair);
    const foot = el("footer", "alert-foot mono", `alert ${alert.alert_id}`);
    node.append(foot);
    return node;
  }

  function place(alert, fresh) {
    if (shown.has(alert.alert_id)) return;
    const node = card(alert, fresh);
    // newest first: before the first shown alert detected no later than this one. Times have
    // second precision, so within one second the alert that arrived last goes on top.
    const at = alert.detected_at || "";
    let before = null;
    for (const child of list.querySelectorAll("article.alert")) {
      if ((shown.get(child.dataset.alertId).alert.detected_at || "") <= at) { before = child; break; }
    }
    list.insertBefore(node, before);
    shown.set(alert.alert_id, { alert, node });
    while (shown.size > keep) {
      const last = list.querySelector("article.alert:last-of-type");
      if (!last) break;
      shown.delete(last.dataset.alertId);
      last.remove();
    }
    counted();
  }

  function counted() {
    $("alert-count").textContent = numberFormat.format(shown.size);
    empty.hidden = shown.size > 0;
    $("list-note").textContent = `Newest first · last ${numberFormat.format(keep)} kept`;
  }

  function snapshot(data) {
    keep = data.keep || keep;
    $("topic").textContent = data.topic || "";
    for (const { node } of shown.values()) node.remove();
    shown.clear();
    for (const alert of data.alerts || []) place(alert, false);
    counted();
  }

  function stats(data) {
    const fmt = (n) => numberFormat.format(n || 0);
    $("s-rate").textContent = numberFormat.format(data.articles_per_second || 0);
    $("s-consumed").textContent = fmt(data.consumed);
    $("s-enriched").textContent = fmt(data.enriched);
    $("s-claims").textContent = fmt(data.claims);
    $("s-alerts").textContent = fmt(data.alerts);
    $("s-dead").textContent = fmt(data.deadlettered);
    const reasons = Object.entries(data.deadlettered_by_reason || {}).map(([reason, n]) => `${reason} ${fmt(n)}`);
    $("s-dead-reasons").textContent = reasons.length ? reasons.join(" · ") : "none";
    $("s-dead").closest(".stat").classList.toggle("warn", (data.deadlettered || 0) > 0);
    $("s-lag").textContent = fmt(data.lag);
    $("s-lag").title = Object.entries(data.lag_by_topic || {}).map(([t, n]) => `${t}: ${fmt(n)}`).join("\n");
    $("s-status").textContent = data.ready ? "records behind" : `worker: ${data.status}`;
  }

  function connection(state, text) {
    $("conn").dataset.state = state;
    $("conn-text").textContent = text;
  }

  function refreshTimes() {
    for (const { alert, node } of shown.values()) {
      const when = date(alert.detected_at);
      const label = node.querySelector(".ago");
      if (when && label) label.textContent = ago(when);
    }
  }

  function parse(event) {
    try {
      return JSON.parse(event.data);
    } catch (error) {
      console.warn("claimwatch: unreadable event", error);
      return null;
    }
  }

  const source = new EventSource("/live/events");
  source.addEventListener("open", () => connection("live", "Live"));
  source.addEventListener("error", () => connection("down", "Reconnecting…"));
  source.addEventListener("snapshot", (event) => { const data = parse(event); if (data) snapshot(data); });
  source.addEventListener("alert", (event) => { const data = parse(event); if (data) place(data, true); });
  source.addEventListener("stats", (event) => { const data = parse(event); if (data) stats(data); });
  setInterval(refreshTimes, 30000);
})();
