/** A sibling group far longer than any heading sequence gets its findings but no blind renumbering fix. */
import { check } from "../../../../src/core/engine";
import { docFromText } from "../../../../src/core/model";

/** n level-2 headings all numbered （一）, each followed by a body line. */
function findings(n: number) {
  const lines = ["同志们："];
  for (let k = 0; k < n; k++) lines.push(`（一）做好第${k + 1}项工作`, "正文内容。");
  return check(docFromText(lines.join("\n")), { only: ["numbering-sequence"] });
}

describe("numbering-sequence on very long sibling groups", () => {
  it("offers the renumbering fix on a group of ordinary length", () => {
    const f = findings(12);
    expect(f).toHaveLength(11);
    expect(f.every((x) => x.messageId === "duplicate")).toBe(true);
    expect(f[0].fix?.text).toHaveLength(11);
  });
  it("reports but does not offer to renumber a group of more than 200 siblings", () => {
    const f = findings(260);
    expect(f).toHaveLength(259);
    expect(f.every((x) => x.messageId === "duplicate")).toBe(true);
    expect(f.some((x) => x.fix)).toBe(false);
  });
});
