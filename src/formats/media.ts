import type { ArticleImage } from "../build/stages/meta/index.js";
import type { ElementSpec } from "./xml.js";

/** The lead image as Media RSS (`media:content` with caption, credit and alt text): the same in RSS and Atom. */
export function mediaContent(image: ArticleImage, url: string): ElementSpec {
  return {
    name: "media:content",
    attributes: { url, medium: "image", type: image.type, fileSize: image.length },
    children: [
      ...(image.caption ? [{ name: "media:description", attributes: { type: "plain" }, text: image.caption }] : []),
      ...(image.credit ? [{ name: "media:credit", attributes: { role: "photographer" }, text: image.credit }] : []),
      ...(image.alt ? [{ name: "media:text", attributes: { type: "plain" }, text: image.alt }] : []),
    ],
  };
}
