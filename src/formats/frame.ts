/**
 * A feed document around its items: its bytes are `open`, the items with `separator` between
 * them, then `close`. The head is made once per document (through `feed` and the DOM, or
 * JSON.stringify) and the items' bytes are joined in: items kept in the cache as UTF-8 are joined
 * as bytes, never decoded and encoded again.
 */
export interface Frame {
  open: string;
  separator: string;
  close: string;
}

/** The document's text, with `items` (already serialized) in their place. */
export const joinFrame = (frame: Frame, items: readonly string[]): string => `${frame.open}${items.join(frame.separator)}${frame.close}`;

/** The document's UTF-8 bytes, with `items` (UTF-8 bytes) in their place. */
export function joinFrameBytes(frame: Frame, items: readonly Uint8Array[]): Buffer {
  const separator = Buffer.from(frame.separator);
  const parts: Uint8Array[] = [Buffer.from(frame.open)];
  items.forEach((item, index) => {
    if (index > 0) parts.push(separator);
    parts.push(item);
  });
  parts.push(Buffer.from(frame.close));
  return Buffer.concat(parts);
}
