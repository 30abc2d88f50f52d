/** A 2,000-paragraph .docx (scripts/fixtures/big-docx.js) is read completely. Its speed is measured by `npm run bench` (docxReadMs), not here. */
import { readDocx } from "../../../src/core/reader";
import { makeBigDocx } from "../../fixtures/bigDocx";

test("reads a 2,000-paragraph .docx completely", async () => {
  const bytes = new Uint8Array(await makeBigDocx(2000));
  const doc = readDocx(bytes);
  expect(doc.paragraphs).toHaveLength(2000);
  expect(doc.paragraphs[0].listLabel).toBe("一、");
  expect(doc.paragraphs[5].listLabel).toBe("（一）");
  expect(doc.paragraphs[1960].listLabel).toBe("九十九、");
  expect(doc.paragraphs[1].runs.length).toBeGreaterThan(0);
}, 30000);
