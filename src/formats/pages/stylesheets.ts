import { namespaces } from "../xml.js";

/** Where the stylesheets are written, relative to the output folder. */
export const stylesheetPaths = { site: "assets/wirefeed.css", feedCss: "assets/feed.css", feedXsl: "assets/feed.xsl" } as const;

/**
 * The one stylesheet of every page: system fonts, a readable measure, phone-first, dark when the
 * reader's system is, logical properties so that right-to-left articles mirror. Colours keep a
 * contrast of at least 4.5:1 in both schemes.
 */
export const siteCss = `:root {
  color-scheme: light dark;
  --text: #1a1a1a;
  --muted: #555;
  --background: #fdfdfc;
  --surface: #f1f0ec;
  --link: #0b57a4;
  --rule: #d6d3cc;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Arabic", sans-serif;
  line-height: 1.55;
}
@media (prefers-color-scheme: dark) {
  :root {
    --text: #ecebe8;
    --muted: #b4b1aa;
    --background: #161615;
    --surface: #242321;
    --link: #8cc2ff;
    --rule: #3d3b37;
  }
}
* { box-sizing: border-box; }
body { margin: 0; color: var(--text); background: var(--background); font-size: 1.0625rem; }
a { color: var(--link); }
.site-header, main, .site-footer { max-inline-size: 44rem; margin-inline: auto; padding-inline: 1rem; }
.site-header { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; align-items: baseline; justify-content: space-between; padding-block: 1rem; border-block-end: 1px solid var(--rule); }
.site-name { font-weight: 700; font-size: 1.25rem; text-decoration: none; color: var(--text); }
nav ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; }
main { padding-block: 1.5rem 2.5rem; }
h1 { font-size: clamp(1.6rem, 5vw, 2.3rem); line-height: 1.2; margin-block: 0 0.75rem; }
h2 { font-size: 1.3rem; margin-block: 2rem 0.75rem; }
h3 { font-size: 1.1rem; margin-block: 0 0.25rem; }
.lede, .dek { font-size: 1.2rem; color: var(--muted); }
.meta, .byline, .count, figcaption { color: var(--muted); font-size: 0.95rem; }
.articles { list-style: none; padding: 0; margin: 0; }
.articles li { padding-block: 0.9rem; border-block-end: 1px solid var(--rule); }
.articles p { margin-block: 0.25rem; }
figure { margin: 1.5rem 0; }
img { max-inline-size: 100%; block-size: auto; }
figure.lead img { display: block; inline-size: 100%; background: var(--surface); }
figcaption { margin-block-start: 0.5rem; }
.caption + .credit::before { content: "· Photo: "; }
.credit:only-child::before { content: "Photo: "; }
.body { overflow-wrap: break-word; }
.body pre { overflow-x: auto; background: var(--surface); padding: 0.75rem; }
.tag-cloud, .tags ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; }
.neighbours, .pages { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 1rem; margin-block-start: 2rem; padding-block-start: 1rem; border-block-start: 1px solid var(--rule); }
.neighbours p { margin: 0; flex: 1 1 16rem; }
.neighbours .next { text-align: end; }
.label { display: block; color: var(--muted); font-size: 0.9rem; }
.feeds { background: var(--surface); padding: 0.25rem 1rem 1rem; border-radius: 0.5rem; margin-block: 2rem; }
.feeds ul { padding-inline-start: 1.25rem; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 0.9em; overflow-wrap: anywhere; user-select: all; }
.table { overflow-x: auto; }
table { border-collapse: collapse; inline-size: 100%; font-size: 0.95rem; }
th, td { text-align: start; padding: 0.4rem 0.6rem; border-block-end: 1px solid var(--rule); vertical-align: top; }
td code { user-select: all; }
.site-footer { padding-block: 1.5rem; border-block-start: 1px solid var(--rule); color: var(--muted); font-size: 0.95rem; }
`;

/**
 * The stylesheet an RSS or Atom document names when `feedStyle` is "css": CSS on XML, which
 * every current browser applies with no warning (XSLT is being removed from Chromium). CSS
 * cannot add links, so a banner says what the document is and how to use it; then the feed's
 * title and its items' titles, dates and summaries; the rest (ids, HTML bodies, media) is hidden.
 */
export const feedCss = `@namespace atom "${namespaces.atom}";
@namespace content "${namespaces.content}";
@namespace dc "${namespaces.dc}";
@namespace media "${namespaces.media}";
@namespace fh "${namespaces.fh}";
:root {
  display: block;
  color-scheme: light dark;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  line-height: 1.5;
  max-width: 44rem;
  margin: 0 auto;
  padding: 1rem;
  color: #1a1a1a;
  background: #fdfdfc;
}
@media (prefers-color-scheme: dark) {
  :root { color: #ecebe8; background: #161615; }
}
:root::before {
  display: block;
  white-space: pre-wrap;
  content: "This is a feed: a list of new articles for a feed reader app.\\A To subscribe, copy this page's address from the address bar into your feed reader.";
  padding: 0.75rem 1rem;
  margin-bottom: 1.5rem;
  border-radius: 0.5rem;
  background: #fff3c4;
  color: #1a1a1a;
  font-weight: 600;
}
*|* { display: none; }
atom|feed, channel, item, atom|entry { display: block; }
channel > title, atom|feed > atom|title { display: block; font-size: 2rem; font-weight: 700; margin-bottom: 0.5rem; }
channel > description, atom|feed > atom|subtitle { display: block; margin-bottom: 1.5rem; }
item, atom|entry { padding: 0.75rem 0; border-top: 1px solid #99999966; }
item > title, atom|entry > atom|title { display: block; font-size: 1.2rem; font-weight: 700; }
item > pubDate, atom|entry > atom|published { display: block; font-size: 0.9rem; opacity: 0.8; }
item > link { display: block; font-size: 0.9rem; overflow-wrap: anywhere; }
item > description, atom|entry > atom|summary { display: block; margin-top: 0.25rem; }
`;

/**
 * The stylesheet RSS and Atom documents name when `feedStyle` is "xsl": XSLT 1.0 that turns the
 * feed into an HTML page with the same banner, linked titles and summaries. Self-contained: its
 * style is inline, so it names nothing outside the output folder.
 */
export const feedXsl = `<?xml version="1.0" encoding="utf-8"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:atom="${namespaces.atom}" exclude-result-prefixes="atom">
  <xsl:output method="html" encoding="utf-8" indent="yes" doctype-system="about:legacy-compat"/>
  <xsl:template match="/">
    <xsl:variable name="title" select="rss/channel/title | atom:feed/atom:title"/>
    <html lang="{rss/channel/language | atom:feed/@xml:lang}">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="color-scheme" content="light dark"/>
        <title><xsl:value-of select="$title"/> (feed)</title>
        <style>
          body { font-family: system-ui, sans-serif; line-height: 1.5; max-width: 44rem; margin: 0 auto; padding: 1rem; }
          .banner { padding: 0.75rem 1rem; border-radius: 0.5rem; background: #fff3c4; color: #1a1a1a; font-weight: 600; }
          li { margin-block: 0.75rem; }
        </style>
      </head>
      <body>
        <p class="banner">This is a feed: a list of new articles for a feed reader app. To subscribe, copy this page's address from the address bar into your feed reader.</p>
        <main>
          <h1><xsl:value-of select="$title"/></h1>
          <p><xsl:value-of select="rss/channel/description | atom:feed/atom:subtitle"/></p>
          <ol>
            <xsl:for-each select="rss/channel/item">
              <li><a href="{link}"><xsl:value-of select="title"/></a><br/><small><xsl:value-of select="pubDate"/></small></li>
            </xsl:for-each>
            <xsl:for-each select="atom:feed/atom:entry">
              <li><a href="{atom:link[@rel='alternate' or not(@rel)]/@href}"><xsl:value-of select="atom:title"/></a><br/><small><xsl:value-of select="atom:published"/></small></li>
            </xsl:for-each>
          </ol>
        </main>
      </body>
    </html>
  </xsl:template>
</xsl:stylesheet>
`;
