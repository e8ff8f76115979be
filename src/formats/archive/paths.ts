/** Where the archive's fixed files are published, relative to the output folder. */
export const archivePaths = {
  full: "archive.json",
  manifest: "archive/index.json",
  checksums: "archive/sha256sums.txt",
  schema: "archive.schema.json",
} as const;
