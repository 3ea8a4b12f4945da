// Small DOM helpers shared by the page's parts.

/** The element with this id, or an error naming it (the HTML and the script disagree). */
export function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (element === null) throw new Error(`the page has no #${id}`);
  return element as T;
}

type Child = Node | string | null | undefined | false;

/** `h("li", {class: "x"}, "text", child)`: an element with attributes and children. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | number | boolean | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child);
  }
  return element;
}

/** Replace an element's children. */
export function fill(parent: Element, children: Child[]): void {
  parent.replaceChildren(...children.filter((c): c is Node | string => c !== null && c !== undefined && c !== false));
}

/** Offer `text` as a file download, entirely in the page (a blob URL, no request). */
export function download(filename: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = h("a", { href: url, download: filename });
  document.body.append(link);
  link.click();
  link.remove();
  // The click has started the download; the URL may go once it has been read.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** "YYYY-MM-DD" of a local calendar day. */
export function isoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** `day` ("YYYY-MM-DD") plus `days` calendar days. */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d + days));
  return date.toISOString().slice(0, 10);
}

/** A thrown value as one line; CareerPlanErrors show their code and path. */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const { code, path } = error as Error & { code?: string; path?: string };
    return code ? `${error.message} [${code}${path ? ` at ${path}` : ""}]` : error.message;
  }
  return String(error);
}

/** "in_progress" -> "in progress". */
export function words(token: string): string {
  return token.replaceAll("_", " ");
}

/** A message with `quoted words` shown as code, as the library writes them. */
export function withCode(message: string): Node[] {
  return message.split("`").map((part, i) => (i % 2 === 1 ? h("code", {}, part) : document.createTextNode(part)));
}
