// The demo page (demo/dist, built by demo/build.sh) end to end in a real
// headless Chromium: Debian's /usr/bin/chromium driven by playwright-core
// (which never downloads a browser), the page served by a tiny static server
// on 127.0.0.1. Screenshots at 1280 and 390 px go to
// $CARGO_TARGET_DIR/demo-screenshots (default target/), to look at.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { execFileSync } from "node:child_process";
import { extname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";

import { chromium } from "playwright-core";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const root = fileURLToPath(new URL("../../../../", import.meta.url));
const dist = fileURLToPath(new URL("../dist/", import.meta.url));
const targetDir = process.env.CARGO_TARGET_DIR ?? join(root, "target");
const shots = join(targetDir, "demo-screenshots");
// The repo's Python venv (scripts/test makes it at target/venv before this
// test runs) has the `icalendar` package, a real RFC 5545 parser for the download.
const python = process.env.CAREERPLAN_PYTHON ?? join(root, "target", "venv", "bin", "python");
const TODAY = "2026-11-22";
const VAGUE = "Try to get better at sales soon.";

// The Node flavour of the same build: what the page must show, computed here
// without the page.
const careerplan = createRequire(import.meta.url)("../../pkg/node/careerplan.js");
const examplePlan = JSON.parse(readFileSync(join(root, "examples/data/plan.json"), "utf8"));

const TYPES = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css",
  ".wasm": "application/wasm", ".json": "application/json",
};

/** Serve the files of dist/ and nothing else. */
function startServer() {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://127.0.0.1").pathname);
    const file = normalize(join(dist, path.endsWith("/") ? `${path}index.html` : path));
    if (!file.startsWith(dist) || file.split(sep).includes("..") || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

async function downloadText(page, selector) {
  const [download] = await Promise.all([page.waitForEvent("download"), page.click(selector)]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: readFileSync(path, "utf8") };
}

/** RFC 5545 structure: CRLF lines of at most 75 octets, balanced components. */
function checkIcs(ics) {
  assert.ok(ics.startsWith("BEGIN:VCALENDAR\r\n"), "starts with BEGIN:VCALENDAR");
  assert.ok(ics.endsWith("END:VCALENDAR\r\n"), "ends with END:VCALENDAR");
  const lines = ics.slice(0, -2).split("\r\n");
  for (const line of lines) {
    assert.ok(!line.includes("\n") && !line.includes("\r"), `bare line break in ${JSON.stringify(line)}`);
    assert.ok(Buffer.byteLength(line) <= 75, `line longer than 75 octets: ${line}`);
  }
  // Unfold, then check that every BEGIN has its END, properly nested.
  const logical = ics.replace(/\r\n[ \t]/g, "").split("\r\n").filter((l) => l !== "");
  const stack = [];
  const counts = {};
  for (const line of logical) {
    const [name, value] = [line.slice(0, line.indexOf(":")), line.slice(line.indexOf(":") + 1)];
    if (name === "BEGIN") {
      stack.push(value);
      counts[value] = (counts[value] ?? 0) + 1;
    } else if (name === "END") {
      assert.equal(stack.pop(), value, `END:${value} closes the wrong component`);
    } else {
      assert.ok(/^[A-Z][A-Z0-9-]*(;[^:]*)?$/.test(name), `not a content line: ${line}`);
    }
  }
  assert.deepEqual(stack, []);
  assert.equal(counts.VCALENDAR, 1);
  assert.ok(counts.VEVENT > 0, "has events");
  return { counts, logical };
}

test("the demo page lints, plans, compares skills and exports in headless Chromium", { timeout: 180_000 }, async () => {
  assert.ok(existsSync(CHROMIUM), `no Chromium at ${CHROMIUM} (scripts/test installs Debian's chromium)`);
  assert.ok(existsSync(join(dist, "index.html")), "no demo build in demo/dist (run bash demo/build.sh)");
  mkdirSync(shots, { recursive: true });
  const server = await startServer();
  const origin = `http://127.0.0.1:${server.address().port}`;
  let browser;
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    const requests = [];
    const pageErrors = [];
    page.on("request", (r) => requests.push(r.url()));
    page.on("pageerror", (err) => pageErrors.push(String(err)));
    page.on("console", (msg) => { if (msg.type() === "error") pageErrors.push(msg.text()); });

    await page.goto(`${origin}/`);
    await page.waitForSelector("body[data-ready=true]", { timeout: 60_000 });
    // Keyboard: the first Tab reaches the skip link, which leads into the
    // editor, and the focused control is visibly outlined.
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement?.className), "skip-link");
    await page.keyboard.press("Enter");
    assert.equal(await page.evaluate(() => document.activeElement?.id), "goal");
    assert.equal(await page.evaluate(() =>
      getComputedStyle(document.activeElement.closest(".goal-box")).outlineStyle), "solid");
    await page.keyboard.press("Tab");
    // The next stop (past the disabled save button) is the first fix button, outlined.
    assert.deepEqual(await page.evaluate(() => [document.activeElement?.className,
      getComputedStyle(document.activeElement).outlineStyle]), ["fix unsafe", "solid"]);
    await page.fill("#today", TODAY);
    await page.waitForFunction((d) => document.querySelector("#plan-title")?.textContent?.includes(`on ${d}.`), TODAY);

    // --- the goal editor, typed key by key -------------------------------
    await page.fill("#goal", "");
    await page.locator("#goal").pressSequentially(VAGUE);
    const expected = careerplan.lintGoal(VAGUE, { today: TODAY });
    const letters = await page.$$eval("#letters li", (items) =>
      items.map((li) => ({ criterion: li.dataset.criterion, met: li.dataset.met, text: li.textContent })));
    const wanted = Object.entries(expected.criteria).map(([criterion, v]) => ({ criterion, met: String(v.met) }));
    assert.deepEqual(letters.map(({ criterion, met }) => ({ criterion, met })), wanted);
    // The vague goal fails Specific, Measurable and Time-bound; Relevant needs context.
    const failing = letters.filter((l) => l.met === "false").map((l) => l.criterion);
    assert.deepEqual(failing, ["specific", "measurable", "time_bound"]);
    assert.equal(letters.find((l) => l.criterion === "relevant").met, "null");
    assert.match(letters[0].text, /^SSpecificnot met, \d+\/100$/);

    // Underlined: the marked words are exactly the findings' spans, and the
    // marks sit under the textarea's text.
    const spans = expected.diagnostics.filter((d) => d.span_utf16.end > d.span_utf16.start)
      .map((d) => VAGUE.slice(d.span_utf16.start, d.span_utf16.end));
    assert.ok(spans.length > 0);
    const marks = await page.$$eval("#goal-mirror mark", (ms) => ms.map((m) => {
      const box = m.getBoundingClientRect();
      const style = getComputedStyle(m);
      return { text: m.textContent, line: style.textDecorationLine, style: style.textDecorationStyle,
        box: { x: box.x, y: box.y, w: box.width, h: box.height } };
    }));
    // Spans may overlap (a whole-statement finding over a local one): the
    // marks cover each character once, in text order.
    const covered = VAGUE.split("").filter((_, i) => expected.diagnostics
      .some((d) => d.span_utf16.start <= i && i < d.span_utf16.end)).join("");
    assert.equal(marks.map((m) => m.text).join(""), covered);
    for (const m of marks) assert.equal(m.line, "underline");
    const area = await page.locator("#goal").boundingBox();
    for (const { box } of marks) {
      assert.ok(box.w > 0 && box.x >= area.x && box.x + box.w <= area.x + area.width + 1, "mark inside the box");
      assert.ok(box.y >= area.y && box.y + box.h <= area.y + area.height + 1, "mark inside the box");
    }
    const mirrorText = await page.$eval("#goal-mirror", (m) => m.textContent);
    assert.equal(mirrorText, `${VAGUE}\u200b`);
    const messages = await page.$$eval("#diagnostics li", (items) => items.map((li) => li.dataset.code));
    assert.deepEqual(messages, expected.diagnostics.map((d) => d.code));
    assert.equal(await page.textContent("#deadline"), "Deadline: none found in the statement.");
    await page.screenshot({ path: join(shots, "editor-vague-1280.png"), fullPage: true });

    // A fix applies to the text (the hedge's is "unsafe": offered, labelled
    // to check the meaning), the caret stays in the text, and the report follows.
    const fixable = expected.diagnostics.find((d) => d.fix && d.fix.applicability !== "display-only");
    assert.ok(fixable, "the vague goal has an applicable fix");
    const button = page.locator(`#diagnostics li[data-code="${fixable.code}"] button.fix`);
    // Shown as the words it changes: the hedge's fix spans "Try to g" -> "G"
    // (keeping the capital), and reads "Remove “Try to”".
    assert.equal(fixable.code, "hedge");
    assert.equal(VAGUE.slice(fixable.fix.span_utf16.start, fixable.fix.span_utf16.end), "Try to g");
    assert.equal(fixable.fix.replacement, "G");
    assert.match(await button.textContent(), /^Remove “Try to” \(check the meaning\)$/);
    await button.click();
    const fixed = VAGUE.slice(0, fixable.fix.span_utf16.start) + fixable.fix.replacement
      + VAGUE.slice(fixable.fix.span_utf16.end);
    assert.equal(await page.inputValue("#goal"), fixed);
    assert.equal(await page.evaluate(() => document.activeElement?.id), "goal");
    assert.deepEqual(await page.$$eval("#diagnostics li", (ls) => ls.map((l) => l.dataset.code)),
      careerplan.lintGoal(fixed, { today: TODAY }).diagnostics.map((d) => d.code));
    // A template fix is shown, not applied.
    assert.equal(await page.locator("#diagnostics .fix-template").count(),
      careerplan.lintGoal(fixed, { today: TODAY }).diagnostics.filter((d) => d.fix?.applicability === "display-only").length);
    // A resolved deadline is shown.
    await page.fill("#goal", "Pass the AWS Solutions Architect Associate exam by June 2027.");
    const withDeadline = careerplan.lintGoal("Pass the AWS Solutions Architect Associate exam by June 2027.", { today: TODAY });
    assert.equal(withDeadline.deadline, "2027-06-30");
    assert.equal(await page.textContent("#deadline"), `Deadline: 2027-06-30 (resolved against ${TODAY}).`);

    // Aims and rates: a compound goal names its aims, and the implausible
    // part shows its arithmetic; Achievable is not met.
    for (const [goal, codesWanted, words] of [
      ["Double my salary and become CTO of Google within 2 weeks.", ["compound-goal", "extreme-scope"], "CTO"],
      ["Complete 120 online courses in 30 days.", ["implausible-rate"], "120 online courses"],
    ]) {
      await page.fill("#goal", goal);
      const report = careerplan.lintGoal(goal, { today: TODAY });
      const shown = await page.$$eval("#diagnostics li", (ls) => ls.map((l) => ({ code: l.dataset.code, text: l.textContent })));
      assert.deepEqual(shown.map((d) => d.code), report.diagnostics.map((d) => d.code));
      for (const code of codesWanted) assert.ok(shown.some((d) => d.code === code), `${code} shown for ${goal}`);
      const achievable = await page.$eval('#letters li[data-criterion="achievable"]', (li) => li.dataset.met);
      assert.equal(achievable, "false");
      assert.ok(await page.$$eval("#goal-mirror mark", (ms, w) => ms.some((m) => m.textContent === w), words),
        `${words} underlined`);
    }
    assert.ok((await page.textContent("#diagnostics")).includes("120 in 30 days = 4 a day"));
    await page.screenshot({ path: join(shots, "editor-rates-1280.png"), fullPage: true });

    // --- the example plan --------------------------------------------------
    const svg = page.locator("#roadmap svg");
    assert.equal(await svg.count(), 1);
    assert.equal(await svg.getAttribute("role"), "img");
    assert.ok(await page.locator("#roadmap svg rect").count() >= examplePlan.goals.length);
    const svgBox = await svg.boundingBox();
    assert.ok(svgBox.width > 600 && svgBox.height > 100, `roadmap drawn at ${svgBox.width}x${svgBox.height}`);
    const status = careerplan.planStatus(examplePlan, TODAY);
    const rows = await page.$$eval("#status-table tbody tr", (trs) => trs.map((tr) => tr.dataset.goal));
    assert.deepEqual(rows, status.goals.map((g) => g.goal_id));
    assert.equal(await page.textContent("#problems li"), "No problems: the plan is valid.");
    const agenda = careerplan.agenda(examplePlan, TODAY, "2027-03-22", { today: TODAY });
    const shown = await page.$$eval("#agenda li time", (ts) => ts.map((t) => t.getAttribute("datetime")));
    assert.deepEqual(shown, agenda.slice(0, 10).map((e) => e.date));
    // More than ten events in the 120 days: the rest is one click away, never dropped.
    assert.ok(agenda.length > 10, `${agenda.length} events`);
    const more = page.locator("#agenda li.more button");
    assert.equal(await more.textContent(), `Show ${agenda.length - 10} more (${agenda.length} in the next 120 days)`);
    await more.click();
    assert.deepEqual(await page.$$eval("#agenda li time", (ts) => ts.map((t) => t.getAttribute("datetime"))),
      agenda.map((e) => e.date));
    assert.equal(await page.locator("#agenda li.more").count(), 0);
    assert.match(await page.textContent("#next-review"), /^Next review: .+ on \d{4}-\d{2}-\d{2}\./);

    // --- skill gap -----------------------------------------------------------
    const top = careerplan.rankRoles(examplePlan, { top_k: 5 });
    const topShown = await page.$$eval("#top-roles button", (bs) => bs.map((b) => b.dataset.role));
    assert.deepEqual(topShown, top.map((e) => e.role_id));
    assert.equal(await page.inputValue("#role"), top[0].role_id);
    await page.selectOption("#role", "senior-project-manager");
    const gap = careerplan.skillGap(examplePlan, "senior-project-manager", { today: TODAY });
    const bars = await page.$$eval("#gap-chart .gap-row", (rows) => rows.map((r) => ({
      skill: r.dataset.skill,
      current: r.querySelector(".bar.current").getBoundingClientRect().width,
      required: r.querySelector(".bar.required").getBoundingClientRect().width,
      track: r.querySelector(".gap-bars").getBoundingClientRect().width,
    })));
    assert.deepEqual(bars.map((b) => b.skill), gap.skills.map((s) => s.skill));
    for (const [i, b] of bars.entries()) {
      // Bar lengths are the normalised levels, as shares of the track inside its 2 px padding.
      const s = gap.skills[i];
      const inner = b.track - 4;
      for (const [px, share] of [[b.current, s.current_normalized], [b.required, s.required_normalized]]) {
        assert.ok(Math.abs(px - Math.max(share, 0.005) * inner) < 1.5, `${s.skill}: ${px}px for ${share} of ${inner}px`);
      }
    }
    assert.match(await page.textContent("#readiness"), new RegExp(`readiness ${Math.round(gap.readiness * 100)} %`));
    const gapsShown = await page.$$eval("#gaps li", (ls) => ls.map((l) => l.dataset.skill));
    assert.deepEqual(gapsShown, gap.skills.filter((s) => s.priority !== null).map((s) => s.skill));
    await page.screenshot({ path: join(shots, "demo-1280.png"), fullPage: true });

    // --- the calendar download ------------------------------------------------
    const ics = await downloadText(page, "#download-ics");
    assert.equal(ics.name, `${examplePlan.id}.ics`);
    const { logical } = checkIcs(ics.text);
    assert.equal(ics.text, careerplan.toIcs(examplePlan, TODAY, "2027-11-23", { agenda: { today: TODAY } }));
    assert.ok(logical.some((l) => l.startsWith("SUMMARY:")));
    if (existsSync(python)) {
      const parsed = JSON.parse(execFileSync(python, ["-c", `
import collections, json, sys
import icalendar
cal = icalendar.Calendar.from_ical(sys.stdin.buffer.read())
kinds = collections.Counter(c.name for c in cal.walk() if c.name != "VCALENDAR")
print(json.dumps({"kinds": kinds, "summaries": [str(c.get("SUMMARY")) for c in cal.walk("VEVENT")]}))
`], { input: ics.text, encoding: "utf8" }));
      const counts = {};
      for (const l of logical) if (l.startsWith("BEGIN:") && l !== "BEGIN:VCALENDAR") counts[l.slice(6)] = (counts[l.slice(6)] ?? 0) + 1;
      assert.deepEqual(parsed.kinds, counts);
      assert.ok(parsed.summaries.length > 0 && parsed.summaries.every((s) => s.length > 0));
    } else {
      console.log(`# no ${python}: the .ics is checked structurally only`);
    }

    // --- draft a development plan for the chosen role ------------------------
    await page.selectOption("#role", "program-manager");
    await page.fill("#draft-hours", "6");
    await page.click("#draft-plan");
    const drafted = careerplan.draftPlan(examplePlan, "program-manager", { start: TODAY, hours_per_week: 6 });
    await page.waitForFunction(() => document.querySelectorAll("#draft-goals > li").length > 0);
    assert.deepEqual(await page.$$eval("#draft-goals > li", (ls) => ls.map((l) => l.dataset.goal)),
      drafted.drafted.map((g) => g.goal_id));
    // Every drafted goal: Specific, Measurable and Time-bound met, shown as such.
    const verdicts = await page.$$eval("#draft-goals > li", (ls) => ls.map((l) =>
      Object.fromEntries([...l.querySelectorAll(".draft-letter")].map((a) => [a.dataset.criterion, a.dataset.met]))));
    for (const v of verdicts) {
      assert.deepEqual([v.specific, v.measurable, v.time_bound], ["true", "true", "true"]);
    }
    assert.match(await page.textContent("#draft-status"),
      new RegExp(`^${drafted.added_goals.length} goals and ${drafted.added_actions.length} actions drafted for Programme manager\\.`));
    assert.ok(await page.locator("#draft-agenda li").count() > 0);
    // The drafted plan is the page's plan now: its goals are in the on-track table.
    const rowsAfter = await page.$$eval("#status-table tbody tr", (trs) => trs.map((tr) => tr.dataset.goal));
    assert.ok(drafted.added_goals.every((id) => rowsAfter.includes(id)), `${rowsAfter}`);
    await page.screenshot({ path: join(shots, "draft-1280.png"), fullPage: true });
    // Drafting again adds nothing.
    await page.click("#draft-plan");
    await page.waitForFunction(() => document.querySelector("#draft-status")?.textContent?.startsWith("Nothing new to draft"));

    // --- a picked file with fields careerplan does not know, edited, exported --
    const tagged = structuredClone(examplePlan);
    tagged["x-tool"] = { synced: true, revision: 7 };
    tagged.goals[1]["x-color"] = "teal";
    await page.setInputFiles("#plan-file", {
      name: "tagged.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(tagged)),
    });
    await page.waitForFunction(() => document.querySelector("#status")?.textContent?.startsWith("Opened tagged.json"));
    await page.selectOption("#plan-goal", tagged.goals[1].id);
    assert.equal(await page.inputValue("#goal"), tagged.goals[1].title);
    const newTitle = "Earn the PMP certification by 30 June 2027.";
    await page.fill("#goal", newTitle);
    await page.click("#save-goal");
    const exported = await downloadText(page, "#export-json");
    const doc = JSON.parse(exported.text);
    assert.deepEqual(doc["x-tool"], { synced: true, revision: 7 });
    assert.equal(doc.goals[1]["x-color"], "teal");
    assert.equal(doc.goals[1].title, newTitle);
    assert.equal(exported.text, careerplan.dumpPlan({ ...tagged, goals: tagged.goals.map((g, i) => i === 1 ? { ...g, title: newTitle } : g) }));
    // The plan's views follow the edit.
    assert.ok((await page.textContent(`#status-table tr[data-goal="${tagged.goals[1].id}"] th`)) === newTitle);

    // A file that is not a plan leaves the current plan and says why.
    await page.setInputFiles("#plan-file", {
      name: "broken.json", mimeType: "application/json",
      buffer: Buffer.from('{"schema_version": 1, "id": "p", "goals": [{"id": "g", "title": "t", "deadline": "2027-02-30"}]}'),
    });
    await page.waitForFunction(() => document.querySelector("#status")?.textContent?.startsWith("Cannot open broken.json"));
    assert.match(await page.textContent("#status"), /invalid-date at goals\[0\]\.deadline/);

    // A plan that reads but breaks the cross-entity rules: its problems by path.
    const dangling = structuredClone(examplePlan);
    dangling.goals[1].parent_id = "no-such-goal";
    await page.setInputFiles("#plan-file", {
      name: "dangling.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(dangling)),
    });
    await page.waitForFunction(() => document.querySelector("#status")?.textContent?.startsWith("Opened dangling.json"));
    const problemPaths = await page.$$eval("#problems li", (ls) => ls.map((l) => l.dataset.path));
    assert.deepEqual(problemPaths, careerplan.validatePlan(dangling).map((p) => p.path));
    assert.ok(problemPaths.includes("goals[1].parent_id"));

    // --- accessibility basics ----------------------------------------------------
    const unlabelled = await page.$$eval("input, select, textarea, button", (els) =>
      els.filter((e) => (e.labels?.length ?? 0) === 0 && !e.getAttribute("aria-label") && !e.textContent.trim())
        .map((e) => e.id || e.outerHTML));
    assert.deepEqual(unlabelled, []);
    // Text contrast (WCAG 2 AA: 4.5:1) of every kind of text the page shows,
    // against the first opaque background behind it.
    const lowContrast = await page.evaluate(() => {
      const rgb = (c) => (c.match(/[\d.]+/g) ?? []).map(Number);
      const lum = ([r, g, b]) => {
        const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
        return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
      };
      const background = (el) => {
        for (let e = el; e; e = e.parentElement) {
          const c = rgb(getComputedStyle(e).backgroundColor);
          if (c.length === 3 || (c.length === 4 && c[3] === 1)) return c.slice(0, 3);
        }
        return [255, 255, 255];
      };
      const seen = [];
      for (const el of document.querySelectorAll("body *")) {
        const text = [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent.trim()).join("");
        if (text === "" || el.closest("svg, .goal-mirror, .visually-hidden, .skip-link, thead") !== null) continue;
        const style = getComputedStyle(el);
        if (style.display === "none" || style.visibility === "hidden") continue;
        const [a, b] = [lum(rgb(style.color).slice(0, 3)), lum(background(el))];
        const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
        if (ratio < 4.5) seen.push(`${el.tagName}.${el.className} "${text.slice(0, 30)}" ${ratio.toFixed(2)}`);
      }
      return seen;
    });
    assert.deepEqual(lowContrast, []);

    // --- narrow screen -------------------------------------------------------------
    await page.setViewportSize({ width: 390, height: 844 });
    // The roadmap is redrawn for the narrow screen, at the library's minimum width.
    await page.waitForFunction(() => document.querySelector("#roadmap svg")?.getAttribute("width") === "600");
    await page.click("#load-example");
    await page.waitForFunction(() => document.querySelector("#status")?.textContent?.startsWith("Opened the example plan"));
    await page.fill("#goal", VAGUE);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(overflow <= 390, `the page is ${overflow}px wide at 390px`);
    // The roadmap fits the screen: no sideways scrolling, and its "Today"
    // label is inside the visible box.
    const fit = await page.evaluate(() => {
      const box = document.querySelector("#roadmap");
      const label = [...box.querySelectorAll("svg text")].find((t) => t.textContent.startsWith("Today"));
      const b = box.getBoundingClientRect();
      const l = label.getBoundingClientRect();
      return { scroll: box.scrollWidth, client: box.clientWidth, left: l.left - b.left, right: b.right - l.right };
    });
    assert.ok(fit.scroll <= fit.client, `the roadmap scrolls: ${JSON.stringify(fit)}`);
    assert.ok(fit.left >= 0 && fit.right >= 0, `the Today label is cut: ${JSON.stringify(fit)}`);
    await page.screenshot({ path: join(shots, "demo-390.png"), fullPage: true });
    // The first screen, and section by section: a whole phone-width page is
    // too tall to look at in one image.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(shots, "demo-390-top.png") });
    for (const id of ["editor", "skills", "plan"]) {
      await page.locator(`#${id}`).screenshot({ path: join(shots, `demo-390-${id}.png`) });
    }

    assert.deepEqual(pageErrors, []);
    const foreign = requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith("blob:") && !u.startsWith("data:"));
    assert.deepEqual(foreign, [], "requests beyond the local server");
    assert.ok(requests.includes(`${origin}/pkg/careerplan_bg.wasm`));
  } finally {
    await browser?.close();
    server.close();
  }
});
