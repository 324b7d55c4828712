// Print a PDF's text as pdf.js (the reader in browsers, used by web ATS) extracts it.
//
//   node tools/pdfjs_text.mjs FILE.pdf [--json]
//
// Plain output: each page's text items joined, a line break where pdf.js marks one
// (hasEOL), pages separated by a form feed. --json: per page, every item with its
// text and position (x, y of the baseline in PDF points, width, height).
// pdfjs-dist is looked up in .ci/node/node_modules (installed by .ci/run) unless
// PDFJS_DIST names its folder.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const dist =
  process.env.PDFJS_DIST || path.join(here, "..", ".ci", "node", "node_modules", "pdfjs-dist");

async function pages(file) {
  const pdfjs = await import(pathToFileURL(path.join(dist, "legacy", "build", "pdf.mjs")).href);
  const data = new Uint8Array(await readFile(file));
  const doc = await pdfjs.getDocument({ data, verbosity: 0, useSystemFonts: false }).promise;
  const result = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    result.push(
      content.items
        .filter((item) => "str" in item)
        .map((item) => ({
          str: item.str,
          x: item.transform[4],
          y: item.transform[5],
          width: item.width,
          height: item.height,
          eol: item.hasEOL,
        })),
    );
  }
  await doc.destroy();
  return result;
}

const [file, flag] = process.argv.slice(2);
if (!file) {
  console.error("usage: node tools/pdfjs_text.mjs FILE.pdf [--json]");
  process.exit(2);
}
const result = await pages(file);
if (flag === "--json") {
  process.stdout.write(JSON.stringify(result));
} else {
  const text = result.map((items) => items.map((i) => i.str + (i.eol ? "\n" : "")).join(""));
  process.stdout.write(text.join("\f"));
}
