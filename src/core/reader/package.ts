/**
 * Open Packaging Conventions access for both containers: a .docx zip and the flat-OPC
 * XML (pkg:package) that Word's getOoxml() returns. Parts are addressed by their name
 * without the leading slash ("word/document.xml").
 */
import { MESSAGES, ReaderError } from "./errors";
import { XmlError, child, children, parseXml, xmlLimits, type XElement, type XmlLimits } from "./xml";
import { BoundedZip, normalizePartName } from "./zip";

export interface Relationship {
  id: string;
  type: string;
  /** Resolved part name (no leading slash). */
  target: string;
  external: boolean;
}

export interface OpcPackage {
  /** The parsed root element of an XML part, or undefined when the part is absent. */
  part(name: string): XElement | undefined;
  /** The part name of the main document, or undefined. */
  mainDocument(): string | undefined;
  relationships(partName: string): Relationship[];
}

const normalize = normalizePartName;

function relsName(partName: string): string {
  const slash = partName.lastIndexOf("/");
  const dir = slash < 0 ? "" : partName.slice(0, slash + 1);
  return `${dir}_rels/${partName.slice(slash + 1)}.rels`;
}

function resolveTarget(source: string, target: string): string {
  let t = target;
  try {
    t = decodeURIComponent(target);
  } catch {
    // keep as written
  }
  if (t.startsWith("/")) return normalize(t);
  const slash = source.lastIndexOf("/");
  const dir = slash < 0 ? "" : source.slice(0, slash + 1);
  return normalize(dir + t);
}

abstract class BasePackage implements OpcPackage {
  private relCache = new Map<string, Relationship[]>();
  abstract part(name: string): XElement | undefined;
  protected abstract contentTypeMain(): string | undefined;

  relationships(partName: string): Relationship[] {
    const cached = this.relCache.get(partName);
    if (cached) return cached;
    const root = this.part(relsName(partName));
    const rels: Relationship[] = [];
    for (const r of children(root, root?.name.includes(":") ? root.name.split(":")[0] + ":Relationship" : "Relationship")) {
      const external = r.attrs.TargetMode === "External";
      const target = r.attrs.Target ?? "";
      rels.push({
        id: r.attrs.Id ?? "",
        type: r.attrs.Type ?? "",
        target: external ? target : resolveTarget(partName, target),
        external,
      });
    }
    this.relCache.set(partName, rels);
    return rels;
  }

  mainDocument(): string | undefined {
    const rel = this.relationships("").find((r) => r.type.endsWith("/officeDocument") && !r.external);
    if (rel && this.part(rel.target)) return rel.target;
    const byType = this.contentTypeMain();
    if (byType && this.part(byType)) return byType;
    if (this.part("word/document.xml")) return "word/document.xml";
    return undefined;
  }
}

/** Decodes the bytes of an XML part: UTF-8 (BOM optional) or UTF-16 with a BOM. */
export function decodeXmlBytes(b: Uint8Array): string {
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return new TextDecoder("utf-16le").decode(b);
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return new TextDecoder("utf-16be").decode(b);
  return new TextDecoder("utf-8").decode(b);
}

function parsePart(xml: string, limits: XmlLimits): XElement {
  try {
    return parseXml(xml, limits);
  } catch (e) {
    if (e instanceof XmlError) throw new ReaderError("corrupt", MESSAGES.corruptXml);
    throw e;
  }
}

const MAIN_DOC_TYPES = [
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
  "application/vnd.ms-word.document.macroEnabled.main+xml",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
  "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
];

export class ZipPackage extends BasePackage {
  private zip: BoundedZip;
  private parsed = new Map<string, XElement | undefined>();
  /** One element budget for every part of the document. */
  private limits = xmlLimits();

  /** Reads the zip's directory only: parts are inflated (under the caps) when first asked for. */
  constructor(bytes: Uint8Array) {
    super();
    this.zip = new BoundedZip(bytes);
  }

  part(name: string): XElement | undefined {
    const key = normalize(name).toLowerCase();
    if (this.parsed.has(key)) return this.parsed.get(key);
    const bytes = this.zip.read(key);
    const el = bytes === undefined ? undefined : parsePart(decodeXmlBytes(bytes), this.limits);
    this.parsed.set(key, el);
    return el;
  }

  protected contentTypeMain(): string | undefined {
    const ct = this.part("[Content_Types].xml");
    if (!ct) return undefined;
    for (const o of ct.children) {
      if (typeof o === "string" || !o.name.endsWith("Override")) continue;
      if (MAIN_DOC_TYPES.includes(o.attrs.ContentType ?? "")) return normalize(o.attrs.PartName ?? "");
    }
    return undefined;
  }
}

export class FlatOpcPackage extends BasePackage {
  private parts = new Map<string, { el?: XElement; contentType: string }>();

  /** `root` is the parsed pkg:package element. */
  constructor(root: XElement) {
    super();
    const prefix = root.name.includes(":") ? root.name.split(":")[0] + ":" : "";
    for (const p of children(root, prefix + "part")) {
      const name = normalize(p.attrs[prefix + "name"] ?? p.attrs.name ?? "").toLowerCase();
      const data = child(p, prefix + "xmlData");
      let el: XElement | undefined;
      if (data) for (const c of data.children) if (typeof c !== "string") { el = c; break; }
      this.parts.set(name, { el, contentType: p.attrs[prefix + "contentType"] ?? "" });
    }
  }

  part(name: string): XElement | undefined {
    return this.parts.get(normalize(name).toLowerCase())?.el;
  }

  protected contentTypeMain(): string | undefined {
    for (const [name, p] of this.parts) if (MAIN_DOC_TYPES.includes(p.contentType)) return name;
    return undefined;
  }
}

export function isFlatOpcRoot(root: XElement): boolean {
  return root.name === "pkg:package" || root.name.endsWith(":package") || root.name === "package";
}
