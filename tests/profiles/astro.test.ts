import { describe, expect, it } from "vitest";
import { readAs } from "./read-as.js";

/** Rows from Astro's blog starter and its documentation (docs.astro.build/en/guides/content-collections/, /guides/integrations-guide/mdx/). */
describe("the Astro profile", () => {
  it.each([
    // The blog starter: pubDate as a written date, heroImage an asset relative to the entry
    {
      doc: "the blog starter's front matter",
      file: "src/content/blog/first-post.md",
      text: "---\ntitle: 'First post'\ndescription: 'Lorem ipsum dolor sit amet'\npubDate: 'Jul 08 2022'\nheroImage: '../../assets/blog-placeholder-3.jpg'\n---\nBody.\n",
      expected: {
        path: "/blog/first-post/",
        title: "First post",
        date: "2022-07-08T00:00:00.000Z",
        description: "Lorem ipsum dolor sit amet",
        image: undefined,
        problems: [],
      },
    },
    // content-collections/: updatedDate and an image in public/
    {
      doc: "updatedDate and a public image",
      file: "src/content/blog/second.md",
      text: "---\ntitle: Second\npubDate: 2022-07-15\nupdatedDate: 2022-08-01\nheroImage: /images/second.jpg\ntags: [astro, blogging]\n---\n",
      expected: { updated: "2022-08-01T00:00:00.000Z", image: "https://example.org/images/second.jpg", tags: ["astro", "blogging"] },
    },
    // content-collections/#defining-custom-ids: the id is the path in the collection, slugged; `slug` overrides it
    {
      doc: "a nested entry's id",
      file: "src/content/blog/2024/Hello World.md",
      text: "---\ntitle: Hello\npubDate: 2024-01-01\n---\n",
      expected: { path: "/blog/2024/hello-world/" },
    },
    {
      doc: "a slug",
      file: "src/content/blog/third.md",
      text: "---\ntitle: Third\npubDate: 2024-01-01\nslug: my-third\n---\n",
      expected: { path: "/blog/my-third/" },
    },
    {
      doc: "draft",
      file: "src/content/blog/draft.md",
      text: "---\ntitle: Draft\npubDate: 2024-01-01\ndraft: true\n---\n",
      expected: { draft: true },
    },
  ])("$doc", async ({ file, text, expected }) => {
    const read = await readAs("astro", { "astro.config.mjs": "export default {}\n", [file]: text }, file);
    expect(read.discovered).toBe(true);
    expect({
      path: read.path,
      title: read.meta?.title,
      date: read.meta?.date.toISOString(),
      updated: read.meta?.updated.toISOString(),
      description: read.meta?.description,
      tags: read.meta?.tags,
      image: read.meta?.image?.url,
      draft: read.meta?.draft,
      problems: read.problems,
    }).toMatchObject(expected);
  });

  it("puts pages under the config's base", async () => {
    const read = await readAs(
      "astro",
      {
        "astro.config.mjs": "export default defineConfig({\n  site: 'https://example.org',\n  base: '/docs',\n});\n",
        "src/content/blog/a.md": "---\ntitle: A\npubDate: 2024-01-01\n---\n",
      },
      "src/content/blog/a.md",
    );
    expect(read.path).toBe("/docs/blog/a/");
  });

  it("finds the collections a content config loads with glob, read as text and never run", async () => {
    const contentConfig = [
      "import { defineCollection, z } from 'astro:content';",
      "import { glob } from 'astro/loaders';",
      "const blog = defineCollection({",
      "  loader: glob({ pattern: '**/[^_]*.md', base: './src/data/blog' }),",
      "  schema: z.object({ title: z.string(), pubDatetime: z.date() }),",
      "});",
      "export const collections = { posts: blog };",
    ].join("\n");
    const read = await readAs(
      "astro",
      { "src/content.config.ts": contentConfig, "src/data/blog/hello.md": "---\ntitle: Hello\npubDatetime: 2024-01-01T10:00:00Z\n---\n" },
      "src/data/blog/hello.md",
    );
    expect([read.path, read.meta?.date.toISOString()]).toEqual(["/posts/hello/", "2024-01-01T10:00:00.000Z"]);
  });

  it("leaves out entries with no publication date, and pages outside the collections", async () => {
    const read = await readAs(
      "astro",
      {
        "src/content/authors/jane.md": "---\nname: Jane\n---\n",
        "src/pages/about.md": "---\ntitle: About\n---\n",
        "src/content/blog/a.md": "---\ntitle: A\npubDate: 2024-01-01\n---\n",
      },
      "src/content/authors/jane.md",
    );
    expect(read.found).toEqual(["src/content/authors/jane.md", "src/content/blog/a.md"]);
    expect([read.meta, read.problems]).toEqual([undefined, []]);
  });

  it("drops MDX imports, exports and expressions, and keeps a component's children", async () => {
    const body = [
      "import Chart from '../components/Chart.astro';",
      "export const year = 2024;",
      "",
      "Text with `{inline code}` and {year} here.",
      "",
      "<Chart data={[1, 2]}>",
      "  The chart's caption",
      "</Chart>",
      "",
      "```jsx",
      "<Kept literally={true} />",
      "```",
    ].join("\n");
    const read = await readAs("astro", { "src/content/blog/m.mdx": `---\ntitle: M\npubDate: 2024-01-01\n---\n${body}\n` }, "src/content/blog/m.mdx");
    expect(read.html).toContain("<code>{inline code}</code> and  here.");
    expect(read.html).toContain("The chart's caption");
    expect(read.html).toContain("&#x3C;Kept literally={true} />");
    expect(read.html).not.toMatch(/import|export|Chart/);
    expect(read.problems).toEqual([
      "5:1 warning template-syntax",
      "6:1 warning template-syntax",
      "8:31 warning template-syntax",
      "10:1 warning template-syntax",
    ]);
  });
});
