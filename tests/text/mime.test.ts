import { describe, expect, it } from "vitest";
import { imageMediaType } from "../../src/text/mime.js";

describe("imageMediaType", () => {
  it.each<[label: string, urlOrPath: string, expected: string | undefined]>([
    // The seed article's lead photo, as a site would publish it
    ["seed photo URL with query and fragment", "https://cdn.example.com/a/photo.JPG?w=800#x", "image/jpeg"],
    ["seed photo as a site path", "/images/2022/02/ebrahim-raisi.jpg", "image/jpeg"],
    ["SVG site path", "/images/x.svg", "image/svg+xml"],

    // Every known extension
    ["jpg", "a.jpg", "image/jpeg"],
    ["jpeg", "a.jpeg", "image/jpeg"],
    ["jpe", "a.jpe", "image/jpeg"],
    ["jfif", "a.jfif", "image/jpeg"],
    ["png", "a.png", "image/png"],
    ["apng", "a.apng", "image/apng"],
    ["gif", "a.gif", "image/gif"],
    ["webp", "a.webp", "image/webp"],
    ["svg", "a.svg", "image/svg+xml"],
    ["svgz", "a.svgz", "image/svg+xml"],
    ["avif", "a.avif", "image/avif"],
    ["bmp", "a.bmp", "image/bmp"],
    ["ico (IANA name, not image/x-icon)", "favicon.ico", "image/vnd.microsoft.icon"],
    ["tif", "a.tif", "image/tiff"],
    ["tiff", "a.tiff", "image/tiff"],
    ["heic", "a.heic", "image/heic"],
    ["heif", "a.heif", "image/heif"],
    ["jxl", "a.jxl", "image/jxl"],

    // Case does not matter
    ["upper case", "PHOTO.PNG", "image/png"],
    ["mixed case", "photo.WebP", "image/webp"],

    // Query and fragment are ignored
    ["query only", "https://example.com/a.gif?v=2", "image/gif"],
    ["fragment only", "https://example.com/a.avif#frame", "image/avif"],
    ["query that looks like an extension", "https://example.com/a.png?format=.jpg", "image/png"],
    ["fragment that looks like an extension", "/a.webp#b.gif", "image/webp"],
    ["dot in the query, none in the path", "https://example.com/image?name=x.png", undefined],

    // Only the last path segment's last extension counts
    ["dots in folder names", "/assets.v2/photo.jpeg", "image/jpeg"],
    ["double extension", "/photo.svg.gz", undefined],
    ["dotted file name", "/2022.02.25.raisi.png", "image/png"],
    ["relative path", "images/x.gif", "image/gif"],
    ["Windows path", "C:\\images\\x.bmp", "image/bmp"],

    // The host is not a file name
    ["no path", "https://cdn.example.com", undefined],
    ["host ending in an image extension", "https://cdn.example.gif", undefined],
    ["scheme-relative host ending in an image extension", "//cdn.example.gif/", undefined],
    ["scheme-relative URL with a path", "//cdn.example.com/a.png", "image/png"],

    // Unknown or missing extensions
    ["URL without extension", "https://cdn.example.com/images/12345", undefined],
    ["trailing slash", "https://example.com/photo.jpg/", undefined],
    ["extension not an image", "/feed.xml", undefined],
    ["unregistered image type", "/photo.psd", undefined],
    ["hidden file", "/images/.png", undefined],
    ["trailing dot", "/images/photo.", undefined],
    ["empty string", "", undefined],
  ])("%s", (_label, urlOrPath, expected) => {
    expect(imageMediaType(urlOrPath)).toBe(expected);
  });
});
