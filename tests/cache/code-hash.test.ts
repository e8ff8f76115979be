import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { expect, it } from "vitest";
import { hashCode } from "../../src/pipeline/code-hash.js";
import { tempDir } from "../helpers/build.js";

it("hashes a module and what it imports, transitively, and nothing else", async () => {
  const dir = await tempDir("wirefeed-code-");
  const write = (name: string, code: string) => writeFile(path.join(dir, name), code);
  await write("entry.js", 'import { b } from "./b.js";\nexport const a = () => import("./lazy.js");\n');
  await write("b.js", 'export * from "./sub/c.js";\nexport const b = 1;\n');
  await mkdir(path.join(dir, "sub"));
  await write("sub/c.js", "export const c = 1;\n");
  await write("lazy.js", "export const lazy = 1;\n");
  await write("unrelated.js", "export const u = 1;\n");
  const entry = pathToFileURL(path.join(dir, "entry.js"));
  const before = hashCode(entry);

  await write("unrelated.js", "export const u = 2;\n");
  expect(hashCode(entry)).toBe(before);
  for (const name of ["sub/c.js", "lazy.js", "b.js"]) {
    await write(name, "export const changed = true;\n");
    const after = hashCode(entry);
    expect(after, name).not.toBe(before);
  }
});
