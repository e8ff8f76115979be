import { copyFile, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import ts from "typescript";
import { repoRoot } from "../helpers/build.js";

const paragraph = (seed: number, variant: string) =>
  `Paragraph ${seed} of the ${variant} edition: ${"the desk files copy, the editors check it, the feed carries it. ".repeat(6)}`;

/**
 * Writes `count` valid articles into `articlesDir`; `variant` changes every body (never a source
 * or an id), so builds of two variants differ in content but not in which articles they hold.
 * @param articlesDir the folder to fill
 * @param count how many articles
 * @param variant a word that appears in every body
 */
export async function writeCorpus(articlesDir: string, count: number, variant: string): Promise<void> {
  await mkdir(articlesDir, { recursive: true });
  await Promise.all(
    Array.from({ length: count }, (_, index) => {
      const day = String((index % 28) + 1).padStart(2, "0");
      const month = String((Math.floor(index / 28) % 12) + 1).padStart(2, "0");
      const body = Array.from({ length: 8 }, (_, n) => paragraph(index * 10 + n, variant)).join("\n\n");
      const text = `---\ntitle: "Story ${index}: ${variant}"\ndate: 2021-${month}-${day}T10:00:00Z\ntags: [Desk, Topic ${index % 17}]\n---\n${body}\n`;
      return writeFile(path.join(articlesDir, `story-${String(index).padStart(4, "0")}.md`), text);
    }),
  );
}

/**
 * Transpiles a source tree's src/ (no type check: that is `tsc --noEmit`'s job) into a private
 * folder inside node_modules, so that packages resolve and someone else's rebuild of dist/ cannot
 * interfere, and returns a script that runs the CLI from it.
 * @param root the tree whose src/ and package.json to compile; the repository by default
 * @param name the folder's name under node_modules/.cache
 * @param cli the CLI module, relative to src/ (an older tree may keep it elsewhere)
 */
export async function compileRunner(root = repoRoot, name = "wirefeed-faults", cli = "cli/main.js"): Promise<string> {
  const dir = path.join(repoRoot, "node_modules/.cache", name);
  const sources = (await readdir(path.join(root, "src"), { recursive: true })).filter((file) => file.endsWith(".ts"));
  await Promise.all(
    sources.map(async (file) => {
      const { outputText } = ts.transpileModule(await readFile(path.join(root, "src", file), "utf8"), {
        compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2023, verbatimModuleSyntax: true },
      });
      const target = path.join(dir, "dist", file.replace(/\.ts$/, ".js"));
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, outputText);
    }),
  );
  // dist/version.js reads ../package.json.
  await copyFile(path.join(root, "package.json"), path.join(dir, "package.json"));
  const runner = path.join(dir, "run.mjs");
  await writeFile(runner, `import { main } from "./dist/${cli}";\nprocess.exitCode = await main(process.argv.slice(2));\n`);
  return runner;
}
