// The skill-gap panel: the plan's profile against a role of the built-in
// catalog, as a bar chart of current vs. required levels, the readiness and
// the gaps in priority order; and the five roles the profile is closest to.
import { builtinRoles, rankRoles, skillGap } from "careerplan";
import type { GapReport, SkillGap } from "careerplan";

import { byId, describeError, fill, h, words } from "./dom.js";
import { state, subscribe } from "./state.js";

const roleSelect = byId<HTMLSelectElement>("role");

const percent = (share: number) => `${Math.round(share * 100)} %`;

function bar(kind: "current" | "required", share: number): HTMLElement {
  // Width as a share of the scale; a zero level keeps a sliver so the bar is seen to exist.
  return h("span", { class: `bar ${kind}`, style: `width: ${Math.max(share * 100, 0.5).toFixed(1)}%` });
}

function chartRow(s: SkillGap): HTMLElement {
  const current = s.current === null ? "not assessed" : `current ${s.current}`;
  return h("li", { class: `gap-row${s.met ? " met" : ""}`, "data-skill": s.skill },
    h("span", { class: "gap-skill" }, s.skill, s.must_have ? h("abbr", { title: "must-have" }, " *") : null),
    h("span", { class: "gap-bars", "aria-hidden": "true" },
      bar("current", s.current_normalized), bar("required", s.required_normalized)),
    h("span", { class: "gap-values" }, `${current}, required ${s.required} (${s.scale})`));
}

function renderReport(report: GapReport): void {
  byId("readiness").textContent = `${report.title}: readiness ${percent(report.readiness)} `
    + `(${words(report.tier)}), about ${Math.round(report.total_hours)} hours of learning to close the gaps`
    + (report.unmet_must_haves.length > 0 ? `; must-haves missing: ${report.unmet_must_haves.join(", ")}.` : ".");
  const chart = h("ul", { class: "gap-list", "aria-labelledby": "gap-caption" }, ...report.skills.map(chartRow));
  fill(byId("gap-chart"), [chart]);
  const gaps = report.skills.filter((s) => s.priority !== null)
    .sort((a, b) => (a.priority ?? 0) - (b.priority ?? 0));
  fill(byId("gaps"), gaps.length === 0
    ? [h("li", { class: "none" }, "No gaps: every requirement is met.")]
    : gaps.map((s) => h("li", { "data-skill": s.skill },
      h("strong", {}, s.skill), `: ${s.current ?? "not assessed"} → ${s.required}`,
      s.must_have ? " (must-have)" : "", `, about ${Math.round(s.hours)} h`)));
}

function renderTop(): void {
  const plan = state.plan;
  if (plan === null) return;
  const top = rankRoles(plan, { top_k: 5 });
  fill(byId("top-roles"), top.map((entry) => {
    const button = h("button", { type: "button", class: "linkish", "data-role": entry.role_id },
      entry.title);
    button.addEventListener("click", () => {
      roleSelect.value = entry.role_id;
      renderGap();
      roleSelect.focus();
    });
    return h("li", {}, button, ` ${percent(entry.readiness)}, ${words(entry.tier)}`);
  }));
  if (roleSelect.value === "" && top[0] !== undefined) roleSelect.value = top[0].role_id;
}

function renderGap(): void {
  const plan = state.plan;
  if (plan === null || roleSelect.value === "") return;
  try {
    renderReport(skillGap(plan, roleSelect.value, { today: state.today }));
  } catch (error) {
    byId("readiness").textContent = `Cannot compare: ${describeError(error)}`;
    fill(byId("gap-chart"), []);
    fill(byId("gaps"), []);
  }
}

export function initGap(): void {
  const roles = [...builtinRoles().roles].sort((a, b) => a.title.localeCompare(b.title));
  fill(roleSelect, [
    h("option", { value: "" }, "Choose a role"),
    ...roles.map((r) => h("option", { value: r.id }, r.title)),
  ]);
  roleSelect.addEventListener("change", renderGap);
  subscribe(() => {
    try {
      renderTop();
    } catch (error) {
      fill(byId("top-roles"), [h("li", { class: "error" }, describeError(error))]);
    }
    renderGap();
  });
}
