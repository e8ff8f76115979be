import type { Config } from "../config/schema.js";
import type { Item } from "../build/stages/model.js";
import type { ItemContent } from "./feed-page.js";
import { html } from "./pages/html.js";

/**
 * The lead image as HTML, for readers that ignore Media RSS (many do): a figure with the image,
 * its alt text, and a caption of the image's caption and its credit as normalized ("Associated
 * Press"), as the article page shows it. Empty without an image or with `feeds.leadImageFigure: false`.
 */
export function leadFigure(config: Config, item: Item): string {
  const image = item.image;
  if (!image || !config.feeds.leadImageFigure) return "";
  const caption =
    image.caption || image.credit
      ? html`<figcaption>${image.caption ? html`<span class="caption">${image.caption}</span>` : ""}${image.caption && image.credit ? " " : ""}${
          image.credit ? html`<span class="credit">${image.credit}</span>` : ""
        }</figcaption>`
      : "";
  return html`<figure><img src="${new URL(image.url, config.url).href}" alt="${image.alt ?? ""}">${caption}</figure>`.value;
}

/**
 * The HTML an item carries as its content: the lead figure, then the body ("full") or the summary
 * as a paragraph ("summary", only when there is a figure: a summary item without one carries the
 * summary alone, as plain text). Undefined when the item carries no HTML.
 */
export function itemContentHtml(config: Config, item: Item, content: ItemContent): string | undefined {
  const figure = leadFigure(config, item);
  if (content === "full") return figure ? `${figure}\n${item.html}` : item.html;
  return figure ? `${figure}\n${html`<p>${item.summary}</p>`.value}` : undefined;
}
