// An output thread holds a bounded number of items, and the main thread mirrors what it holds so
// that it sends each item only when the thread lacks it: both sides must agree after any sequence.
import { describe, expect, it } from "vitest";
import { KeptItems } from "../../src/build/runtime/workers/output-jobs.js";

describe("the items an output thread holds", () => {
  it("are the same on both sides, and always hold the places of the job at hand", () => {
    const main = new KeptItems<true>();
    const thread = new KeptItems<string>();
    let sent = 0;
    // Pages in the model's order, then each year's records, then pages again from the newest: far more places than a thread holds.
    const jobs = [
      ...Array.from({ length: 9000 }, (_, index) => [index, index - 1, index + 1].filter((place) => place >= 0)),
      ...Array.from({ length: 9000 }, (_, index) => [(index * 7919) % 9000]),
      ...Array.from({ length: 3000 }, (_, index) => [index, index + 1]),
    ];
    for (const places of jobs) {
      const lacked = main.take(places, () => true);
      sent += lacked.length;
      const given = new Map(lacked.map((index) => [index, `item ${index}`]));
      expect(thread.take(places, (index) => given.get(index)!)).toEqual(lacked);
      for (const place of places) expect(thread.get(place)).toBe(`item ${place}`);
    }
    // Each page brings its one new neighbour; the shuffled records bring nearly all again.
    expect(sent).toBeLessThan(9000 + 9000 + 3000);
    expect(sent).toBeGreaterThan(9000);
  });
});
