import rehypeParse from "rehype-parse";
import { unified } from "unified";
const { htmlToBlocks } = await import("/work/wt/import/dist/import/html-markdown.js");
for (const h of ['<p><img src="https://x/board.jpg"></p>', '<p><a href="https://x/big.jpg">x<img src="https://x/board.jpg"></a></p>', '<p>a <img src="https://x/board.jpg"></p>'])
console.log(htmlToBlocks(unified().use(rehypeParse, { fragment: true }).parse(h), undefined));
