// What the page's parts share: the reference date and the plan document.
//
// The plan is kept as the document that was loaded (parsed JSON, unknown
// fields and all) and edited in place; every view hands it to the library,
// which reads it as `loadPlan` does, and the export writes it with
// `dumpPlan`, so fields careerplan does not know survive a round trip.

export type PlanDocument = Record<string, unknown> & { goals?: Array<Record<string, unknown>> };

export interface State {
  /** Reference date, "YYYY-MM-DD". */
  today: string;
  /** The loaded plan document, or null before one is loaded or when it could not be read. */
  plan: PlanDocument | null;
  /** Where the plan came from, for the status line and the export's file name. */
  source: string;
}

type Listener = (state: State) => void;

const listeners: Listener[] = [];

export const state: State = { today: "", plan: null, source: "" };

/** Call `listener` whenever the date or the plan changes. */
export function subscribe(listener: Listener): void {
  listeners.push(listener);
}

/** Tell every view that the date or the plan changed. */
export function changed(): void {
  for (const listener of listeners) listener(state);
}
