// The ops dashboard: plain JS, SVG charts drawn here, no third-party code. Every value is set with
// textContent (never innerHTML), and the key lives only in this tab's sessionStorage.
"use strict";
const SVG = "http://www.w3.org/2000/svg";
const $ = (id) => document.getElementById(id);
const COLORS = { gateway: "#5c6bc0", coding: "#00897b", claims: "#f4511e", payments: "#43a047", denials: "#8e24aa", payer_sim: "#757575" };
let previous = null;
let timer = null;

function key() { return sessionStorage.getItem("opsKey"); }

async function api(path, options = {}) {
  const response = await fetch(path, { ...options, headers: { Authorization: "Bearer " + key(), ...(options.headers || {}) } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) { throw new Error([body.title || ("HTTP " + response.status), body.detail].filter(Boolean).join(": ")); }
  return body;
}

function el(tag, text, attrs = {}) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) { node.textContent = String(text); }
  for (const [k, v] of Object.entries(attrs)) { node.setAttribute(k, v); }
  return node;
}

function svgEl(tag, attrs = {}, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) { node.setAttribute(k, v); }
  if (text !== undefined) { node.textContent = String(text); }
  return node;
}

function fillTable(id, rows, cells, bad = () => false) {
  const body = $(id).querySelector("tbody");
  body.replaceChildren();
  for (const row of rows) {
    const tr = el("tr");
    if (bad(row)) { tr.className = "bad"; }
    for (const cell of cells(row)) {
      if (cell instanceof Node) { const td = el("td"); td.append(cell); tr.append(td); }
      else { tr.append(el("td", cell ?? "–", typeof cell === "number" ? { class: "num" } : {})); }
    }
    body.append(tr);
  }
}

// Horizontal bar chart: items [{label, value, text}], value in [0, max].
function barChart(id, items, max, width = 420) {
  const svg = $(id);
  const row = 24, labelWidth = 150, barWidth = width - labelWidth - 70;
  svg.replaceChildren();
  svg.setAttribute("width", width);
  svg.setAttribute("height", Math.max(row * items.length + 10, 30));
  if (!items.length) { svg.append(svgEl("text", { x: 4, y: 18 }, "no data yet")); return; }
  items.forEach((item, i) => {
    const y = 5 + i * row;
    const w = max > 0 && item.value !== null ? Math.max(1, (item.value / max) * barWidth) : 0;
    svg.append(svgEl("text", { x: 0, y: y + 15 }, item.label));
    svg.append(svgEl("rect", { x: labelWidth, y: y + 3, width: barWidth, height: 16, fill: "#eceff4" }));
    svg.append(svgEl("rect", { x: labelWidth, y: y + 3, width: w, height: 16, fill: item.color || "#3f6fb5", class: "bar", "data-value": item.value ?? "" }));
    svg.append(svgEl("text", { x: labelWidth + barWidth + 6, y: y + 15 }, item.text));
  });
}

const pct = (r) => (r.value === null ? null : Number(r.value) * 100);
const pctText = (r) => (r.value === null ? "n/a" : (Number(r.value) * 100).toFixed(1) + "%");

async function loadHealth() {
  let data;
  try { data = await api("/ops/api/health"); $("health-error").textContent = ""; }
  catch (err) { $("health-error").textContent = "Health unavailable: " + err.message; return; }
  const now = Date.now();
  const rates = {};
  for (const s of data.stages) {
    const before = previous ? previous.stages[s.stage] : undefined;
    rates[s.stage] = before !== undefined ? ((s.processed - before) / ((now - previous.at) / 1000)).toFixed(2) : "…";
  }
  previous = { at: now, stages: Object.fromEntries(data.stages.map((s) => [s.stage, s.processed])) };
  fillTable("stages", data.stages, (s) => [s.stage, s.processed, rates[s.stage], s.failed, s.duplicates, s.lag,
    Object.entries(s.lag_by_partition).map(([p, v]) => p + ":" + v).join(" "), s.mean_ms, s.p95_ms], (s) => s.failed > 0 || s.lag > 100);
  fillTable("services", data.services, (s) => [s.service, s.up ? "up" : "DOWN", s.outbox_backlog, s.outbox_parked ?? "", s.http_requests, s.http_mean_ms, s.http_5xx], (s) => !s.up || s.outbox_parked > 0);
  fillTable("queues", Object.entries(data.queues), ([name, size]) => [name, size]);
  fillTable("dlq-depths", Object.entries(data.dlq || {}), ([topic, n]) => [topic, n], ([, n]) => n > 0);
  $("refreshed").textContent = "updated " + new Date(now).toLocaleTimeString();
}

async function loadKpis() {
  try {
    const k = await api("/ops/api/kpis");
    $("kpi-error").textContent = "";
    const named = [["Clean-claim rate", k.clean_claim_rate], ["Denial rate", k.denial_rate],
      ["First-pass resolution", k.first_pass_resolution_rate], ["Net collection rate", k.net_collection_rate]];
    barChart("chart-rates", named.map(([label, r]) => ({ label, value: pct(r), text: pctText(r) })), 100);
    const days = k.days_in_ar.value === null ? null : Number(k.days_in_ar.value);
    barChart("chart-ar", [{ label: "Days in A/R", value: days, text: days === null ? "n/a" : days.toFixed(1) + " d", color: "#c77700" }], Math.max(60, days || 0));
    const payers = Object.entries(k.denial_rate_by_payer).map(([p, r]) => ({ label: p, value: pct(r), text: pctText(r), color: "#b23b3b" }));
    barChart("chart-payers", payers, 100);
    const reasons = Object.entries(k.denial_rate_by_reason).map(([p, r]) => ({ label: p, value: pct(r), text: pctText(r), color: "#8e24aa" }));
    barChart("chart-reasons", reasons, Math.max(10, ...reasons.map((r) => r.value || 0)));
    fillTable("kpi-table", [...named, ["Days in A/R", k.days_in_ar]], ([name, r]) => [name, r.value ?? "n/a", r.numerator, r.denominator]);
  } catch (err) { $("kpi-error").textContent = "KPIs unavailable: " + err.message; }
}

function drawTimeline(spans) {
  const svg = $("timeline");
  svg.replaceChildren();
  const width = Math.max(svg.clientWidth || 900, 700), labelWidth = 330, row = 18;
  const end = Math.max(1, ...spans.map((s) => s.start_ms + s.duration_ms));
  const scale = (width - labelWidth - 230) / end;
  svg.setAttribute("height", spans.length * row + 24);
  svg.setAttribute("viewBox", "0 0 " + width + " " + (spans.length * row + 24));
  svg.append(svgEl("text", { x: labelWidth, y: 12 }, "0 ms"));
  svg.append(svgEl("text", { x: width - 230, y: 12 }, end.toFixed(0) + " ms"));
  spans.forEach((s, i) => {
    const y = 18 + i * row;
    const g = svgEl("g", { class: "span", "data-service": s.service, "data-name": s.name, "data-status": s.status });
    const edits = (s.attributes["billing.edits"] || []).join(", ");
    const state = s.attributes["billing.coding_status"] || s.attributes["billing.claim_status"] || "";
    const title = svgEl("title", {}, s.service + " · " + s.name + " · " + s.duration_ms + " ms" + (state ? " · " + state : "") + (edits ? " · " + edits : ""));
    g.append(title);
    g.append(svgEl("text", { x: 4 + s.depth * 10, y: y + 12 }, s.service + " · " + s.name));
    g.append(svgEl("rect", { x: labelWidth + s.start_ms * scale, y: y + 2, width: Math.max(2, s.duration_ms * scale), height: 12,
      fill: s.status === "ERROR" ? "#d32f2f" : (COLORS[s.service] || "#607d8b"), opacity: s.name.startsWith("db ") ? 0.45 : 1 }));
    if (state || edits) {
      g.append(svgEl("text", { x: labelWidth + (s.start_ms + s.duration_ms) * scale + 4, y: y + 12, class: "state" }, [state, edits].filter(Boolean).join(": ")));
    }
    svg.append(g);
  });
}

function editLines(edits) {
  const ul = el("ul");
  for (const e of edits || []) { ul.append(el("li", e.edit_id + " (" + e.severity + "): " + e.message)); }
  return ul;
}

async function runSearch(event) {
  event.preventDefault();
  $("search-error").textContent = "";
  const id = $("search-id").value.trim();
  try {
    const found = await api("/ops/api/search?id=" + encodeURIComponent(id));
    const where = $("where");
    where.replaceChildren();
    where.hidden = false;
    if (found.where) {
      const stuck = ["needs_review", "held", "rejected", "denied"].includes(found.where.status);
      where.className = stuck ? "card" : "card ok";
      where.append(el("strong", "Where: "), el("span", found.where.service + " — " + found.where.span, { id: "where-service" }),
        el("br"), el("strong", "Status: "), el("span", found.where.status, { id: "where-status" }),
        el("br"), el("strong", "Why: "), el("span", found.where.edits.join(", ") || "no failing edit", { id: "where-why" }));
    } else {
      where.append(el("span", found.spans.length ? "No deciding step recorded yet." : "No trace found for this id."));
    }
    const records = $("records");
    records.replaceChildren();
    for (const r of found.records) {
      const card = el("div", null, { class: "card record", "data-service": r.service });
      card.append(el("strong", r.service + ": " + (r.status || "unavailable")), el("span", " · tenant " + (r.tenant_id || "?")));
      if (r.edits && r.edits.length) { card.append(editLines(r.edits)); }
      records.append(card);
    }
    drawTimeline(found.spans);
  } catch (err) { $("search-error").textContent = err.message; }
}

async function loadDlq() {
  const data = await api("/ops/api/dlq");
  fillTable("dlq-table", data.items, (m) => {
    const actions = el("span");
    const inspect = el("button", "Inspect", { class: "inspect" });
    inspect.addEventListener("click", () => inspectDlq(m));
    const replay = el("button", "Replay", { class: "replay" });
    replay.addEventListener("click", () => replayDlq(m));
    actions.append(inspect, " ", replay);
    return [m.topic, m.partition, m.offset, m.key, m.error, m.failed_at, actions];
  });
  $("dlq-status").textContent = data.items.length + " dead-lettered message(s)";
}

const dlqPath = (m) => "/ops/api/dlq/" + encodeURIComponent(m.topic) + "/" + m.partition + "/" + m.offset;

async function inspectDlq(m) {
  const shown = await api(dlqPath(m));
  let value = shown.value;
  try { value = JSON.stringify(JSON.parse(value), null, 2); } catch (e) { /* not JSON: shown as it is */ }
  $("dlq-message").hidden = false;
  $("dlq-message").textContent = "error: " + shown.error + "\n\n" + value;
}

async function replayDlq(m) {
  if (!window.confirm("Replay " + m.topic + " [" + m.partition + "] @" + m.offset + " to its original topic?")) { return; }
  const result = await api(dlqPath(m) + "/replay", { method: "POST" });
  $("dlq-status").textContent = "replayed to " + result.replayed_to + " (" + m.topic + " [" + m.partition + "] @" + m.offset + ")";
}

async function start() {
  try {
    const me = await api("/ops/api/session");
    $("whoami").textContent = "ops key " + me.key_id.slice(0, 8);
  } catch (err) {
    sessionStorage.removeItem("opsKey");
    $("login-error").textContent = err.message;
    return;
  }
  $("login-panel").hidden = true;
  $("app").hidden = false;
  $("logout").hidden = false;
  const refresh = () => Promise.allSettled([loadHealth(), loadKpis()]);
  await refresh();
  loadDlq().catch((err) => { $("dlq-status").textContent = err.message; });
  timer = setInterval(refresh, 5000);
}

document.addEventListener("DOMContentLoaded", () => {
  $("login-form").addEventListener("submit", (event) => {
    event.preventDefault();
    sessionStorage.setItem("opsKey", $("ops-key").value.trim());
    $("ops-key").value = "";
    start();
  });
  $("logout").addEventListener("click", () => { sessionStorage.removeItem("opsKey"); clearInterval(timer); location.reload(); });
  $("search-form").addEventListener("submit", runSearch);
  $("dlq-refresh").addEventListener("click", () => loadDlq().catch((err) => { $("dlq-status").textContent = err.message; }));
  if (key()) { start(); }
});
