#!/usr/bin/env node
/**
 * Generates the hostile-input set (issue #9): tiny files that used to exhaust memory or hang, zips
 * that lie, deep nesting, cycles, XXE and entity expansion, non-regular files. Nothing large is
 * committed: the files are written to a folder (default test/fixtures/hostile/, git-ignored) and
 * test/cli/hostile.test.ts generates them into a temporary folder and runs each through the built
 * CLI under a heap cap, checking the exit code, the message and the peak memory.
 *
 *   node scripts/make-hostile.js [folder]          writes the files and manifest.json
 *   node scripts/make-hostile.js --run [folder]    also runs every case and prints time and memory
 *
 * Large inflated sizes are made cheaply: a block deflated with a full flush does not refer to what
 * came before, so its bytes can be repeated to build a stream of any length (1 GB from 1 MB).
 */
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");
const { execFileSync, spawnSync } = require("child_process");

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const CT = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R_NS}/officeDocument" Target="word/document.xml"/></Relationships>`;

function docRels(extra = "") {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdS" Type="${R_NS}/styles" Target="styles.xml"/><Relationship Id="rIdN" Type="${R_NS}/numbering" Target="numbering.xml"/>${extra}</Relationships>`;
}

const para = (t, pPr = "") => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ""}<w:r><w:t xml:space="preserve">${t}</w:t></w:r></w:p>`;
const documentXml = (body, head = "") => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${head}<w:document ${W}><w:body>${body}</w:body></w:document>`;
const STYLES = `<?xml version="1.0" encoding="UTF-8"?><w:styles ${W}><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style></w:styles>`;
const NUMBERING = `<?xml version="1.0" encoding="UTF-8"?><w:numbering ${W}></w:numbering>`;
const SPEECH = ["同志们：", "今天召开全市安全生产工作会议，主要任务是总结工作、部署任务。", "一、提高思想认识", "我们要坚持稳中求进工作总基调。"];

// ---------------------------------------------------------------------------
// A zip writer that says what we tell it to (sizes, counts), for the lying cases.

function crc32(buf, prev = 0) {
  return zlib.crc32(buf, prev) >>> 0;
}

/** entries: [{ name, data }] stored deflated, or [{ name, raw, crc, size }] already deflated. */
function zip(entries, lie = {}) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    // Big parts at level 1: generating the set must stay quick (it runs in every test run).
    const raw = e.raw ?? zlib.deflateRawSync(Buffer.from(e.data), { level: Buffer.byteLength(e.data) > 1 << 20 ? 1 : 9 });
    const crc = e.raw ? e.crc : crc32(Buffer.from(e.data));
    const size = e.raw ? e.size : Buffer.byteLength(e.data);
    const declared = lie.size ?? size;
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(20, 4);
    lh.writeUInt16LE(0x800, 6);
    lh.writeUInt16LE(8, 8);
    lh.writeUInt32LE(crc, 14);
    lh.writeUInt32LE(raw.length, 18);
    lh.writeUInt32LE(declared >>> 0, 22);
    lh.writeUInt16LE(name.length, 26);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(20, 4);
    ch.writeUInt16LE(20, 6);
    ch.writeUInt16LE(0x800, 8);
    ch.writeUInt16LE(8, 10);
    ch.writeUInt32LE(crc, 16);
    ch.writeUInt32LE(raw.length, 20);
    ch.writeUInt32LE(declared >>> 0, 24);
    ch.writeUInt16LE(name.length, 28);
    ch.writeUInt32LE(offset, 42);
    locals.push(lh, name, raw);
    centrals.push(ch, name);
    offset += 30 + name.length + raw.length;
  }
  const cd = Buffer.concat(centrals);
  const tail = [];
  if (lie.entries !== undefined) {
    // A zip64 end record and locator claiming `lie.entries` entries.
    const z = Buffer.alloc(56);
    z.writeUInt32LE(0x06064b50, 0);
    z.writeBigUInt64LE(44n, 4);
    z.writeUInt16LE(45, 12);
    z.writeUInt16LE(45, 14);
    z.writeBigUInt64LE(BigInt(lie.entries), 24);
    z.writeBigUInt64LE(BigInt(lie.entries), 32);
    z.writeBigUInt64LE(BigInt(cd.length), 40);
    z.writeBigUInt64LE(BigInt(offset), 48);
    const loc = Buffer.alloc(20);
    loc.writeUInt32LE(0x07064b50, 0);
    loc.writeBigUInt64LE(BigInt(offset + cd.length), 8);
    loc.writeUInt32LE(1, 16);
    tail.push(z, loc);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  const n = lie.entries !== undefined ? 0xffff : entries.length;
  end.writeUInt16LE(n, 8);
  end.writeUInt16LE(n, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, ...tail, end]);
}

/** A deflate stream of `prefix`, `chunk` × `times`, `suffix`, built without deflating it all. */
function repeated(prefix, chunk, times, suffix) {
  const flush = { level: 9, finishFlush: zlib.constants.Z_FULL_FLUSH };
  const head = zlib.deflateRawSync(Buffer.from(prefix), flush);
  const body = zlib.deflateRawSync(Buffer.from(chunk), flush);
  const tailPart = zlib.deflateRawSync(Buffer.from(suffix), { level: 9 });
  const parts = [head];
  for (let i = 0; i < times; i++) parts.push(body);
  parts.push(tailPart);
  let crc = crc32(Buffer.from(prefix));
  const cb = Buffer.from(chunk);
  for (let i = 0; i < times; i++) crc = crc32(cb, crc);
  crc = crc32(Buffer.from(suffix), crc);
  return { raw: Buffer.concat(parts), crc, size: Buffer.byteLength(prefix) + cb.length * times + Buffer.byteLength(suffix) };
}

function docx(body, { styles = STYLES, numbering = NUMBERING, head = "", extra = [], rels = "" } = {}) {
  return zip([
    { name: "[Content_Types].xml", data: CT },
    { name: "_rels/.rels", data: ROOT_RELS },
    { name: "word/_rels/document.xml.rels", data: docRels(rels) },
    { name: "word/document.xml", data: documentXml(body, head) },
    { name: "word/styles.xml", data: styles },
    { name: "word/numbering.xml", data: numbering },
    ...extra,
  ]);
}

const speech = () => SPEECH.map((t) => para(t)).join("");

/** Deterministic pseudo-random CJK text (hard to compress, so the ratio check does not fire first). */
function cjk(n, seed) {
  let x = seed >>> 0 || 1;
  const codes = new Uint16Array(n);
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    codes[i] = 0x4e00 + ((x >>> 0) % 3000);
  }
  return Buffer.from(codes.buffer).toString("utf16le");
}

// ---------------------------------------------------------------------------
// The cases. `expect`: exit code(s) and what stderr must say; `stdoutNot`: what must not appear.

const LIMIT_LINE = /^[^\n]*(上限|异常)[^\n]*。\n$/;

const CASES = [
  {
    name: "letters-start.docx",
    what: "numbering w:start 2,600,000,000 in letter format (850 bytes; was a 4.3 GB abort)",
    make: () =>
      docx(para("甲", '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>') + speech(), {
        numbering: `<?xml version="1.0"?><w:numbering ${W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="2600000000"/><w:numFmt w:val="upperLetter"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`,
      }),
    exit: [0, 1],
    stdoutNot: /AAAAAAAAAAAA/,
  },
  {
    name: "empty-paragraphs.docx",
    what: "290 MB of empty paragraphs in a ~300 KB file (was 97 s and an abort)",
    make: () => {
      const d = repeated(`<?xml version="1.0"?><w:document ${W}><w:body>`, "<w:p/>".repeat(1 << 20), 48, "</w:body></w:document>");
      return zip([
        { name: "[Content_Types].xml", data: CT },
        { name: "_rels/.rels", data: ROOT_RELS },
        { name: "word/document.xml", ...d },
      ]);
    },
    exit: [2],
    stderr: /“正文”部分.*(压缩比异常|超过 64 MB)/,
  },
  {
    name: "big-part.docx",
    what: "a document.xml of 70 MB of ordinary-looking text (per-part cap, not the ratio)",
    make: () => {
      const chunk = para(cjk(2000, 7)).repeat(40);
      return zip([
        { name: "[Content_Types].xml", data: CT },
        { name: "_rels/.rels", data: ROOT_RELS },
        { name: "word/document.xml", ...repeatedVaried(chunk, 70 * 1024 * 1024) },
      ]);
    },
    exit: [2],
    stderr: /“正文”部分解压后超过 64 MB 的上限/,
  },
  {
    name: "six-1gb-images.docx",
    what: "a speech with six 1 GB (inflated) images: check and format never inflate them",
    make: () => {
      const img = repeated("", Buffer.alloc(16 << 20), 64, "");
      const extra = [];
      let rels = "";
      for (let i = 1; i <= 6; i++) {
        extra.push({ name: `word/media/image${i}.png`, ...img });
        rels += `<Relationship Id="rIdI${i}" Type="${R_NS}/image" Target="media/image${i}.png"/>`;
      }
      return docx(speech(), { extra, rels });
    },
    exit: [0, 1],
    format: { exit: [0] },
  },
  {
    name: "claims-400m-entries.docx",
    what: "a 3.6 KB zip whose end record claims 400 million entries (hung check for minutes)",
    make: () => {
      const ok = docx(speech());
      return rezip(ok, { entries: 400_000_000 });
    },
    exit: [2],
    stderr: /部件超过 10000 个的上限/,
  },
  {
    name: "lying-sizes.docx",
    what: "every entry declares an uncompressed size of 1 byte: ignored, the document reads normally",
    make: () => rezip(docx(speech()), { size: 1 }),
    exit: [0, 1],
    stdout: /同志们|未发现问题|检查了 1 个文件/,
  },
  {
    name: "deep-nesting.docx",
    what: "100,000 nested elements (was a stack overflow reported as an internal error)",
    make: () => docx(speech() + "<w:sdt><w:sdtContent>".repeat(50_000) + para("深") + "</w:sdtContent></w:sdt>".repeat(50_000)),
    exit: [2],
    stderr: /嵌套超过 512 层的上限/,
    format: { exit: [2], stderr: /嵌套超过 512 层的上限/ },
  },
  {
    name: "stray-end-tags.docx",
    what: "5 million stray end tags under 500 open elements (each used to scan the open elements: minutes)",
    make: () => {
      const tags = [];
      let x = 99;
      for (let i = 0; i < 5_000_000; i++) {
        x = (x * 1103515245 + 12345) >>> 0;
        tags.push(`</z${x % 100000}>`);
      }
      const deep = "<w:customXml>".repeat(500);
      return docx(speech() + deep + para("深处") + tags.join("") + "</w:customXml>".repeat(500));
    },
    exit: [0, 1],
    stdout: /检查了 1 个文件/,
    format: { exit: [0] },
  },
  {
    name: "many-paragraphs.docx",
    what: "120,000 short paragraphs",
    make: () => {
      const body = [];
      for (let i = 0; i < 120_000; i++) body.push(para(cjk(3, i + 1)));
      return docx(body.join(""));
    },
    exit: [2],
    stderr: /超过 10 万段的上限/,
  },
  {
    name: "many-elements.docx",
    what: "1.6 million small unknown elements (distinct values, so not the ratio check) in eight paragraphs",
    make: () => {
      const parts = [];
      let x = 12345;
      for (let p = 0; p < 8; p++) {
        const inner = [];
        for (let i = 0; i < 200_000; i++) {
          x = (x * 1103515245 + 12345) >>> 0;
          inner.push(`<x a="${x % 1000000}"/>`);
        }
        parts.push(`<w:p>${inner.join("")}<w:r><w:t>文</w:t></w:r></w:p>`);
      }
      return docx(parts.join(""));
    },
    exit: [2],
    stderr: /XML 元素超过 150 万个的上限/,
  },
  {
    name: "long-paragraph.docx",
    what: "one paragraph of 2.1 million characters",
    make: () => docx(para(cjk(2_100_000, 3))),
    exit: [2],
    stderr: /有一段超过 200 万字的上限/,
  },
  {
    name: "much-text.docx",
    what: "10.5 million characters in 105 paragraphs",
    make: () => {
      let body = "";
      for (let i = 0; i < 105; i++) body += para(cjk(100_000, i + 11));
      return docx(body);
    },
    exit: [2],
    stderr: /文字超过 1000 万字的上限/,
  },
  {
    name: "large-real.docx",
    what: "not hostile: a 1,000-page report (30,000 formatted paragraphs, 1.8 million characters) must still be read",
    make: () => {
      const body = [];
      const rPr = '<w:rPr><w:rFonts w:ascii="Times New Roman" w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/></w:rPr>';
      for (let i = 0; i < 30_000; i++) {
        body.push(
          `<w:p><w:pPr><w:spacing w:line="560" w:lineRule="exact"/><w:ind w:firstLineChars="200"/><w:jc w:val="both"/></w:pPr><w:r>${rPr}<w:t>${cjk(60, i + 5)}。</w:t></w:r></w:p>`,
        );
      }
      return docx(body.join(""));
    },
    exit: [0, 1],
    stdout: /检查了 1 个文件/,
  },
  {
    name: "style-cycle.docx",
    what: "styles based on each other in a cycle (regression: cut)",
    make: () =>
      docx(SPEECH.map((t) => para(t, '<w:pStyle w:val="A"/>')).join(""), {
        styles: `<?xml version="1.0"?><w:styles ${W}><w:style w:type="paragraph" w:styleId="A"><w:name w:val="A"/><w:basedOn w:val="B"/></w:style><w:style w:type="paragraph" w:styleId="B"><w:name w:val="B"/><w:basedOn w:val="A"/></w:style></w:styles>`,
      }),
    exit: [0, 1],
  },
  {
    name: "numbering-cycle.docx",
    what: "numbering linked to itself through numStyleLink / styleLink (regression: cut)",
    make: () =>
      docx(para("项", '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>') + speech(), {
        styles: `<?xml version="1.0"?><w:styles ${W}><w:style w:type="numbering" w:styleId="L"><w:name w:val="L"/><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style></w:styles>`,
        numbering: `<?xml version="1.0"?><w:numbering ${W}><w:abstractNum w:abstractNumId="0"><w:numStyleLink w:val="L"/></w:abstractNum><w:abstractNum w:abstractNumId="1"><w:styleLink w:val="L"/><w:numStyleLink w:val="L"/></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num></w:numbering>`,
      }),
    exit: [0, 1],
  },
  {
    name: "xxe.docx",
    what: "an external entity pointing at /etc/passwd (regression: never resolved)",
    make: () => docx(para("同志们：&xxe;") + speech(), { head: '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>' }),
    exit: [0, 1],
    stdoutNot: /root:|nologin/,
  },
  {
    name: "billion-laughs.docx",
    what: "nested entity expansion (regression: never expanded)",
    make: () => {
      let dtd = '<!ENTITY lol "lol">';
      for (let i = 1; i <= 9; i++) dtd += `<!ENTITY lol${i} "${`&lol${i - 1 || ""};`.repeat(10)}">`;
      return docx(para("同志们：&lol9;") + speech(), { head: `<!DOCTYPE w:document [${dtd}]>` });
    },
    exit: [0, 1],
    stdoutNot: /lollollol/,
  },
  {
    name: "deep-flat.xml",
    what: "a flat-OPC package (the taskpane's input) nested 100,000 deep",
    make: () =>
      Buffer.from(
        `<?xml version="1.0"?><pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage"><pkg:part pkg:name="/word/document.xml"><pkg:xmlData><w:document ${W}><w:body>${"<w:customXml>".repeat(100_000)}${para("深")}${"</w:customXml>".repeat(100_000)}</w:body></w:document></pkg:xmlData></pkg:part></pkg:package>`,
      ),
    exit: [2],
    stderr: /嵌套超过 512 层的上限/,
  },
  {
    name: "newlines.txt",
    what: "9 MB of line breaks in a text file (9 million empty paragraphs)",
    make: () => Buffer.alloc(9 * 1024 * 1024, 10),
    exit: [2],
    stderr: /超过 10 万段的上限/,
  },
  {
    name: "truncated.docx",
    what: "a .docx cut in half (regression)",
    make: () => {
      const ok = docx(speech());
      return ok.subarray(0, ok.length >> 1);
    },
    exit: [2],
    stderr: /损坏/,
  },
  {
    name: "fifo.docx",
    what: "a named pipe (refused by type; reading it would block)",
    special: "fifo",
    exit: [2],
    stderr: /不是普通文件/,
  },
  {
    name: "/dev/zero",
    what: "a device that never ends (refused by type)",
    special: "device",
    exit: [2],
    stderr: /不是普通文件/,
  },
];

/** A deflate stream of about `size` bytes of `chunk` repeated, in a document.xml wrapper. */
function repeatedVaried(chunk, size) {
  const times = Math.ceil(size / Buffer.byteLength(chunk));
  return repeated(`<?xml version="1.0"?><w:document ${W}><w:body>`, chunk, times, "</w:body></w:document>");
}

/** The same zip, re-written with lies in its records. */
function rezip(buf, lie) {
  const entries = [];
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 5, 6]));
  let p = buf.readUInt32LE(eocd + 16);
  const n = buf.readUInt16LE(eocd + 10);
  for (let i = 0; i < n; i++) {
    const csize = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString("utf8");
    const local = buf.readUInt32LE(p + 42);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    entries.push({ name, raw: buf.subarray(start, start + csize), crc: buf.readUInt32LE(p + 16), size });
    p += 46 + nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return zip(entries, lie);
}

/** Writes every case into `dir`; returns the manifest (also written as manifest.json). */
function makeHostile(dir) {
  fs.mkdirSync(dir, { recursive: true });
  const manifest = [];
  for (const c of CASES) {
    let file = path.join(dir, c.name);
    if (c.special === "device") {
      if (!fs.existsSync(c.name)) continue;
      file = c.name;
    } else if (c.special === "fifo") {
      try {
        fs.rmSync(file, { force: true });
        execFileSync("mkfifo", [file]);
      } catch {
        continue; // no mkfifo on this system
      }
    } else {
      fs.writeFileSync(file, c.make());
    }
    manifest.push({
      name: c.name,
      file,
      what: c.what,
      exit: c.exit,
      stderr: c.stderr ? c.stderr.source : null,
      stdout: c.stdout ? c.stdout.source : null,
      stdoutNot: c.stdoutNot ? c.stdoutNot.source : null,
      format: c.format ? { exit: c.format.exit, stderr: c.format.stderr ? c.format.stderr.source : null } : null,
      bytes: c.special ? null : fs.statSync(file).size,
    });
  }
  // Records the child's peak resident memory (kB) where the test can read it.
  fs.writeFileSync(
    path.join(dir, "rss-probe.js"),
    `process.on("exit", () => { if (process.env.BIGANZI_RSS_FILE) require("fs").writeFileSync(process.env.BIGANZI_RSS_FILE, String(process.resourceUsage().maxRSS)); });\n`,
  );
  fs.writeFileSync(path.join(dir, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n");
  return manifest;
}

/** The heap cap every case runs under: a regression fails fast instead of exhausting the machine. */
const HEAP_MB = 512;

/** Runs the built CLI on one case; returns exit code, output, wall time (ms) and peak RSS (MB). */
function runCase(dir, args) {
  const rssFile = path.join(dir, `rss-${process.pid}-${Date.now()}.txt`);
  const bin = path.join(__dirname, "..", "bin", "biganzi.js");
  const t0 = Date.now();
  const r = spawnSync(process.execPath, [`--max-old-space-size=${HEAP_MB}`, "--require", path.join(dir, "rss-probe.js"), bin, ...args], {
    env: { ...process.env, BIGANZI_RSS_FILE: rssFile },
    encoding: "utf8",
    timeout: 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = Date.now() - t0;
  let rssMb = NaN;
  try {
    rssMb = Number(fs.readFileSync(rssFile, "utf8")) / 1024;
    fs.rmSync(rssFile);
  } catch {
    /* the child died before its exit handler */
  }
  return { code: r.status, signal: r.signal, out: r.stdout, err: r.stderr, ms, rssMb };
}

module.exports = { makeHostile, runCase, CASES, HEAP_MB, LIMIT_LINE };

if (require.main === module) {
  const args = process.argv.slice(2);
  const runAll = args.includes("--run");
  const dir = path.resolve(args.find((a) => a !== "--run") ?? path.join(__dirname, "..", "test", "fixtures", "hostile"));
  const t0 = Date.now();
  const manifest = makeHostile(dir);
  console.log(`${manifest.length} cases written to ${dir} in ${Date.now() - t0} ms`);
  if (runAll) {
    for (const m of manifest) {
      const runs = [["check", m.file]];
      if (m.format) runs.push(["format", m.file, "-o", path.join(dir, "formatted-" + path.basename(m.file)), "--force"]);
      for (const a of runs) {
        const r = runCase(dir, a);
        const line = (r.err.trim() || r.out.trim().split("\n").pop() || "").slice(0, 100);
        console.log(`${a[0].padEnd(6)} ${m.name.padEnd(26)} exit ${r.code ?? r.signal}  ${String(r.ms).padStart(6)} ms  ${r.rssMb.toFixed(0).padStart(4)} MB  ${line}`);
      }
    }
  }
}
