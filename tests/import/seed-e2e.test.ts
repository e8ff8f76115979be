import { cp, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { XMLParser } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { importArticles } from "../../src/import/import.js";
import { build } from "../../src/index.js";
import { buildRepo, readOutput, repoRoot, tempDir, readArchive } from "../helpers/build.js";

// Import the scraped seed, build it with the repo's config, and compare with the build
// of the hand-made seed article. The text holds no tags and no image address, so those
// are the only differences; once a person adds the image address (as the comment the
// import writes asks), only the tags differ.

const now = "2026-11-27T00:00:00Z";
const seedName = "2022-02-25-iran-blames-nato-expansion-for-russias-invasion-of-ukraine.md";
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", textNodeName: "#text" });

type Outputs = Record<"rss" | "atom" | "jsonFeed" | "archive", unknown>;

async function outputs(out: string): Promise<Outputs> {
  return {
    rss: xml.parse(await readOutput(out, "feed.xml")),
    atom: xml.parse(await readOutput(out, "atom.xml")),
    jsonFeed: JSON.parse(await readOutput(out, "feed.json")),
    archive: await readArchive(out),
  };
}

/** Every path at which two parsed documents differ; a value present on one side only counts. */
function differingPaths(a: unknown, b: unknown, at = ""): string[] {
  if (a !== null && b !== null && typeof a === "object" && typeof b === "object" && Array.isArray(a) === Array.isArray(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    return keys.flatMap((key) => differingPaths((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${at}/${key}`));
  }
  return Object.is(a, b) ? [] : [at];
}

/** Differences, with list items of an array that differs in length collapsed to the array. */
function differences(handMade: Outputs, imported: Outputs): Record<keyof Outputs, string[]> {
  const collapse = (paths: string[]) => [...new Set(paths.map((p) => p.replace(/\/(category|tags|keywords)\/\d+.*$/u, "/$1")))];
  return {
    rss: collapse(differingPaths(handMade.rss, imported.rss)),
    atom: collapse(differingPaths(handMade.atom, imported.atom)),
    jsonFeed: collapse(differingPaths(handMade.jsonFeed, imported.jsonFeed)),
    archive: collapse(differingPaths(handMade.archive, imported.archive)),
  };
}

describe("importing the seed gives the hand-made article's feeds", () => {
  let handMade: Outputs;
  let site: string;
  beforeAll(async () => {
    const reference = await buildRepo();
    expect(reference.exitCode).toBe(0);
    handMade = await outputs(reference.out);
    site = await tempDir("wirefeed-import-e2e-");
    await cp(path.join(repoRoot, "wirefeed.config.json"), path.join(site, "wirefeed.config.json"));
    const imported = await importArticles({ cwd: site, inputs: [path.join(repoRoot, "tests/fixtures/seed/000_30e032a2b5043f8a.txt")] });
    expect(imported.articles.map((a) => [a.outcome, a.target])).toEqual([["imported", `articles/${seedName}`]]);
  });

  const buildSite = async () => {
    const result = await build({ cwd: site, out: path.join(site, "output"), now });
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(result.exitCode).toBe(0);
    return outputs(path.join(site, "output"));
  };

  it("builds as imported, and differs only in the tags and the image (the text holds no image address)", async () => {
    const imported = await buildSite();
    expect(Object.keys((handMade.jsonFeed as { items: Record<string, object>[] }).items[0]?._wirefeed ?? {})).toEqual(["image"]);
    // The content starts with the lead image's figure, which the imported article has no address for.
    expect(differences(handMade, imported)).toEqual({
      rss: ["/rss/channel/item/category", "/rss/channel/item/content:encoded", "/rss/channel/item/enclosure", "/rss/channel/item/media:content"],
      // the hand-made entry has a second link, the image enclosure; the imported one has only the alternate
      atom: ["/feed/entry/category", "/feed/entry/content/#text", "/feed/entry/link", "/feed/entry/media:content"],
      // _wirefeed carries only the image's caption and credit
      jsonFeed: ["/items/0/_wirefeed", "/items/0/content_html", "/items/0/image", "/items/0/tags"],
      archive: ["/articles/0/image", "/articles/0/tags"],
    });
  });

  it("differs only in the tags once a person adds the image address and alt text", async () => {
    const file = path.join(site, "articles", seedName);
    const text = await readFile(file, "utf8");
    const completed = text.replace("image_caption:", "image: /images/2022/02/ebrahim-raisi.jpg\nimage_alt: Iranian President Ebrahim Raisi\nimage_caption:");
    expect(completed).not.toBe(text);
    await writeFile(file, completed);
    expect(differences(handMade, await buildSite())).toEqual({
      rss: ["/rss/channel/item/category"],
      atom: ["/feed/entry/category"],
      jsonFeed: ["/items/0/tags"],
      archive: ["/articles/0/tags"],
    });
  });
});
