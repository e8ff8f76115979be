import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import { version } from "../../version.js";
import type { OutputContent } from "../stages/write.js";
import { hashCode } from "./code-hash.js";
import { readOutputState } from "./output-state.js";

// The code that makes the output files from the model (serializers, date formats, the model) is an input of every file.
export const serializerCode = hashCode(new URL("../stages/plan.js", import.meta.url));

/**
 * A hash of everything a file is made from: wirefeed's version, its serializers' code and the
 * given parts, each length-prefixed so that no two lists collide.
 */
export function inputKey(parts: readonly string[]): string {
  const hash = createHash("sha256").update(`wirefeed ${version} ${serializerCode}\n`);
  for (const part of parts) hash.update(`${Buffer.byteLength(part)}:`).update(part);
  return hash.digest("hex");
}

/**
 * The previous output folder as far as reuse goes: which input keys its files were built from.
 * Keys go into the new state as they are decided; `keys()` gives them, for the output's state file.
 */
export class OutputReuse {
  private readonly next = new Map<string, string>();

  private constructor(
    private readonly folder: string | undefined,
    private readonly previous: ReadonlyMap<string, string>,
  ) {}

  /** Reads the previous build's state; a missing, foreign or unreadable state means nothing is reused. */
  static async open(folder: string | undefined): Promise<OutputReuse> {
    const keys = folder === undefined ? {} : (readOutputState(folder)?.keys ?? {});
    return new OutputReuse(folder, new Map(Object.entries(keys)));
  }

  /**
   * True when the previous output has `file`, built from the same key (and `bytes` long, when the
   * caller knows its size): then it can be kept as it is. Records the key for the next build either way.
   */
  async unchanged(file: string, key: string, bytes?: number): Promise<boolean> {
    this.next.set(file, key);
    if (this.folder === undefined || this.previous.get(file) !== key) return false;
    const size = await stat(path.join(this.folder, file)).then(
      (found) => (found.isFile() ? found.size : undefined),
      () => undefined,
    );
    return size !== undefined && (bytes === undefined || size === bytes);
  }

  /**
   * The content of a rendered file: the previous file when its key is unchanged; else a stream
   * that renders it only when it is written, so that one page at a time is held in memory.
   * @param offThread when `render` works on another thread: its place among such files (see `OutputContent`)
   */
  async keyed(file: string, key: string, render: () => string | Promise<string>, offThread?: { order: number }): Promise<OutputContent> {
    if (await this.unchanged(file, key)) return { reuse: true };
    return {
      stream: async function* () {
        yield await render();
      },
      ...(offThread ? { offThread } : {}),
    };
  }

  /** Where a file of the previous output is, when there is a previous output. */
  previousPath(file: string): string | undefined {
    return this.folder === undefined ? undefined : path.join(this.folder, file);
  }

  /** A file of the previous output as text, if it has one. */
  async previousText(file: string): Promise<string | undefined> {
    if (this.folder === undefined) return undefined;
    return readFile(path.join(this.folder, file), "utf8").catch(() => undefined);
  }

  /** The input keys of this build's files, sorted by path, for the output's state. */
  keys(): Record<string, string> {
    return Object.fromEntries([...this.next].sort(([a], [b]) => (a < b ? -1 : 1)));
  }
}

/** Size and SHA-256 of a file's bytes. */
export interface Digest {
  bytes: number;
  sha256: string;
}

/**
 * A file produced as a stream whose size and checksum are learned while it is written, for the
 * manifest. If the manifest asks before the file was written, the digest is computed from a
 * second, unwritten pass, so no write order can deadlock.
 */
export class DigestedStream {
  private result: Promise<Digest> | undefined;

  constructor(private readonly produce: () => AsyncIterable<string | Uint8Array>) {}

  /** The output content: a stream that hashes what it hands to the writer. */
  content(): OutputContent {
    return { stream: () => this.run() };
  }

  private async *run(): AsyncGenerator<Uint8Array> {
    let settle: ((digest: Digest) => void) | undefined;
    let fail: ((error: Error) => void) | undefined;
    this.result ??= new Promise<Digest>((resolve, reject) => {
      settle = resolve;
      fail = reject;
    });
    // Whoever waits for this digest (the manifest, in another lane) must not wait forever for a
    // pass that failed or was abandoned: it fails too, and the build with it.
    this.result.catch(() => {});
    let complete = false;
    try {
      yield* this.hashed((digest) => {
        complete = true;
        settle?.(digest);
      });
    } finally {
      if (!complete) fail?.(new Error("The file was not written to its end"));
    }
  }

  /** The produced bytes, hashed on their way through; `done` gets their size and checksum. */
  private async *hashed(done: (digest: Digest) => void): AsyncGenerator<Uint8Array> {
    const hash = createHash("sha256");
    let bytes = 0;
    for await (const chunk of this.produce()) {
      const buffer = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
      hash.update(buffer);
      bytes += buffer.length;
      yield buffer;
    }
    done({ bytes, sha256: hash.digest("hex") });
  }

  /** Size and checksum of the bytes `content()` writes. */
  digest(): Promise<Digest> {
    this.result ??= (async () => {
      let digest: Digest | undefined;
      for await (const _ of this.hashed((result) => {
        digest = result;
      }));
      return digest!;
    })();
    return this.result;
  }
}

/**
 * Level 4: zlib's default (6) makes files 1 % (the benchmark's articles) to 5 % (English prose)
 * smaller in nearly twice the time, and a build compresses every download it changes: a cold build
 * about twice the archive, an edit its year's two files.
 */
export const gzipOptions = { level: 4 } as const;

/**
 * Gzip with deterministic bytes: Node's zlib writes no file name and a zero mtime, so the same
 * input gives the same output with the same zlib.
 */
export async function* gzipChunks(source: () => Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>): AsyncGenerator<Uint8Array> {
  const gzip = createGzip(gzipOptions);
  const feeding = pipeline(Readable.from(source()), gzip);
  for await (const chunk of gzip) yield chunk as Uint8Array;
  await feeding;
}
