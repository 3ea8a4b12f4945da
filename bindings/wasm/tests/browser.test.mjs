// The web build in a real headless Chromium (Debian's /usr/bin/chromium,
// driven by playwright-core, which never downloads a browser), served from a
// static server on 127.0.0.1 and imported through an import map the way a
// page would use the package.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";

import { chromium } from "playwright-core";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const webDir = fileURLToPath(new URL("../pkg/web/", import.meta.url));
const examplePlan = fileURLToPath(new URL("../../../examples/data/plan.json", import.meta.url));
const cliGolden = (name) =>
  readFileSync(new URL(`../../../crates/careerplan-cli/tests/golden/${name}`, import.meta.url), "utf8");

const PAGE = `<!doctype html>
<meta charset="utf-8">
<title>careerplan in the browser</title>
<link rel="icon" href="data:,">
<script type="importmap">{"imports": {"careerplan": "/pkg/web/careerplan.js"}}</script>
<script type="module">
import init, { agenda, dumpPlan, loadPlan, toIcs, validatePlan } from "careerplan";
try {
  await init();
  const plan = await (await fetch("/plan.json")).json();
  const problems = validatePlan(plan);
  const loaded = loadPlan(plan);
  const roundTrip = JSON.parse(dumpPlan(loaded));
  const broken = structuredClone(plan);
  broken.goals[1].parent_id = "no-such-goal";
  let error = null;
  try {
    loadPlan('{"schema_version": 1, "id": "p", "goals": [{"id": "g", "title": "t", "deadline": "2027-02-30"}]}');
  } catch (e) {
    error = { isError: e instanceof Error, name: e.name, code: e.code, path: e.path, message: e.message };
  }
  const events = agenda(plan, "2026-11-22", "2027-03-31");
  const ics = toIcs(plan, "2026-11-22", "2027-03-31", { agenda: { today: "2026-11-22" } });
  window.__result = {
    problems, id: loaded.id, goals: loaded.goals.length, roundTripId: roundTrip.id,
    brokenProblems: validatePlan(broken), error, events, ics,
  };
} catch (e) {
  window.__result = { failure: String((e && e.stack) || e) };
}
</script>`;

const TYPES = { ".js": "text/javascript", ".wasm": "application/wasm", ".json": "application/json" };

/** Serve the test page, the example plan and the files of pkg/web (nothing else). */
function startServer() {
  const server = createServer((req, res) => {
    const path = new URL(req.url, "http://127.0.0.1").pathname;
    let file = null;
    if (path === "/") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(PAGE);
      return;
    } else if (path === "/plan.json") {
      file = examplePlan;
    } else if (path.startsWith("/pkg/web/") && basename(path) === path.slice("/pkg/web/".length)) {
      file = join(webDir, basename(path));
    }
    if (file === null || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    const ext = file.slice(file.lastIndexOf("."));
    res.writeHead(200, { "content-type": TYPES[ext] ?? "application/octet-stream" });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

test("the web build validates and schedules the example plan in headless Chromium", { timeout: 120_000 }, async () => {
  assert.ok(existsSync(CHROMIUM), `no Chromium at ${CHROMIUM} (scripts/test installs Debian's chromium)`);
  assert.ok(existsSync(join(webDir, "careerplan.js")), "no web build in pkg/web (run bash build.sh)");
  const server = await startServer();
  let browser;
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
      ],
    });
    const page = await browser.newPage();
    const pageErrors = [];
    page.on("pageerror", (err) => pageErrors.push(String(err)));
    page.on("console", (msg) => { if (msg.type() === "error") pageErrors.push(msg.text()); });
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    await page.waitForFunction(() => window.__result !== undefined, null, { timeout: 60_000 });
    const result = await page.evaluate(() => window.__result);

    assert.equal(result.failure, undefined, result.failure);
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(result.problems, []);
    assert.equal(result.id, "plan-jordan-2026");
    assert.equal(result.roundTripId, "plan-jordan-2026");
    assert.ok(result.goals > 0);
    assert.deepEqual(
      result.brokenProblems.filter((p) => p.code === "dangling-reference").map((p) => p.path),
      ["goals[1].parent_id"],
    );
    assert.deepEqual(
      { isError: result.error.isError, name: result.error.name, code: result.error.code, path: result.error.path },
      { isError: true, name: "CareerPlanError", code: "invalid-date", path: "goals[0].deadline" },
    );
    // The scheduling engine gives the browser the CLI's agenda and calendar.
    assert.deepEqual(result.events, JSON.parse(cliGolden("schedule-json.stdout")));
    assert.equal(result.ics, cliGolden("schedule-ics.stdout"));
  } finally {
    await browser?.close();
    server.close();
  }
});
