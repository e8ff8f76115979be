/**
 * Import rules of wirefeed's source, checked by `npm test` (depcruise). Each says why it matters.
 * @type {import("dependency-cruiser").IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "A cycle makes the order of a module's initialization depend on who imports it first, and no room can be read alone.",
      from: {},
      to: { circular: true },
    },
    {
      name: "text-is-a-library",
      severity: "error",
      comment: "The normalizers are pure functions shared by build, import and config: they depend on nothing of those.",
      from: { path: "^src/text/" },
      to: { path: "^src/(build|formats|cli|import|config)/" },
    },
    {
      name: "article-code-is-not-the-engine",
      severity: "error",
      comment:
        "The cache key hashes the code that prepares an article (stages/article.ts and what it imports): the cache and the threads must not be in it, or tuning them would re-render every article.",
      from: { path: "^src/build/stages/(article|read|front-matter|meta/[^/]+|render)\\.ts$" },
      to: { path: "^src/build/(incremental|runtime)/" },
    },
    {
      name: "formats-are-not-the-engine",
      severity: "error",
      comment: "A serializer turns the model into bytes; locks, threads and the cache are the build's business.",
      from: { path: "^src/formats/" },
      to: { path: "^src/build/(runtime|stages/(prepare|collect|guard|output|lock|remember))" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
  },
};
