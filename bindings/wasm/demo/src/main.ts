// The page's entry point: start the WebAssembly module, wire the parts,
// open the example plan.
import init from "careerplan";

import { byId, describeError, isoDate } from "./dom.js";
import { initDraft } from "./draft.js";
import { initEditor } from "./editor.js";
import { initGap } from "./gap.js";
import { initPlanView, loadExample } from "./planview.js";
import { changed, state } from "./state.js";

async function main(): Promise<void> {
  const status = byId("status");
  try {
    await init();
  } catch (error) {
    status.textContent = `Cannot start the WebAssembly module: ${describeError(error)}`;
    return;
  }
  const today = byId<HTMLInputElement>("today");
  state.today = isoDate(new Date());
  today.value = state.today;
  today.addEventListener("change", () => {
    // An emptied or half-typed date field keeps the last full date.
    if (/^\d{4}-\d{2}-\d{2}$/.test(today.value)) {
      state.today = today.value;
      changed();
    }
  });
  initEditor();
  initGap();
  initDraft();
  initPlanView();
  status.textContent = "Ready.";
  changed();
  await loadExample();
  document.body.dataset["ready"] = "true";
}

void main();
