// The goal editor: lint the statement on every keystroke, underline the
// findings' words in a mirror layer behind the textarea (by the reports'
// UTF-16 spans, which index JS strings directly), and list each finding with
// its message, suggestion and fix.
import { lintGoal, lintPlan } from "careerplan";
import type { Criterion, Diagnostic, Fix, LintReport, Severity } from "careerplan";

import { byId, describeError, fill, h, withCode, words } from "./dom.js";
import { state, changed, subscribe } from "./state.js";

const LETTERS: Array<[Criterion, string, string]> = [
  ["specific", "S", "Specific"],
  ["measurable", "M", "Measurable"],
  ["achievable", "A", "Achievable"],
  ["relevant", "R", "Relevant"],
  ["time_bound", "T", "Time-bound"],
];

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

const textarea = byId<HTMLTextAreaElement>("goal");
const mirror = byId<HTMLDivElement>("goal-mirror");
const goalSelect = byId<HTMLSelectElement>("plan-goal");
const saveButton = byId<HTMLButtonElement>("save-goal");

/** The report on the statement: with its plan context when it is a plan goal. */
function lint(text: string): LintReport {
  const goalId = goalSelect.value;
  const plan = state.plan;
  if (goalId !== "" && plan !== null) {
    // Lint the plan with this goal's title replaced, so that the verdicts
    // use everything the plan knows about the goal (deadline field, metric,
    // values, parent, effort); the page itself judges nothing.
    const copy = structuredClone(plan);
    const goal = copy.goals?.find((g) => g["id"] === goalId);
    if (goal !== undefined) {
      goal["title"] = text;
      try {
        const report = lintPlan(copy, { today: state.today }).goals.find((g) => g.goal_id === goalId);
        if (report !== undefined) return report;
      } catch {
        // A plan that cannot be read: judge the text alone (the plan panel shows why).
      }
    }
  }
  return lintGoal(text, { today: state.today });
}

/**
 * The text cut at every span boundary, each piece marked with the most severe
 * finding covering it, so that overlapping spans still underline correctly.
 */
function renderMirror(text: string, diagnostics: Diagnostic[]): void {
  const spans = diagnostics.filter((d) => d.span_utf16.end > d.span_utf16.start);
  const cuts = new Set<number>([0, text.length]);
  for (const d of spans) {
    cuts.add(d.span_utf16.start);
    cuts.add(d.span_utf16.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const pieces: Node[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i] as number;
    const end = points[i + 1] as number;
    const piece = text.slice(start, end);
    const covering = spans.filter((d) => d.span_utf16.start <= start && d.span_utf16.end >= end);
    if (covering.length === 0) {
      pieces.push(document.createTextNode(piece));
      continue;
    }
    const worst = covering.reduce((a, b) => (RANK[b.severity] > RANK[a.severity] ? b : a));
    pieces.push(h("mark", { class: `sev-${worst.severity}`, "data-codes": covering.map((d) => d.code).join(" ") }, piece));
  }
  // A final newline needs a character after it to take up its line.
  pieces.push(document.createTextNode("\u200b"));
  fill(mirror, pieces);
}

function renderVerdicts(report: LintReport): void {
  fill(byId("letters"), LETTERS.map(([key, letter, name]) => {
    const verdict = report.criteria[key];
    const state = verdict.met === null ? "n/a" : verdict.met ? "met" : "not met";
    const cls = verdict.met === null ? "na" : verdict.met ? "met" : "unmet";
    return h("li", { class: `letter ${cls}`, "data-criterion": key, "data-met": String(verdict.met) },
      h("span", { class: "letter-mark", "aria-hidden": "true" }, letter),
      h("span", { class: "letter-name" }, name),
      h("span", { class: "letter-state" }, `${state}, ${verdict.score}/100`));
  }));
  byId("deadline").textContent = report.deadline === null
    ? "Deadline: none found in the statement."
    : `Deadline: ${report.deadline} (resolved against ${state.today}).`;
}

function applyFix(fix: Fix): void {
  const text = textarea.value;
  textarea.value = text.slice(0, fix.span_utf16.start) + fix.replacement + text.slice(fix.span_utf16.end);
  const caret = fix.span_utf16.start + fix.replacement.length;
  // The button goes away with the re-render; keep the keyboard user in the text.
  textarea.focus();
  textarea.setSelectionRange(caret, caret);
  update();
}

/**
 * The fix as the words it changes: a fix's span may reach into a word it
 * keeps ("Try to g" -> "G" only re-capitalises the "g"), so the part both
 * sides share at either end (letter case aside) is left out, and what is
 * left is cut back to whole words: "Remove “Try to”".
 */
export function describeFix(words: string, replacement: string): string {
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  let head = 0;
  while (head < words.length && head < replacement.length && same(words.charAt(head), replacement.charAt(head))) head++;
  let tail = 0;
  while (tail < words.length - head && tail < replacement.length - head
    && same(words.charAt(words.length - 1 - tail), replacement.charAt(replacement.length - 1 - tail))) tail++;
  // Back to word boundaries, so no half word is shown.
  const isWord = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}'’-]/u.test(c);
  while (head > 0 && isWord(words[head - 1]) && isWord(words[head])) head--;
  while (tail > 0 && isWord(words[words.length - tail]) && isWord(words[words.length - tail - 1])) tail--;
  const removed = words.slice(head, words.length - tail).trim();
  const added = replacement.slice(head, replacement.length - tail).trim();
  if (removed === "" && added === "") return `Replace “${words}” with “${replacement}”`;
  if (added === "") return `Remove “${removed}”`;
  if (removed === "") return `Insert “${added}”`;
  return `Replace “${removed}” with “${added}”`;
}

/** A button applying the fix (a template is only shown: it needs the writer's words). */
function fixControl(fix: Fix, text: string): Node {
  const words = text.slice(fix.span_utf16.start, fix.span_utf16.end);
  const label = describeFix(words, fix.replacement);
  if (fix.applicability === "display-only") {
    return h("p", { class: "fix-template" }, `For example: ${label.replace(/^./, (c) => c.toLowerCase())}.`);
  }
  const button = h("button", { type: "button", class: `fix ${fix.applicability}` },
    fix.applicability === "safe" ? label : `${label} (check the meaning)`);
  button.addEventListener("click", () => applyFix(fix));
  return button;
}

function renderDiagnostics(report: LintReport): void {
  const list = byId("diagnostics");
  if (report.diagnostics.length === 0) {
    fill(list, [h("li", { class: "none" }, "No findings.")]);
    return;
  }
  fill(list, report.diagnostics.map((d) => {
    const quoted = report.text.slice(d.span_utf16.start, d.span_utf16.end);
    return h("li", { class: `diagnostic sev-${d.severity}`, "data-code": d.code },
      h("p", { class: "diag-head" },
        h("span", { class: `badge sev-${d.severity}` }, d.severity),
        " ", h("code", {}, d.code), ` (${words(d.criterion)})`,
        quoted === "" ? null : h("q", { class: "diag-words" }, quoted)),
      h("p", { class: "diag-message" }, ...withCode(d.message)),
      d.suggestion === null ? null : h("p", { class: "diag-suggestion" }, d.suggestion),
      d.fix === undefined ? null : fixControl(d.fix, report.text));
  }));
}

/** Lint the statement and show the result. */
function update(): void {
  const text = textarea.value;
  try {
    const report = lint(text);
    renderMirror(text, report.diagnostics);
    renderVerdicts(report);
    renderDiagnostics(report);
  } catch (error) {
    renderMirror(text, []);
    fill(byId("letters"), []);
    byId("deadline").textContent = `Cannot lint: ${describeError(error)}`;
    fill(byId("diagnostics"), []);
  }
}

/** The select lists the plan's goals; keep the choice when the goal is still there. */
function refreshGoalChoices(): void {
  const previous = goalSelect.value;
  const goals = state.plan?.goals ?? [];
  fill(goalSelect, [
    h("option", { value: "" }, "A new goal (no plan context)"),
    ...goals.map((g) => h("option", { value: String(g["id"]) }, `${String(g["id"])}: ${String(g["title"] ?? "")}`)),
  ]);
  goalSelect.value = goals.some((g) => g["id"] === previous) ? previous : "";
  saveButton.disabled = goalSelect.value === "";
}

export function initEditor(): void {
  textarea.addEventListener("input", update);
  // The mirror scrolls with the textarea, for long statements.
  textarea.addEventListener("scroll", () => { mirror.scrollTop = textarea.scrollTop; });
  goalSelect.addEventListener("change", () => {
    const goal = state.plan?.goals?.find((g) => g["id"] === goalSelect.value);
    saveButton.disabled = goal === undefined;
    if (goal !== undefined) textarea.value = String(goal["title"] ?? "");
    update();
  });
  saveButton.addEventListener("click", () => {
    const goal = state.plan?.goals?.find((g) => g["id"] === goalSelect.value);
    if (goal === undefined) return;
    goal["title"] = textarea.value;
    changed();
  });
  subscribe(() => {
    refreshGoalChoices();
    update();
  });
}
