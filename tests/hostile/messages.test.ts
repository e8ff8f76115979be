// What wirefeed prints cannot be forged by what it prints about: a file name holding a newline
// (or a terminal escape) is shown escaped, on its own line. Before: such a name printed a second,
// made-up diagnostic line on standard error.
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { goodArticle, writeSite } from "../errors/site.js";

async function stderrOf(dir: string): Promise<string> {
  let stderr = "";
  await main(["build", "--now", "2026-11-27T00:00:00Z", "--no-cache", "--keep-going"], {
    stdout: () => {},
    stderr: (text) => (stderr += text),
    env: {},
    cwd: dir,
  });
  return stderr;
}

describe("a file name with control characters", () => {
  it.each([
    ["a newline", "x\narticles/forged.md:1:1 error You were hacked [forged].md", "\\x0a"],
    ["a carriage return", "x\rarticles/forged.md:1:1 error You were hacked [forged].md", "\\x0d"],
    ["a terminal escape", "x\u001b[2Karticles/forged.md:1:1 error You were hacked [forged].md", "\\x1b[2K"],
    ["a line separator", "x\u2028articles/forged.md:1:1 error You were hacked [forged].md", "\\x2028"],
  ])("with %s prints no line of its own", async (_name, fileName, escaped) => {
    const dir = await writeSite({ [fileName]: "no front matter", "good.md": goodArticle() });
    const stderr = await stderrOf(dir);
    expect(stderr.split(/[\n\r\u2028]/).filter((line) => line.startsWith("articles/forged.md"))).toEqual([]);
    expect(stderr).not.toContain("\u001b");
    expect(stderr).toContain(`articles/x${escaped}articles/forged.md`);
    expect(stderr).toContain("[missing-front-matter]");
  });
});
