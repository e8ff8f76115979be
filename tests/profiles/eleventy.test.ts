import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readAs } from "./read-as.js";

const data = { "content/blog/blog.11tydata.json": '{ "tags": ["posts"], "layout": "layouts/post.njk" }' };

/** Rows from Eleventy's documentation (11ty.dev/docs/permalinks/, /data-frontmatter/, /dates/, /data-template-dir/) and eleventy-base-blog. */
describe("the Eleventy profile", () => {
  it.each([
    // docs/permalinks/: "blog/post.md → /blog/post/"
    {
      doc: "the default URL is the input path as a folder",
      file: "content/blog/firstpost.md",
      text: "---\ntitle: This is my first post.\ndescription: About agile frameworks.\ndate: 2018-05-01\ntags: another tag\n---\n",
      expected: {
        path: "/blog/firstpost/",
        title: "This is my first post.",
        date: "2018-05-01T00:00:00.000Z",
        tags: ["another tag"],
        description: "About agile frameworks.",
        problems: [],
      },
    },
    // docs/permalinks/: "index.md → /" and a file named like its folder (Eleventy 3) stands for the folder
    {
      doc: "a file named like its folder",
      file: "content/blog/fourthpost/fourthpost.md",
      text: "---\ntitle: Fourth\ndate: 2018-09-30\n---\n",
      expected: { path: "/blog/fourthpost/" },
    },
    {
      doc: "an index file",
      file: "content/blog/fifth/index.md",
      text: "---\ntitle: Fifth\ndate: 2018-10-30\n---\n",
      expected: { path: "/blog/fifth/" },
    },
    // docs/permalinks/#remapping-output-(permalink): a plain permalink
    {
      doc: "a plain permalink",
      file: "content/blog/moved.md",
      text: "---\ntitle: Moved\ndate: 2018-10-30\npermalink: /this-is-a-new-path/subdirectory/testing/\n---\n",
      expected: { path: "/this-is-a-new-path/subdirectory/testing/" },
    },
    // docs/dates/: a date in the file name
    {
      doc: "a date from the file name",
      file: "content/blog/2018-01-01-myfile.md",
      text: "---\ntitle: Dated by name\n---\n",
      expected: { date: "2018-01-01T00:00:00.000Z", path: "/blog/2018-01-01-myfile/" },
    },
    // docs/data-frontmatter/#alternative-front-matter-formats: JSON front matter
    {
      doc: "JSON front matter",
      file: "content/blog/json.md",
      text: '---json\n{\n  "title": "My page title",\n  "date": "2018-11-01",\n  "tags": ["x"]\n}\n---\nBody.\n',
      expected: { title: "My page title", tags: ["x"] },
    },
    // eleventy-base-blog's drafts preprocessor
    {
      doc: "draft",
      file: "content/blog/draft.md",
      text: "---\ntitle: Draft\ndate: 2018-11-01\ndraft: true\n---\n",
      expected: { draft: true },
    },
    // docs/permalinks/: a template permalink is not run; the default URL stands
    {
      doc: "a template permalink",
      file: "content/blog/templated.md",
      text: '---\ntitle: Templated\ndate: 2018-11-01\npermalink: "/{{ title | slugify }}/"\n---\n',
      expected: { path: "/blog/templated/", problems: ["4:1 warning template-permalink"] },
    },
    // docs/dates/: "Last Modified" names the file system, which differs between checkouts: no date for a feed
    {
      doc: "a file-system date",
      file: "content/blog/modified.md",
      text: "---\ntitle: Modified\ndate: Last Modified\n---\n",
      expected: { problems: ["3:1 warning undated-page"] },
    },
  ])("$doc", async ({ file, text, expected }) => {
    const read = await readAs("eleventy", { ...data, [file]: text }, file);
    expect(read.discovered).toBe(true);
    expect({
      path: read.path,
      title: read.meta?.title,
      date: read.meta?.date.toISOString(),
      tags: read.meta?.tags,
      description: read.meta?.description,
      draft: read.meta?.draft,
      problems: read.problems,
    }).toMatchObject(expected);
  });

  it("refuses JavaScript front matter without running it, and leaves the file out with a warning", async () => {
    const file = "content/blog/fifthpost.md";
    const text = '---js\nrequire("node:fs").writeFileSync(process.cwd() + "/ran", "ran");\nglobalThis.ran = true;\nconst title = "Fifth";\n---\nBody\n';
    const read = await readAs("eleventy", { ...data, [file]: text }, file);
    expect([read.meta, read.problems]).toEqual([undefined, ["1:4 warning executable-front-matter"]]);
    expect([existsSync(path.join(process.cwd(), "ran")), "ran" in globalThis]).toEqual([false, false]);
  });

  it("takes only the posts collection, merging tags through the data cascade", async () => {
    const read = await readAs(
      "eleventy",
      {
        ...data,
        "content/blog/a.md": "---\ntitle: A\ndate: 2018-01-01\ntags: [second tag]\n---\n",
        "content/blog/a.11tydata.json": '{ "tags": ["from its data file"] }',
      },
      "content/blog/a.md",
    );
    expect(read.meta?.tags).toEqual(["from its data file", "second tag"]);
    const others = {
      "content/about.md": "---\ntitle: About\ndate: 2018-01-01\n---\n",
      "content/blog/hidden.md": "---\ntitle: Hidden\ndate: 2018-01-01\neleventyExcludeFromCollections: true\n---\n",
      "content/blog/nowhere.md": "---\ntitle: Nowhere\ndate: 2018-01-01\npermalink: false\n---\n",
    };
    for (const [other, text] of Object.entries(others)) {
      const skipped = await readAs("eleventy", { ...data, [other]: text }, other);
      expect([skipped.meta, skipped.problems]).toEqual([undefined, []]);
    }
  });
});
