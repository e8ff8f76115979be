import { expect, it } from "vitest";
import { DigestedStream } from "../../src/formats/archive/gzip.js";

it("a file whose stream fails fails whoever waits for its digest, instead of leaving them waiting", async () => {
  const stream = new DigestedStream(async function* () {
    yield "the first chunk";
    throw new Error("disk full");
  });
  const content = stream.content();
  if (typeof content !== "object" || !("stream" in content)) throw new Error("a stream was expected");
  const writing = (async () => {
    for await (const _ of content.stream());
  })();
  await expect(writing).rejects.toThrow("disk full");
  await expect(stream.digest()).rejects.toThrow("not written to its end");
});

it("a file's digest is the size and SHA-256 of the bytes written", async () => {
  const stream = new DigestedStream(async function* () {
    yield "abc";
  });
  const content = stream.content();
  if (typeof content !== "object" || !("stream" in content)) throw new Error("a stream was expected");
  for await (const _ of content.stream());
  expect(await stream.digest()).toEqual({ bytes: 3, sha256: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" });
});
