import { describe, expect, it } from "vitest";
import { readAs } from "./read-as.js";

/** What a row checks of the article wirefeed reads. */
const summary = (read: Awaited<ReturnType<typeof readAs>>) => ({
  path: read.path,
  title: read.meta?.title,
  date: read.meta?.date.toISOString(),
  updated: read.meta?.updated.toISOString(),
  description: read.meta?.description,
  tags: read.meta?.tags,
  draft: read.meta?.draft,
  image: read.meta?.image?.url,
  problems: read.problems,
});

/**
 * Rows from Jekyll's documentation (jekyllrb.com/docs/posts/, /front-matter/, /permalinks/,
 * /configuration/front-matter-defaults/) and the default site `jekyll new` makes.
 */
describe("the Jekyll profile", () => {
  it.each([
    // docs/posts/: "2011-12-31-new-years-eve-is-awesome.md"; the default permalink style is `date`
    {
      doc: "the date and title come from the file name",
      config: "",
      file: "_posts/2011-12-31-new-years-eve-is-awesome.md",
      text: "---\nlayout: post\n---\nBody.\n",
      expected: { path: "/2011/12/31/new-years-eve-is-awesome.html", title: "New Years Eve Is Awesome", date: "2011-12-31T00:00:00.000Z", problems: [] },
    },
    // `jekyll new`'s welcome post: a date with a time and an offset, and the space-separated categories
    {
      doc: "categories as a space-separated string go into the URL",
      config: "",
      file: "_posts/2016-05-20-welcome-to-jekyll.md",
      text: '---\nlayout: post\ntitle: "Welcome to Jekyll!"\ndate: 2016-05-20 21:00:00 +0200\ncategories: jekyll update\n---\n',
      expected: { path: "/jekyll/update/2016/05/20/welcome-to-jekyll.html", date: "2016-05-20T19:00:00.000Z", tags: ["jekyll", "update"] },
    },
    // docs/permalinks/#built-in-formats: pretty is /:categories/:year/:month/:day/:title/
    {
      doc: "the pretty permalink style",
      config: "permalink: pretty\n",
      file: "_posts/2009-04-29-slap-chop.md",
      text: "---\ntitle: Slap Chop\n---\n",
      expected: { path: "/2009/04/29/slap-chop/" },
    },
    // docs/permalinks/: none is /:categories/:title:output_ext
    {
      doc: "the none permalink style, with a category",
      config: "permalink: none\n",
      file: "_posts/2009-04-29-slap-chop.md",
      text: "---\ntitle: Slap Chop\ncategory: Kitchen\n---\n",
      expected: { path: "/kitchen/slap-chop.html", tags: ["Kitchen"] },
    },
    // docs/permalinks/#placeholders: a pattern of the config
    {
      doc: "a permalink pattern",
      config: "permalink: /:year/:i_month/:i_day/:slug/\n",
      file: "_posts/2009-04-09-Slap-Chop.md",
      text: "---\ntitle: Slap Chop\n---\n",
      expected: { path: "/2009/4/9/slap-chop/" },
    },
    // docs/front-matter/#predefined-global-variables: a post's own permalink
    {
      doc: "the post's own permalink",
      config: "",
      file: "_posts/2009-04-29-slap-chop.md",
      text: "---\ntitle: Slap Chop\npermalink: /recipes/:title/\n---\n",
      expected: { path: "/recipes/slap-chop/" },
    },
    // docs/front-matter/: published: false keeps a post out
    {
      doc: "published: false",
      config: "",
      file: "_posts/2009-04-29-unpublished.md",
      text: "---\ntitle: Unpublished\npublished: false\n---\n",
      expected: { draft: true },
    },
    // docs/configuration/options/: baseurl is the site's subpath
    {
      doc: "baseurl",
      config: "baseurl: /blog\n",
      file: "_posts/2009-04-29-slap-chop.md",
      text: "---\ntitle: Slap Chop\n---\n",
      expected: { path: "/blog/2009/04/29/slap-chop.html" },
    },
    // docs/configuration/front-matter-defaults/: values for every post
    {
      doc: "front matter defaults",
      config: 'defaults:\n  - scope:\n      path: ""\n      type: posts\n    values:\n      permalink: /:title/\n      author: Mr. Hyde\n',
      file: "_posts/2009-04-29-slap-chop.md",
      text: "---\ntitle: Slap Chop\n---\n",
      expected: { path: "/slap-chop/" },
    },
    // jekyll-seo-tag's image.path, excerpt, jekyll-last-modified-at's last_modified_at, tags as a string
    {
      doc: "image.path, excerpt, last_modified_at and tags",
      config: "baseurl: /blog\n",
      file: "_posts/2016-05-20-plugins.md",
      text: "---\ntitle: Plugins\nimage:\n  path: /assets/cover.png\n  alt: Cover\nexcerpt: The short version.\nlast_modified_at: 2016-06-01\ntags: ruby web\n---\n",
      expected: {
        image: "https://example.org/blog/assets/cover.png",
        description: "The short version.",
        updated: "2016-06-01T00:00:00.000Z",
        tags: ["ruby", "web"],
      },
    },
    // minima's modified_date
    {
      doc: "modified_date",
      config: "",
      file: "_posts/2016-05-20-styles.md",
      text: "---\ntitle: Styles\nmodified_date: 2016-05-27\ncomments: false\n---\n",
      expected: { updated: "2016-05-27T00:00:00.000Z", problems: [] },
    },
    // docs/configuration/options/: timezone
    {
      doc: "the config's timezone",
      config: "timezone: America/New_York\n",
      file: "_posts/2016-05-20-zoned.md",
      text: "---\ntitle: Zoned\n---\n",
      expected: { date: "2016-05-20T04:00:00.000Z" },
    },
    {
      doc: "a misspelt published",
      config: "",
      file: "_posts/2016-05-20-typo.md",
      text: "---\ntitle: Typo\npublishd: false\n---\n",
      expected: { problems: ["3:1 error misspelled-publication-key"] },
    },
  ])("$doc", async ({ config, file, text, expected }) => {
    const read = await readAs("jekyll", { "_config.yml": `title: Site\n${config}`, [file]: text }, file);
    expect(read.discovered).toBe(true);
    expect(summary(read)).toMatchObject(expected);
  });

  it("reads posts in _posts and <category>/_posts only, named with a date", async () => {
    const read = await readAs(
      "jekyll",
      {
        "_config.yml": "title: Site\n",
        "_posts/2016-01-01-a.md": "---\ntitle: A\n---\n",
        "_posts/notes.md": "---\ntitle: Not a post\n---\n",
        "_drafts/b.md": "---\ntitle: Draft\n---\n",
        "news/_posts/2016-01-02-c.md": "---\ntitle: C\n---\n",
        "about.md": "---\ntitle: About\n---\n",
        "_site/2016/01/01/a.md": "copy\n",
        "node_modules/x/README.md": "# x\n",
      },
      "news/_posts/2016-01-02-c.md",
    );
    expect(read.found).toEqual(["_posts/2016-01-01-a.md", "news/_posts/2016-01-02-c.md"]);
    expect(read.path).toBe("/news/2016/01/02/c.html");
  });

  it("renders highlight, raw, link and post_url as Jekyll does, and drops other Liquid with a warning", async () => {
    const body = [
      "{% highlight ruby %}",
      "def foo",
      "  puts 'foo'",
      "end",
      "{% endhighlight %}",
      "",
      "{% raw %}Liquid uses {{ this }}{% endraw %}",
      "",
      "[Older]({% post_url 2010-07-21-name-of-post %}) and [logo]({{ site.baseurl }}/logo.png) and [x]({{ '/x/' | relative_url }})",
      "",
      "{% include note.html %} {{ page.title }}",
    ].join("\n");
    const read = await readAs(
      "jekyll",
      {
        "_config.yml": "baseurl: /blog\n",
        "_posts/2010-07-21-name-of-post.md": "---\ntitle: Older\ncategories: old\n---\n",
        "_posts/2016-01-01-post.md": `---\ntitle: Post\n---\n${body}\n`,
      },
      "_posts/2016-01-01-post.md",
    );
    expect(read.html).toContain("<pre><code class=\"language-ruby\">def foo\n  puts 'foo'\nend\n</code></pre>");
    expect(read.html).toContain("Liquid uses {{ this }}");
    expect(read.html).toContain('href="https://example.org/blog/old/2010/07/21/name-of-post.html"');
    expect(read.html).toContain('href="https://example.org/blog/logo.png"');
    expect(read.html).toContain('href="https://example.org/blog/x/"');
    expect(read.html).not.toMatch(/include|page\.title|\{%/);
    expect(read.problems).toEqual(["14:1 warning template-syntax", "14:25 warning template-syntax"]);
  });

  // jekyllrb.com/docs/posts/#categories: the folders above _posts are the post's categories; the first is its section.
  it("takes the section from the folder above _posts (world/_posts/...)", async () => {
    const read = await readAs(
      "jekyll",
      { "_config.yml": "title: x\n", "world/_posts/2024-01-01-p.md": "---\ntitle: P\n---\n" },
      "world/_posts/2024-01-01-p.md",
    );
    expect([read.meta?.section, read.meta?.tags, read.problems]).toEqual(["world", ["world"], []]);
  });
});
