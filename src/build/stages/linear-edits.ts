import { EditMap } from "micromark-util-edit-map";

/**
 * micromark applies its batched edits to a document's events with `EditMap.consume`, which copies
 * every event before the first edit out of the array and back in. It runs each time a block quote
 * or list closes, with the edits near the end: a body of many nested quotes took time in the
 * square of its length (800 quotes 20 deep, 10 s). Here the events before the first edit stay
 * where they are, and only the tail is rebuilt: the same events in the same order, in time
 * proportional to the tail. micromark-util-edit-map is pinned, so this replaces a known method.
 */
EditMap.prototype.consume = function consume(this: EditMap, events) {
  this.map.sort((a, b) => a[0] - b[0]);
  if (this.map.length === 0) return;
  const tails = [];
  for (let index = this.map.length - 1; index >= 0; index--) {
    const [at, remove, add] = this.map[index]!;
    tails.push(events.slice(at + remove), add);
    events.length = at;
  }
  for (let tail = tails.pop(); tail; tail = tails.pop()) for (const event of tail) events.push(event);
  this.map.length = 0;
  this.index.clear();
};
