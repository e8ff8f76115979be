import type { FeedDocument } from "./archive/feeds.js";

/**
 * Renders a document on the calling thread. The serializers (and `feed` and xmldom with them) are
 * loaded only then: when threads render every document, the main thread never needs them.
 */
export async function renderHere(document: FeedDocument): Promise<string> {
  const { renderDocument } = await import("./document.js");
  return renderDocument(document);
}
