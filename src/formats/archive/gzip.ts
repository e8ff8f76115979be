import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import type { OutputContent } from "../../build/stages/write.js";

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
    return { stream: () => this.run(), sha256: async () => (await this.result!).sha256 };
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
