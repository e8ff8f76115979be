import { describe, expect, it } from "vitest";
import { readAs } from "./read-as.js";

const config = 'baseURL = "https://example.org/"\n';

/**
 * Each row is an example of Hugo's documentation (gohugo.io/content-management/front-matter/,
 * /urls/, /page-bundles/, /multilingual/, /configuration/front-matter/), read through the Hugo profile.
 */
describe("the Hugo profile", () => {
  it.each([
    // gohugo.io/content-management/urls/: "content/posts/post-1.md → https://example.org/posts/post-1/"
    {
      doc: "a file's URL matches its path in the content folder",
      file: "content/posts/post-1.md",
      text: "---\ntitle: Post 1\ndate: 2024-01-01\n---\nBody.\n",
      expected: { path: "/posts/post-1/", title: "Post 1", date: "2024-01-01T00:00:00.000Z" },
    },
    // urls/#slug: "slug: my-first-post" → https://example.org/posts/my-first-post/
    {
      doc: "slug overrides the last segment of the path",
      file: "content/posts/post-1.md",
      text: "---\nslug: my-first-post\ntitle: My First Post\ndate: 2024-01-01\n---\n",
      expected: { path: "/posts/my-first-post/", title: "My First Post" },
    },
    // urls/#url: "url: /articles/my-first-article" → https://example.org/articles/my-first-article/
    {
      doc: "url overrides the entire path",
      file: "content/posts/post-1.md",
      text: "---\nurl: /articles/my-first-article\ntitle: My First Article\ndate: 2024-01-01\n---\n",
      expected: { path: "/articles/my-first-article/" },
    },
    // front-matter/: the same front matter in TOML, with an unquoted date-time and a [params] table
    {
      doc: "TOML front matter between +++",
      file: "content/posts/example.md",
      text: "+++\ndate = 2024-02-02T04:14:54-08:00\ndraft = false\ntitle = 'Example'\nweight = 10\n[params]\n  author = 'John Smith'\n+++\nBody.\n",
      expected: { path: "/posts/example/", title: "Example", date: "2024-02-02T12:14:54.000Z" },
    },
    // front-matter/: and in JSON
    {
      doc: "JSON front matter as a leading object",
      file: "content/posts/example.md",
      text: '{\n   "date": "2024-02-02T04:14:54-08:00",\n   "draft": false,\n   "params": {\n      "author": "John Smith"\n   },\n   "title": "Example",\n   "weight": 10\n}\nBody.\n',
      expected: { path: "/posts/example/", title: "Example", date: "2024-02-02T12:14:54.000Z" },
    },
    // page-bundles/: "content/posts/my-post/index.md" is a leaf bundle, its URL the folder's
    {
      doc: "a leaf bundle takes its folder's name",
      file: "content/posts/my-post/index.md",
      text: "---\ntitle: My Post\ndate: 2024-01-01\ncover:\n  image: cover.jpg\n  alt: A cover\n---\n",
      expected: { path: "/posts/my-post/", slug: "posts-my-post", image: "https://example.org/posts/my-post/cover.jpg" },
    },
    // configuration/front-matter/: date falls back to publishDate; lastmod is the update; expiryDate ends it
    {
      doc: "publishDate, lastmod and expiryDate",
      file: "content/posts/dates.md",
      text: "---\ntitle: Dates\npublishDate: 2023-10-19T00:40:04-07:00\nlastmod: 2023-10-20\nexpiryDate: 2029-01-01\n---\n",
      expected: { date: "2023-10-19T07:40:04.000Z", updated: "2023-10-20T00:00:00.000Z", expires: "2029-01-01T00:00:00.000Z" },
    },
    // Hugo reads front matter keys without regard to case
    {
      doc: "keys in any case",
      file: "content/posts/case.md",
      text: "---\nTitle: Case\nDate: 2024-01-01\nExpiryDate: 2029-01-01\nLastMod: 2024-02-01\n---\n",
      expected: { title: "Case", updated: "2024-02-01T00:00:00.000Z", expires: "2029-01-01T00:00:00.000Z" },
    },
    // front-matter/#images: the first of `images` is the page's image
    {
      doc: "images[0]",
      file: "content/posts/img.md",
      text: "---\ntitle: Img\ndate: 2024-01-01\nimages: [/images/a.jpg, /images/b.jpg]\ntags: [a, b]\ncategories: c\n---\n",
      expected: { image: "https://example.org/images/a.jpg", tags: ["c", "a", "b"] },
    },
    // draft: true is left out of a default build
    {
      doc: "draft",
      file: "content/posts/d.md",
      text: "---\ntitle: D\ndate: 2024-01-01\ndraft: true\n---\n",
      expected: { draft: true },
    },
    // Theme and Hugo keys never warn; a near miss of a publication key is an error
    {
      doc: "other keys are the theme's",
      file: "content/posts/k.md",
      text: "---\ntitle: K\ndate: 2024-01-01\nShowToc: true\nweight: 3\naliases: [/old/]\nlayout: wide\n---\n",
      expected: { problems: [] },
    },
    {
      doc: "a misspelt draft",
      file: "content/posts/k.md",
      text: "---\ntitle: K\ndate: 2024-01-01\ndrafft: true\n---\n",
      expected: { problems: ["4:1 error misspelled-publication-key"] },
    },
  ])("$doc", async ({ file, text, expected }) => {
    const read = await readAs("hugo", { "hugo.toml": config, [file]: text }, file);
    expect(read.discovered).toBe(true);
    const { meta } = read;
    const got = {
      path: read.path,
      title: meta?.title,
      date: meta?.date.toISOString(),
      updated: meta?.updated.toISOString(),
      expires: meta?.expires?.toISOString(),
      image: meta?.image?.url,
      tags: meta?.tags,
      draft: meta?.draft,
      slug: meta?.slug,
      problems: read.problems,
    };
    expect(got).toMatchObject(expected);
  });

  // gohugo.io/content-management/sections/: a page's section is its top folder below content/.
  it("takes the section from the page's top folder (content/world/...)", async () => {
    const read = await readAs(
      "hugo",
      { "hugo.toml": `${config}mainSections = ["world"]\n`, "content/world/europe/p.md": "---\ntitle: P\ndate: 2024-01-01\n---\n" },
      "content/world/europe/p.md",
    );
    expect([read.meta?.section, read.problems]).toEqual(["world", []]);
  });

  it("takes the language from the file name and puts other languages under their code", async () => {
    const languages = '[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n[languages.fr.taxonomies]\ntag = "frtags"\n';
    const read = await readAs(
      "hugo",
      { "hugo.toml": config + languages, "content/posts/p.fr.md": "---\ntitle: P\ndate: 2024-01-01\nFRtags: [x]\n---\n" },
      "content/posts/p.fr.md",
    );
    expect([read.path, read.meta?.lang, read.meta?.tags, read.problems]).toEqual(["/fr/posts/p/", "fr", ["x"], []]);
  });

  it("dates a page by its file name when the config says so, and leaves an undated page out with a warning", async () => {
    // configuration/front-matter/#dates: date = [':filename', ':default'] reads 2017-01-31-myblogpost.md
    const files = {
      "hugo.toml": `${config}[frontmatter]\n  date = [':filename', ':default']\n`,
      "content/posts/2017-01-31-myblogpost.md": "---\ntitle: Named\n---\n",
    };
    const named = await readAs("hugo", files, "content/posts/2017-01-31-myblogpost.md");
    expect([named.path, named.meta?.date.toISOString()]).toEqual(["/posts/myblogpost/", "2017-01-31T00:00:00.000Z"]);
    const undated = await readAs("hugo", { "hugo.toml": config, "content/posts/undated.md": "---\ntitle: Undated\n---\n" }, "content/posts/undated.md");
    expect([undated.meta, undated.problems]).toEqual([undefined, ["1:1 warning undated-page"]]);
  });

  it("uses the permalinks of the config", async () => {
    // configuration/permalinks/: posts = '/articles/:year/:month/:slug/'
    const read = await readAs(
      "hugo",
      {
        "hugo.toml": `${config}[permalinks]\n  [permalinks.page]\n    posts = '/articles/:year/:month/:slug/'\n`,
        "content/posts/bash.md": "---\ntitle: Bash in Slow Motion\ndate: 2023-02-28\n---\n",
      },
      "content/posts/bash.md",
    );
    expect(read.path).toBe("/articles/2023/02/bash-in-slow-motion/");
  });

  it("reads only the main sections, never section lists or a bundle's resources", async () => {
    const read = await readAs(
      "hugo",
      {
        "hugo.toml": config,
        "content/about.md": "---\ntitle: About\n---\n",
        "content/posts/_index.md": "---\ntitle: Posts\n---\n",
        "content/posts/a.md": "---\ntitle: A\ndate: 2024-01-01\n---\n",
        "content/posts/b/index.md": "---\ntitle: B\ndate: 2024-01-01\n---\n",
        "content/posts/b/notes.md": "---\ntitle: Notes\n---\n",
        "content/posts/c.md": "---\ntitle: C\ndate: 2024-01-01\n---\n",
        "content/docs/x.md": "---\ntitle: X\n---\n",
        "node_modules/pkg/README.md": "# readme\n",
        "public/posts/a/index.md": "---\ntitle: Built\n---\n",
      },
      "content/posts/a.md",
    );
    expect(read.found).toEqual(["content/posts/a.md", "content/posts/b/index.md", "content/posts/c.md"]);
  });

  it("renders figure, highlight and youtube as Hugo does, keeps escaped examples literal, and drops the rest with a warning", async () => {
    const body = [
      '{{< figure src="/images/a.jpg" alt="A" caption="Cap" >}}',
      "",
      "{{< highlight go >}}",
      "fmt.Println(1)",
      "{{< /highlight >}}",
      "",
      "{{< youtube 0RKpf3rK57I >}}",
      "",
      "Example: {{</* figure src=x.jpg */>}}",
      "",
      "{{< gist user 123 >}}",
      "",
    ].join("\n");
    const read = await readAs("hugo", { "hugo.toml": config, "content/posts/s.md": `---\ntitle: S\ndate: 2024-01-01\n---\n${body}` }, "content/posts/s.md");
    expect(read.html).toContain('<figure><img src="https://example.org/images/a.jpg" alt="A"><figcaption><p>Cap</p></figcaption></figure>');
    expect(read.html).toContain('<code class="language-go">fmt.Println(1)');
    expect(read.html).toContain('href="https://www.youtube.com/watch?v=0RKpf3rK57I"');
    expect(read.html).toContain("Example: {{&#x3C; figure src=x.jpg >}}");
    expect(read.html).not.toContain("gist");
    expect(read.problems).toEqual(["15:1 warning template-syntax"]);
  });

  it("links ref and relref to the pages they name", async () => {
    const body = '[a]({{< ref "other.md" >}}) [b]({{< relref "/posts/bundle" >}}) [c]({{< ref "other#part" >}}) [d]({{< ref "missing.md" >}})\n';
    const read = await readAs(
      "hugo",
      {
        "hugo.toml": config,
        "content/posts/other.md": "---\ntitle: Other\ndate: 2024-01-01\nslug: the-other\n---\n",
        "content/posts/bundle/index.md": "---\ntitle: Bundle\ndate: 2024-01-01\n---\n",
        "content/posts/r.md": `---\ntitle: R\ndate: 2024-01-01\n---\n${body}`,
      },
      "content/posts/r.md",
    );
    expect(read.html).toContain('<a href="https://example.org/posts/the-other/">a</a>');
    expect(read.html).toContain('<a href="https://example.org/posts/bundle/">b</a>');
    expect(read.html).toContain('<a href="https://example.org/posts/the-other/#part">c</a>');
    expect(read.problems).toEqual(["5:99 warning template-syntax"]);
  });
});
