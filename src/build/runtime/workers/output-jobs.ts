import type { Config } from "../../../config/schema.js";
import { recordLine } from "../../../formats/archive/records.js";
import { renderArticlePage } from "../../../formats/pages/article.js";
import type { Body } from "../../incremental/bodies.js";
import type { Item } from "../../stages/model.js";

/** An item as it travels to another thread: all but its body, which that thread reads from the cache by the item's key. */
export type ItemFields = Omit<Item, "html" | "text">;

/**
 * A file made from one article: its page (with its neighbours' headlines and links), or its
 * archive record. Items are named by their place in the model, and travel only to a thread that
 * does not hold them (see `KeptItems`).
 */
export interface OutputJob {
  kind: "page" | "record";
  item: number;
  /** A page's neighbours. */
  newer?: number | undefined;
  older?: number | undefined;
}

/** What an output thread is given before its first job. */
export interface OutputSetup {
  config: Config;
  cacheDir: string;
  /** The main thread's key, whatever this thread would find: the cache's files are sealed with it. */
  sealingKey: Uint8Array;
}

/** How many items an output thread holds: a few pages' and records' worth, whatever the size of the site. */
const itemsHeld = 4096;

/** The places of the items `job` names. */
export const jobItems = (job: OutputJob): number[] => [job.item, job.newer, job.older].filter((index) => index !== undefined);

/**
 * The items a thread holds by their place in the model, the least recently used let go past
 * `itemsHeld`. The thread and the main thread keep one each and take the same places in the same
 * order (each job's), so the main thread knows what the thread holds without asking, and sends
 * with a job only the items the thread lacks.
 */
export class KeptItems<T> {
  private readonly held = new Map<number, T>();

  get(index: number): T | undefined {
    return this.held.get(index);
  }

  /**
   * Holds the items at `places`, as the most recently used (so that letting go of others never
   * drops them), those it lacks made by `lacking`; returns the places it lacked.
   */
  take(places: readonly number[], lacking: (index: number) => T): number[] {
    const lacked: number[] = [];
    for (const index of places) {
      let value = this.held.get(index);
      if (value === undefined) {
        value = lacking(index);
        lacked.push(index);
      } else this.held.delete(index);
      this.held.set(index, value);
    }
    for (const oldest of this.held.keys()) {
      if (this.held.size <= itemsHeld) break;
      this.held.delete(oldest);
    }
    return lacked;
  }
}

/** `item` without its body: reading `html` or `text` of a lazy item would load it. */
export function itemFields<T extends Item>(item: T): Omit<T, "html" | "text"> {
  const fields: Record<string, unknown> = {};
  for (const name of Object.keys(item)) if (name !== "html" && name !== "text") fields[name] = item[name as keyof Item];
  return fields as Omit<T, "html" | "text">;
}

const noBody: Body = { html: "", text: "" };
const withBody = (fields: ItemFields, { html, text }: Body): Item => Object.assign({}, fields, { html, text });

/** The text of `job`, with the article's body; a neighbour's body is never on a page. */
export function outputJob(config: Config, items: KeptItems<ItemFields>, job: OutputJob, body: Body): string {
  const item = withBody(items.get(job.item)!, body);
  if (job.kind === "record") return recordLine(item, config.timeZone);
  const neighbour = (index: number | undefined) => (index === undefined ? undefined : withBody(items.get(index)!, noBody));
  return renderArticlePage(config, item, neighbour(job.newer), neighbour(job.older));
}
