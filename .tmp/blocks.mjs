import { readFileSync } from "node:fs";
import rehypeParse from "rehype-parse";
import { unified } from "unified";
const { readContent } = await import("/work/wt/import/dist/import/content.js");
const tree = unified().use(rehypeParse).parse(readFileSync(process.argv[2], "utf8"));
console.log(readContent(tree, "https://x.example/").blocks.map(b => [b.kind, b.line, b.markdown.slice(0, 80)]));
