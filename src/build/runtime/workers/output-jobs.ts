import type { Config } from "../../../config/schema.js";
import { recordLine } from "../../../formats/archive/records.js";
import { renderArticlePage } from "../../../formats/pages/article.js";
import type { Body } from "../../incremental/bodies.js";
import type { Item } from "../../stages/model.js";

/** An item as it travels to another thread: all but its body, which that thread reads from the cache by the item's key. */
export type ItemFields = Omit<Item, "html" | "text">;

type StoredItem = ItemFields & { key: string };

/** A file made from one article: its page (with its neighbours' headlines and links), or its archive record. */
export interface OutputJob {
  kind: "page" | "record";
  item: StoredItem;
  /** A page's neighbours. */
  newer?: ItemFields | undefined;
  older?: ItemFields | undefined;
}

/** What an output thread is given before its first job. */
export interface OutputSetup {
  config: Config;
  cacheDir: string;
  /** The main thread's key, whatever this thread would find: the cache's files are sealed with it. */
  sealingKey: Uint8Array;
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
export function outputJob(config: Config, job: OutputJob, body: Body): string {
  const item = withBody(job.item, body);
  if (job.kind === "record") return recordLine(item, config.timeZone);
  return renderArticlePage(config, item, job.newer && withBody(job.newer, noBody), job.older && withBody(job.older, noBody));
}
