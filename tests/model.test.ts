import { expect, it } from "vitest";
import { setFlagsFromString } from "node:v8";
import type { ArticleMeta } from "../src/build/stages/meta/index.js";
import { configSchema } from "../src/config/schema.js";
import { buildModel, type Item } from "../src/build/stages/model.js";

const config = configSchema.parse({ title: "Desk", url: "https://example.org/" });
const meta = (slug: string, tags: string[]): ArticleMeta =>
  ({
    id: `tag:example.org,2022-02-25:${slug}`,
    slug,
    url: `https://example.org/${slug}/`,
    title: slug,
    date: new Date("2022-02-25T00:00:00Z"),
    updated: new Date("2022-02-25T00:00:00Z"),
    authors: [],
    tags,
    draft: false,
    positions: { slug: { line: 1, column: 1 }, id: { line: 1, column: 1 } },
  }) as ArticleMeta;

it("gives an item whose body loads lazily the same fields, in the same order, as one given its body", () => {
  const body = { html: "<p>Body</p>", text: "Body" };
  let loads = 0;
  const { items } = buildModel(
    [
      { meta: meta("eager", ["NATO"]), body, summary: "S", source: "eager.md" },
      {
        meta: meta("lazy", ["nato"]),
        body: () => {
          loads++;
          return body;
        },
        summary: "S",
        source: "lazy.md",
      },
    ],
    config,
  );
  const [eager, lazy] = [items.find((item) => item.slug === "eager")!, items.find((item) => item.slug === "lazy")!];
  expect(loads).toBe(0);
  expect(Object.keys(lazy)).toEqual(Object.keys(eager));
  expect({ ...lazy, slug: "", id: "", url: "", title: "", source: "" }).toEqual({ ...eager, slug: "", id: "", url: "", title: "", source: "" });
  expect(loads).toBe(2);
  // One tag across the site, whichever way each article wrote it.
  expect(lazy.tags).toEqual(eager.tags);
});

it("gives items of the same fields one hidden class, lazy or eager, however many there are", () => {
  // V8's own check, compiled once natives syntax is on: a hidden class per item cost ~600 bytes an item.
  setFlagsFromString("--allow-natives-syntax");
  const haveSameMap = new Function("a", "b", "return %HaveSameMap(a, b)") as (a: object, b: object) => boolean;
  const body = { html: "<p>Body</p>", text: "Body" };
  // Enough items, built more than once, for V8's inline caches and optimizing compiler to have
  // warmed up on the code that makes them: the trouble started only then.
  for (const lazy of [false, true]) {
    let items: Item[] = [];
    for (let round = 0; round < 3; round++) {
      items = buildModel(
        Array.from({ length: 2000 }, (_, index) => ({
          meta: meta(`story-${index}`, ["NATO"]),
          body: lazy ? () => body : body,
          summary: "S",
          source: `story-${index}.md`,
          key: `key-${index}`,
        })),
        config,
      ).items;
    }
    const shared = items.filter((item) => haveSameMap(item, items[0]!)).length;
    expect(shared).toBe(items.length);
  }
});
