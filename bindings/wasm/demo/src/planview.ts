// The plan panel: open a plan (the example or a file), its validation
// problems by path, the roadmap SVG, the on-track table, the next reviews,
// and the downloads (the plan's .ics and the edited plan as JSON).
import { agenda, dumpPlan, loadPlan, nextReview, planStatus, roadmap, toIcs, validatePlan } from "careerplan";
import type { GoalStatus, ReviewEvent } from "careerplan";

import { addDays, byId, describeError, download, fill, h, words } from "./dom.js";
import { type PlanDocument, state, changed, subscribe } from "./state.js";

/** How far ahead the agenda and the calendar look, in days. */
const AGENDA_DAYS = 120;
const CALENDAR_DAYS = 366;
const AGENDA_ENTRIES = 10;

const statusLine = byId("status");

function say(message: string): void {
  statusLine.textContent = message;
}

/** Take a document as the plan if careerplan can read it; say why not otherwise. */
function usePlan(text: string, source: string): void {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    say(`Cannot open ${source}: it is not JSON (${describeError(error)}).`);
    return;
  }
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) {
    say(`Cannot open ${source}: a plan is a JSON object.`);
    return;
  }
  try {
    loadPlan(doc as PlanDocument);
  } catch (error) {
    say(`Cannot open ${source}: ${describeError(error)}`);
    return;
  }
  state.plan = doc as PlanDocument;
  state.source = source;
  changed();
  const goals = state.plan.goals?.length ?? 0;
  const problems = validatePlan(state.plan).length;
  say(`Opened ${source} (${String(state.plan["id"])}): ${goals} goal${goals === 1 ? "" : "s"}, `
    + (problems === 0 ? "valid." : `${problems} validation problem${problems === 1 ? "" : "s"}.`));
}

export async function loadExample(): Promise<void> {
  // Copied next to the page by demo/build.sh; a same-origin file, not the network.
  const response = await fetch("plan.json");
  if (!response.ok) {
    say(`Cannot load the example plan: HTTP ${response.status}.`);
    return;
  }
  usePlan(await response.text(), "the example plan");
}

function renderProblems(plan: PlanDocument): void {
  const problems = validatePlan(plan);
  fill(byId("problems"), problems.length === 0
    ? [h("li", { class: "none" }, "No problems: the plan is valid.")]
    : problems.map((p) => h("li", { class: `problem sev-${p.severity}`, "data-path": p.path },
      h("code", { class: "path" }, p.path || "(document)"), " ",
      h("span", { class: `badge sev-${p.severity}` }, p.severity), " ",
      `${p.message} `, h("code", {}, p.code))));
}

function renderRoadmap(plan: PlanDocument): void {
  // Drawn at the width it is shown at, so that its text keeps its size; the
  // library's minimum is 600, and a narrower screen shows that drawing
  // scaled down to fit (style.css), whole, without scrolling sideways.
  const box = byId("roadmap");
  const width = Math.round(Math.min(1200, Math.max(600, box.clientWidth)));
  const svgText = roadmap(plan, state.today, "svg", { width });
  // Parsed as XML (not HTML), then adopted: the SVG is the library's output,
  // with the plan's texts escaped, and keeps its own role and title.
  const parsed = new DOMParser().parseFromString(svgText, "image/svg+xml");
  const svg = parsed.documentElement;
  if (svg.nodeName !== "svg") throw new Error("the roadmap is not an SVG document");
  fill(box, [document.importNode(svg, true)]);
}

function statusRow(g: GoalStatus): HTMLTableRowElement {
  const percent = (n: number | null) => (n === null ? "–" : `${Math.round(n)} %`);
  // data-label: the column's name, shown before each cell on narrow screens.
  return h("tr", { "data-goal": g.goal_id },
    h("th", { scope: "row" }, g.title),
    h("td", { "data-label": "Horizon" }, g.horizon ?? "–"),
    h("td", { class: "num", "data-label": "Progress" }, percent(g.percent)),
    h("td", { class: "num", "data-label": "Expected" }, percent(g.expected_percent)),
    h("td", { "data-label": "Status" }, h("span", { class: `track ${g.status}` }, words(g.status))),
    h("td", { "data-label": "Deadline" }, g.deadline ?? "–"),
    h("td", { class: "num", "data-label": "Days left" }, g.days_left === null ? "–" : String(g.days_left)));
}

function renderStatus(plan: PlanDocument): void {
  const status = planStatus(plan, state.today);
  const tbody = byId("status-table").querySelector("tbody");
  if (tbody !== null) fill(tbody, status.goals.map(statusRow));
  byId("plan-title").textContent = `${String(plan["id"])}: ${Math.round(status.overall_percent)} % done overall `
    + `on ${status.today}.`;
}

function eventItem(e: ReviewEvent): HTMLLIElement {
  return h("li", { "data-kind": e.kind },
    h("time", { datetime: e.date }, e.date), " ",
    h("span", { class: "kind" }, words(e.kind)), " ", e.title);
}

function renderAgenda(plan: PlanDocument): void {
  const next = nextReview(plan, state.today);
  byId("next-review").textContent = next === null
    ? "No review is scheduled."
    : `Next review: ${next.title} on ${next.date}. Prompts: ${next.prompts.join(" ")}`;
  const events = agenda(plan, state.today, addDays(state.today, AGENDA_DAYS), { today: state.today });
  const list = byId("agenda");
  if (events.length === 0) {
    fill(list, [h("li", { class: "none" }, `Nothing in the next ${AGENDA_DAYS} days.`)]);
    return;
  }
  // The first entries, then a button for the rest: the heading promises
  // every event of the next AGENDA_DAYS days, so none is silently dropped.
  const hidden = events.length - AGENDA_ENTRIES;
  if (hidden <= 0) {
    fill(list, events.map(eventItem));
    return;
  }
  const more = h("button", { type: "button", class: "more" },
    `Show ${hidden} more (${events.length} in the next ${AGENDA_DAYS} days)`);
  more.addEventListener("click", () => fill(list, events.map(eventItem)));
  fill(list, [...events.slice(0, AGENDA_ENTRIES).map(eventItem), h("li", { class: "more" }, more)]);
}

function render(): void {
  const plan = state.plan;
  if (plan === null) return;
  // Each part on its own: one that fails (say, a date the roadmap rejects)
  // says why in place and leaves the others standing.
  const parts: Array<[string, (p: PlanDocument) => void]> = [
    ["problems", renderProblems], ["roadmap", renderRoadmap], ["status-table", renderStatus],
    ["agenda", renderAgenda],
  ];
  for (const stale of document.querySelectorAll(".render-error")) stale.remove();
  for (const [id, part] of parts) {
    try {
      part(plan);
    } catch (error) {
      const message = h("p", { class: "error render-error" }, describeError(error));
      const target = byId(id);
      if (target instanceof HTMLTableElement) {
        // A table cannot hold a paragraph: empty it and put the reason before it.
        target.querySelector("tbody")?.replaceChildren();
        target.parentElement?.before(message);
      } else {
        fill(target, [message]);
      }
    }
  }
}

function fileStem(): string {
  const id = state.plan === null ? "plan" : String(state.plan["id"] ?? "plan");
  return id.replace(/[^A-Za-z0-9._-]+/g, "-") || "plan";
}

export function initPlanView(): void {
  const picker = byId<HTMLInputElement>("plan-file");
  byId("load-example").addEventListener("click", () => {
    // The picker would otherwise still name the file that is no longer open.
    picker.value = "";
    void loadExample();
  });
  picker.addEventListener("change", async () => {
    const file = picker.files?.[0];
    if (file !== undefined) usePlan(await file.text(), file.name);
  });
  byId("download-ics").addEventListener("click", () => {
    if (state.plan === null) return say("Open a plan first.");
    try {
      const ics = toIcs(state.plan, state.today, addDays(state.today, CALENDAR_DAYS), { agenda: { today: state.today } });
      download(`${fileStem()}.ics`, ics, "text/calendar");
      say(`Downloaded ${fileStem()}.ics: the reviews and deadlines of the next ${CALENDAR_DAYS} days.`);
    } catch (error) {
      say(`Cannot make the calendar: ${describeError(error)}`);
    }
  });
  byId("export-json").addEventListener("click", () => {
    if (state.plan === null) return say("Open a plan first.");
    try {
      download(`${fileStem()}.json`, dumpPlan(state.plan), "application/json");
      say(`Exported ${fileStem()}.json (fields careerplan does not know are kept).`);
    } catch (error) {
      say(`Cannot export the plan: ${describeError(error)}`);
    }
  });
  subscribe(render);
  // Redraw the roadmap at the new width once resizing settles.
  let resizing: ReturnType<typeof setTimeout> | undefined;
  let drawnFor = window.innerWidth;
  window.addEventListener("resize", () => {
    clearTimeout(resizing);
    resizing = setTimeout(() => {
      if (state.plan === null || window.innerWidth === drawnFor) return;
      drawnFor = window.innerWidth;
      try {
        renderRoadmap(state.plan);
      } catch (error) {
        fill(byId("roadmap"), [h("p", { class: "error" }, describeError(error))]);
      }
    }, 150);
  });
}
