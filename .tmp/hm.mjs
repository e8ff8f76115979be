import rehypeParse from "rehype-parse";
import { unified } from "unified";
const { htmlToBlocks } = await import("/work/wt/import/dist/import/html-markdown.js");
const f = unified().use(rehypeParse, { fragment: true }).parse('<div><p>Hello there.</p><p><a href="https://x/big.jpg"><img data-original-height="1200" height="480" src="https://x/board.jpg" width="640"></a></p></div>');
console.log(JSON.stringify(f.children[0].children[1].children[0].children[0].properties));
console.log(htmlToBlocks(f, undefined));
