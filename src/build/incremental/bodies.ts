import type { RenderedBody } from "../stages/render.js";
import { readStoredBody } from "./article-cache.js";

/** The part of a rendered body the outputs read. */
export type Body = Pick<RenderedBody, "html" | "text">;

const lostBody: Body = { html: "", text: "" };

/**
 * Reads the bodies that stayed in the article cache, keeping the last few: an item's HTML and text
 * are read one after the other, for each format it is written in. A body
 * the cache lost, or cannot vouch for, is recorded in `lost` and read as empty: whoever made
 * outputs with it must not publish them, and prepares those articles again (see the output stage).
 */
export class BodyReader {
  readonly lost = new Set<string>();
  private readonly recent = new Map<string, Body>();

  /**
   * @param cacheDir the cache folder the bodies are in
   * @param keep how many bodies to keep at most
   */
  constructor(
    private readonly cacheDir: string,
    private readonly keep: number,
  ) {}

  read(key: string): Body {
    let body = this.recent.get(key);
    if (body) return body;
    body = readStoredBody(this.cacheDir, key)?.body;
    if (!body) {
      this.lost.add(key);
      return lostBody;
    }
    this.recent.set(key, body);
    if (this.recent.size > this.keep) this.recent.delete(this.recent.keys().next().value!);
    return body;
  }

  /** A loader of `key`'s body, for a model item whose body is read when first needed. */
  loader(key: string): () => Body {
    return () => this.read(key);
  }
}
