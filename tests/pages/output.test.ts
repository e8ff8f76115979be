// The output folder as a whole: every link resolves, every page is valid HTML by a validator that
// did not write it, and the output is the same bytes twice.
import { cp, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { HtmlValidate } from "html-validate";
import { beforeAll, describe, expect, it } from "vitest";
import { build } from "../../src/index.js";
import { tempDir, readArchive } from "../helpers/build.js";
import { brokenReferences, outputFiles } from "./crawl.js";
import { buildRichSite, buildSeedSite, now } from "./site.js";

const siteUrl = "https://worlddesk.example/";

/**
 * The URLs on the site that the writer named and the site serves itself, which wirefeed only
 * links to: lead images named by a site path (/images/...) and authors' pages (the config's
 * author is https://worlddesk.example/about/).
 */
async function writersUrls(out: string): Promise<Set<string>> {
  const archive = (await readArchive(out)) as {
    articles: { image?: { url: string }; authors: { url?: string }[] }[];
  };
  return new Set([
    "https://worlddesk.example/about/",
    ...archive.articles.flatMap((article) => [
      ...(article.image ? [article.image.url] : []),
      ...article.authors.flatMap((author) => (author.url ? [author.url] : [])),
    ]),
  ]);
}

describe("the output of the seed site and of a richer one", () => {
  const outs: Record<string, string> = {};
  beforeAll(async () => {
    const [seed, rich] = [await buildSeedSite(), await buildRichSite()];
    expect(seed.exitCode).toBe(0);
    expect(rich.result.diagnostics).toEqual([]);
    outs.seed = seed.out;
    outs.rich = rich.out;
  });

  it.each(["seed", "rich"])("has no link to a file it did not write (%s)", async (name) => {
    const out = outs[name]!;
    const { references, broken } = await brokenReferences(out, siteUrl, await writersUrls(out));
    expect(broken).toEqual([]);
    // Pages, feeds and stylesheets were all looked at.
    expect(references.filter((reference) => reference.file.endsWith(".html")).length).toBeGreaterThan(50);
    expect(references.some((reference) => reference.what === "<?xml-stylesheet href?>")).toBe(true);
    expect(
      references.some((reference) => reference.what === "<link>" && reference.value.endsWith("/iran-blames-nato-expansion-for-russias-invasion-of-ukraine/")),
    ).toBe(true);
  });

  it("finds a link that leads nowhere, and a lead image the site does not serve", async () => {
    const out = path.join(await tempDir(), "output");
    await cp(outs.seed!, out, { recursive: true });
    const page = path.join(out, "tags/nato/index.html");
    await writeFile(page, (await readFile(page, "utf8")).replace('href="../../archive/"', 'href="../../archives/"'));
    const { broken } = await brokenReferences(out, siteUrl);
    // Without the writer's URLs to go by, the seed's lead image (in its page and every feed that carries it) and the author's page count too.
    expect(new Set(broken.map(({ value }) => value))).toEqual(
      new Set(["../../archives/", "https://worlddesk.example/images/2022/02/ebrahim-raisi.jpg", "https://worlddesk.example/about/"]),
    );
    expect(broken.filter(({ value }) => value === "../../archives/")).toEqual([{ file: "tags/nato/index.html", what: "<a href>", value: "../../archives/" }]);
  });

  // long-title is advice for search results, not validity: a page's title is the writer's headline and the site's name.
  const validator = new HtmlValidate({ extends: ["html-validate:recommended"], rules: { "long-title": "off" } });

  it.each(["seed", "rich"])("has only pages html-validate finds no error in (%s)", async (name) => {
    const out = outs[name]!;
    const pages = [...(await outputFiles(out))].filter((file) => file.endsWith(".html"));
    expect(pages.length).toBeGreaterThan(name === "rich" ? 20 : 8);
    const errors: string[] = [];
    for (const file of pages) {
      const report = await validator.validateString(await readFile(path.join(out, file), "utf8"), file);
      for (const result of report.results)
        for (const message of result.messages) errors.push(`${file}:${message.line}:${message.column} ${message.ruleId} ${message.message}`);
    }
    expect(errors).toEqual([]);
  });

  it("uses a validator that reports a broken page", async () => {
    const page = await readFile(path.join(outs.seed!, "index.html"), "utf8");
    const report = await validator.validateString(page.replace("</main>", "</div></main>"), "index.html");
    expect(report.valid).toBe(false);
  });

  it("is the same bytes when built again from scratch", async () => {
    const again = path.join(await tempDir(), "output");
    const result = await build({ cwd: path.dirname(outs.rich!), out: again, now, cacheDir: false, workers: 1 });
    expect(result.exitCode).toBe(0);
    const files = [...(await outputFiles(outs.rich!))].sort();
    expect([...(await outputFiles(again))].sort()).toEqual(files);
    for (const file of files) expect(await readFile(path.join(again, file)), file).toEqual(await readFile(path.join(outs.rich!, file)));
  });
});
