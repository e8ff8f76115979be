import { describe, expect, it } from "vitest";
import { escapeHtml, html, raw } from "../../src/formats/pages/html.js";

describe("escapeHtml", () => {
  it.each([
    // The seed article's headline: nothing to escape, curly quotes stay as they are.
    ["Iran Blames NATO Expansion for Russia’s Invasion of Ukraine", "Iran Blames NATO Expansion for Russia’s Invasion of Ukraine"],
    // Each character that can end text or a quoted attribute.
    ["a & b", "a &amp; b"],
    ["</title><script>", "&lt;/title&gt;&lt;script&gt;"],
    ['say "hi"', "say &quot;hi&quot;"],
    ["it's", "it&#39;s"],
    // Already escaped text is text: escaped again, so it shows as written.
    ["&amp;", "&amp;amp;"],
  ])("%j → %j", (text, escaped) => {
    expect(escapeHtml(text)).toBe(escaped);
  });
});

describe("html", () => {
  it("escapes every interpolated text, in text and in attributes", () => {
    const title = `"><img src=x onerror=alert(1)>`;
    expect(html`<a title="${title}">${title}</a>`.value).toBe(
      '<a title="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;">&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</a>',
    );
  });

  it("inserts markup as it is, joins lists, and drops nothing-values", () => {
    expect(html`<div>${raw("<p>body</p>")}${["a", html`<b>${"<b>"}</b>`]}${undefined}${null}${false}${0}</div>`.value).toBe(
      "<div><p>body</p>a<b>&lt;b&gt;</b>0</div>",
    );
  });
});
