// The item writer against an oracle: the same element built with xmldom, as the feeds were
// before items were written once (appendElements, then makeCarriable and xmldom's serializer),
// must come out as the same bytes, for any text and attribute value.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ElementSpec, appendElements, parseXml, serializeXml } from "../../src/formats/xml.js";
import { writeElement } from "../../src/formats/xml-writer.js";
import { unicodeText } from "../conformance/arbitraries.js";

const RUNS = Number(process.env.WIREFEED_PROPERTY_RUNS ?? 200);

/** The element as xmldom writes it one level below the root element. */
function throughTheDom(spec: ElementSpec): string {
  const document = parseXml('<r xmlns:media="http://search.yahoo.com/mrss/" xmlns:fh="http://purl.org/syndication/history/1.0"/>');
  appendElements(document.documentElement!, [spec]);
  const xml = serializeXml(document);
  const start = xml.indexOf(">", xml.indexOf("<r ")) + 1;
  // The root holds the element alone, between its own line's indentation and the root's end tag.
  return xml.slice(start + "\n    ".length, xml.lastIndexOf("\n</r>"));
}

const spec = (text: string, attribute: string, children: string[]): ElementSpec => ({
  name: "media:content",
  attributes: { url: attribute, medium: "image", type: undefined, fileSize: 12 },
  children: children.map((child, index) => ({ name: index % 2 ? "media:credit" : "media:text", attributes: { type: attribute }, text: child })),
  ...(children.length ? {} : { text }),
});

describe("writeElement", () => {
  it("writes what xmldom writes, for any text and attribute value", () => {
    fc.assert(
      fc.property(unicodeText(), unicodeText(), fc.array(unicodeText(), { maxLength: 3 }), (text, attribute, children) => {
        const element = spec(text, attribute, children);
        expect(writeElement(element, 1)).toBe(throughTheDom(element));
      }),
      { numRuns: RUNS },
    );
  });

  it.each([
    ["an empty element", { name: "fh:archive" }, "<fh:archive/>"],
    ["empty text", { name: "summary", text: "" }, "<summary></summary>"],
    ["markup and CDATA ends in text", { name: "title", text: "a ]]> <b> & c" }, "<title>a ]]&gt; &lt;b&gt; &amp; c</title>"],
    ["line ends in text", { name: "title", text: "a\r\nb\rc" }, "<title>a\nb\nc</title>"],
    ["whitespace in attributes", { name: "link", attributes: { href: 'x"\t\n\r' } }, '<link href="x&quot;&#9;&#10;&#13;"/>'],
    ["characters XML cannot carry", { name: "title", text: "a\u0000\uFFFE\uD800b" }, "<title>ab</title>"],
  ] as const)("%s", (_name, element, expected) => {
    expect(writeElement(element, 1)).toBe(expected);
    expect(throughTheDom(element)).toBe(expected);
  });
});
