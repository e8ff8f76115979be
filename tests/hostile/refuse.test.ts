// Values that cannot be right are refused (or, for a folder name Windows reserves, changed with a
// warning). Before: 0000-01-01 became "0005-12-31T00:00:00+78888:00", 9999-12-31T23:59:59-14:00 year
// 10000, id: javascript:alert(1) was published as the guid, a url with user:password@ put the
// password in every link, and tags made folders tags/con/, tags/nul/ that Windows cannot check out.
import { readdir } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildSite, goodArticle } from "../errors/site.js";

const article = (front: string) => `---\ntitle: Refused\n${front}\n---\nBody.\n`;
const problems = (result: { diagnostics: { rule: string; line?: number; column?: number; file?: string }[] }) =>
  result.diagnostics.map(({ rule, line, column, file }) => ({ rule, line, column, file }));

describe("refused values", () => {
  it.each([
    ["0000-01-01", "UTC"],
    ["0000-12-31", "UTC"],
    ["9999-12-31T23:59:59-14:00", "UTC"],
    ["9999-12-31T23:00:00", "Pacific/Pago_Pago"],
    ["0001-01-01T00:30:00", "Asia/Kolkata"],
    ["0001-01-01T01:00:00+02:00", "UTC"],
  ])("date %s (zone %s) is outside years 1 to 9999", async (date, timeZone) => {
    const result = await buildSite({ "a.md": article(`date: "${date}"`), "good.md": goodArticle() }, { timeZone }, { keepGoing: true, cacheDir: false });
    expect(problems(result)).toEqual([{ rule: "date-out-of-range", line: 3, column: 1, file: "articles/a.md" }]);
    expect(result.counts.published).toBe(1);
  });

  it.each([
    ["0001-01-02", "UTC"],
    ["9999-12-30", "Pacific/Kiritimati"],
    ["9999-12-31T09:59:59Z", "Pacific/Kiritimati"],
  ])("date %s (zone %s) is inside them", async (date, timeZone) => {
    // With a published article beside it: a site whose only article is scheduled would be an empty feed (empty-feed).
    const result = await buildSite({ "a.md": article(`date: "${date}"`), "good.md": goodArticle() }, { timeZone }, { cacheDir: false });
    expect(problems(result)).toEqual([]);
  });

  it.each(["javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,x", "vbscript:msgbox", "file:x", "mailto:a@b.example"])(
    "id %s is outside the documented schemes",
    async (id) => {
      const result = await buildSite({ "a.md": article(`date: 2022-01-01\nid: "${id}"`), "good.md": goodArticle() }, {}, { keepGoing: true, cacheDir: false });
      expect(problems(result)).toEqual([{ rule: "unsafe-id", line: 4, column: 1, file: "articles/a.md" }]);
    },
  );

  it.each(["tag:news.example,2022:a", "urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66", "https://news.example/a", "plain-id"])(
    "id %s is accepted",
    async (id) => {
      const result = await buildSite({ "a.md": article(`date: 2022-01-01\nid: "${id}"`) }, {}, { cacheDir: false });
      expect(problems(result)).toEqual([]);
    },
  );

  it.each(["https://user:secret@news.example/", "https://user@news.example/", "http://:pw@news.example/"])("site url %s holds credentials", async (url) => {
    const result = await buildSite({ "good.md": goodArticle() }, { url }, { cacheDir: false });
    expect(result.exitCode).toBe(2);
    expect(result.diagnostics.map((d) => [d.rule, d.message])).toEqual([["invalid-config-value", expect.stringContaining("user name or password")]]);
  });

  it("gives tags that slug to names Windows reserves another folder, and says so", async () => {
    const tags = ["CON", "nul", "Aux", "com1", "LPT9", "prn", "Con Tag"];
    const result = await buildSite({ "a.md": article(`date: 2022-01-01\ntags: [${tags.join(", ")}]`) }, {}, { cacheDir: false });
    expect(result.diagnostics.map((d) => [d.rule, d.line, d.severity])).toEqual(Array(6).fill(["reserved-tag-slug", 4, "warning"]));
    const folders = (await readdir(path.join(result.out, "tags"))).filter((name) => !name.includes("."));
    expect(folders.filter((name) => /^(con|nul|aux|com1|lpt9|prn)$/i.test(name))).toEqual([]);
    expect(folders).toEqual(expect.arrayContaining(["con-tag", "nul-tag", "aux-tag", "com1-tag", "lpt9-tag", "prn-tag"]));
  });
});
