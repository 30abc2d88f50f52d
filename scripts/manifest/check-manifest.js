#!/usr/bin/env node
"use strict";
/**
 * Offline checks of the add-in-only XML manifest (manifest.xml), without network access.
 *
 * Structure follows the official XSDs (OfficeAppManifestV1_1.xsd, TaskPaneAppVersionOverridesV1_0.xsd,
 * OfficeAppBasicTypesV1_0.xsd): element order and cardinality under each parent, xsi:type values,
 * string lengths (ShortString 1-125, LongString 1-250, resource id 1-32, URL 1-2048), resid kinds.
 * On top of that, the project's own policy: https only, localhost only on https://localhost:3000,
 * stable Id, WordApi 1.3, ReadWriteDocument, English defaults with zh-CN overrides, icons that exist
 * with the right pixel size. The online Microsoft validator (`npm run validate`) remains the authority.
 *
 * CLI: node scripts/manifest/check-manifest.js [manifest.xml]   (exit 1 with one line per problem)
 */
const fs = require("fs");
const path = require("path");
const { parseXml, XmlError } = require("./xml");

const NS = {
  app: "http://schemas.microsoft.com/office/appforoffice/1.1",
  vo: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
};
const STABLE_ID = "0ce6d305-d435-493a-bcd5-f0638a585f92";
const DEV_BASE_URL = "https://localhost:3000/";
const SHORT = 125;
const LONG = 250;
const RESID_MAX = 32;
const URL_MAX = 2048;
const ICON_SIZES = new Set([16, 20, 24, 32, 40, 48, 64, 80]);
const ICON_REQUIRED = [16, 32, 80];
const PERMISSIONS = ["Restricted", "ReadDocument", "ReadAllDocument", "WriteDocument", "ReadWriteDocument"];
const UUID_RE = /^(?:urn:uuid:)?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$|^\{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\}$/;
const CULTURE_RE = /^(?:[a-zA-Z]{2,3}-[a-zA-Z0-9]{3,8}(?:-[a-zA-Z]{2,3})?|[a-zA-Z]{2,3}(?:-[a-zA-Z]{2,3}(?:_tradnl|\.pseudo|-[a-zA-Z]{4,8})?)?)$/;
const SHORT_VERSION_RE = /^[0-9]{1,5}\.[0-9]{1,5}$/;
const HAN_RE = /[\u3400-\u9fff\uf900-\ufaff\u{20000}-\u{3134f}]/u;

/*
 * Content models. Each type lists its children in schema order: [local name, min, max, child type, namespace].
 * `attrs` are required attributes; `xsiType` maps allowed xsi:type values to the type that applies.
 * Types without `seq` hold text only (no child elements). Ref types point into <Resources>.
 */
const U = Infinity;
const TYPES = {
  OfficeApp: {
    seq: [
      ["Id", 1, 1, "uuid", NS.app],
      ["AlternateId", 0, 1, "text", NS.app],
      ["Version", 1, 1, "version", NS.app],
      ["ProviderName", 1, 1, "shortText", NS.app],
      ["DefaultLocale", 1, 1, "culture", NS.app],
      ["DisplayName", 1, 1, "ShortSetting", NS.app],
      ["Description", 1, 1, "LongSetting", NS.app],
      ["IconUrl", 0, 1, "UrlSetting", NS.app],
      ["HighResolutionIconUrl", 0, 1, "UrlSetting", NS.app],
      ["SupportUrl", 0, 1, "UrlSetting", NS.app],
      ["AppDomains", 0, 1, "AppDomains", NS.app],
      ["Hosts", 0, 1, "BaseHosts", NS.app],
      ["Requirements", 0, 1, "BaseRequirements", NS.app],
      ["DefaultSettings", 1, 1, "DefaultSettings", NS.app],
      ["Permissions", 1, 1, "permissions", NS.app],
      ["Dictionary", 0, 1, "any", NS.app],
      ["VersionOverrides", 0, 1, "VersionOverrides", NS.vo],
    ],
  },
  ShortSetting: { attrs: ["DefaultValue"], seq: [["Override", 0, U, "ShortOverride", NS.app]], value: "short" },
  LongSetting: { attrs: ["DefaultValue"], seq: [["Override", 0, U, "LongOverride", NS.app]], value: "long" },
  UrlSetting: { attrs: ["DefaultValue"], seq: [["Override", 0, U, "UrlOverride", NS.app]], value: "url" },
  ShortOverride: { attrs: ["Locale", "Value"], seq: [], value: "short" },
  LongOverride: { attrs: ["Locale", "Value"], seq: [], value: "long" },
  UrlOverride: { attrs: ["Locale", "Value"], seq: [], value: "url" },
  AppDomains: { seq: [["AppDomain", 1, U, "longText", NS.app]] },
  BaseHosts: { seq: [["Host", 1, U, "BaseHost", NS.app]] },
  BaseHost: { attrs: ["Name"], seq: [] },
  BaseRequirements: { seq: [["Sets", 0, 1, "BaseSets", NS.app], ["Methods", 0, 1, "any", NS.app]] },
  BaseSets: { seq: [["Set", 1, U, "Set", NS.app]] },
  Set: { attrs: ["Name"], seq: [] },
  DefaultSettings: { seq: [["SourceLocation", 1, 1, "UrlSetting", NS.app]] },

  VersionOverrides: {
    xsiType: { VersionOverridesV1_0: "VersionOverrides" },
    seq: [
      ["Description", 0, 1, "LongRef", NS.vo],
      ["Requirements", 0, 1, "VORequirements", NS.vo],
      ["Hosts", 0, 1, "VOHosts", NS.vo],
      ["Resources", 0, 1, "Resources", NS.vo],
      ["WebApplicationInfo", 0, 1, "any", NS.vo],
      ["EquivalentAddins", 0, 1, "any", NS.vo],
    ],
  },
  VORequirements: { seq: [["Sets", 1, 1, "VOSets", NS.bt]] },
  VOSets: { seq: [["Set", 1, U, "Set", NS.bt]] },
  VOHosts: { seq: [["Host", 1, U, "VOHost", NS.vo]] },
  VOHost: {
    xsiType: { Document: "VOHost" },
    seq: [["AllFormFactors", 0, 1, "any", NS.vo], ["DesktopFormFactor", 0, 1, "FormFactor", NS.vo]],
  },
  FormFactor: {
    seq: [
      ["GetStarted", 0, 1, "GetStarted", NS.vo],
      ["FunctionFile", 0, 1, "UrlRef", NS.vo],
      ["ExtensionPoint", 1, U, "ExtensionPoint", NS.vo],
    ],
  },
  GetStarted: { seq: [["Title", 1, 1, "ShortRef", NS.vo], ["Description", 1, 1, "LongRef", NS.vo], ["LearnMoreUrl", 1, 1, "UrlRef", NS.vo]] },
  ExtensionPoint: {
    xsiType: { PrimaryCommandSurface: "ExtensionPoint" },
    seq: [["OfficeTab", 0, U, "OfficeTab", NS.vo], ["CustomTab", 0, U, "CustomTab", NS.vo]],
  },
  OfficeTab: { attrs: ["id"], seq: [["Group", 1, U, "Group", NS.vo]] },
  CustomTab: { attrs: ["id"], seq: [["Group", 1, U, "Group", NS.vo], ["Label", 1, 1, "ShortRef", NS.vo]] },
  Group: { attrs: ["id"], seq: [["Label", 1, 1, "ShortRef", NS.vo], ["Icon", 1, 1, "Icon", NS.vo], ["Control", 1, U, "Control", NS.vo]] },
  Control: {
    attrs: ["id"],
    xsiType: { Button: "Control" },
    seq: [["Label", 1, 1, "ShortRef", NS.vo], ["Supertip", 1, 1, "Supertip", NS.vo], ["Icon", 1, 1, "Icon", NS.vo], ["Action", 1, 1, "Action", NS.vo]],
  },
  Supertip: { seq: [["Title", 1, 1, "ShortRef", NS.vo], ["Description", 1, 1, "LongRef", NS.vo]] },
  Icon: { seq: [["Image", 1, U, "ImageRef", NS.bt]] },
  Action: {
    xsiType: { ShowTaskpane: "Action" },
    seq: [["TaskpaneId", 0, 1, "shortText", NS.vo], ["SourceLocation", 1, 1, "UrlRef", NS.vo], ["Title", 0, 1, "ShortRef", NS.vo]],
  },
  Resources: {
    seq: [
      ["Images", 0, 1, "Images", NS.bt],
      ["Urls", 0, 1, "Urls", NS.bt],
      ["ShortStrings", 0, 1, "ShortStrings", NS.bt],
      ["LongStrings", 0, 1, "LongStrings", NS.bt],
    ],
  },
  Images: { seq: [["Image", 0, U, "ImageRes", NS.bt]] },
  Urls: { seq: [["Url", 0, U, "UrlRes", NS.bt]] },
  ShortStrings: { seq: [["String", 0, U, "ShortRes", NS.bt]] },
  LongStrings: { seq: [["String", 0, U, "LongRes", NS.bt]] },
  ImageRes: { attrs: ["id", "DefaultValue"], seq: [["Override", 0, U, "UrlOverride", NS.bt]], value: "url", resource: "Images" },
  UrlRes: { attrs: ["id", "DefaultValue"], seq: [["Override", 0, U, "UrlOverride", NS.bt]], value: "url", resource: "Urls" },
  ShortRes: { attrs: ["id", "DefaultValue"], seq: [["Override", 0, U, "ShortOverride", NS.bt]], value: "short", resource: "ShortStrings" },
  LongRes: { attrs: ["id", "DefaultValue"], seq: [["Override", 0, U, "LongOverride", NS.bt]], value: "long", resource: "LongStrings" },
  ShortRef: { attrs: ["resid"], seq: [], ref: "ShortStrings" },
  LongRef: { attrs: ["resid"], seq: [], ref: "LongStrings" },
  UrlRef: { attrs: ["resid"], seq: [], ref: "Urls" },
  ImageRef: { attrs: ["resid", "size"], seq: [], ref: "Images" },
};
const TEXT_TYPES = new Set(["text", "uuid", "version", "shortText", "longText", "culture", "permissions"]);

function attr(el, local, ns = "") {
  const a = el.attrs.find((x) => x.local === local && x.ns === ns);
  return a ? a.value : undefined;
}
function children(el, local) {
  return el.children.filter((c) => c.local === local);
}
/** Length as the XSD counts it: Unicode characters, not UTF-16 code units. */
function charLength(s) {
  let k = 0;
  for (const _ of s) k++;
  return k;
}

/**
 * Check a manifest.
 * @param {string} xml the manifest text
 * @param {object} [options]
 * @param {string} [options.rootDir] project directory; when given, icon files are looked up under it
 * @param {string} [options.baseUrl] the URL prefix that maps to rootDir (default https://localhost:3000/)
 * @param {string} [options.expectedId] the stable add-in Id (default the project's)
 * @returns {{ problems: {code: string, message: string, line?: number}[], root: object | null }}
 */
function checkManifest(xml, options = {}) {
  const baseUrl = options.baseUrl || DEV_BASE_URL;
  const expectedId = options.expectedId === undefined ? STABLE_ID : options.expectedId;
  const problems = [];
  const report = (code, message, el) => problems.push(el ? { code, message, line: el.line } : { code, message });

  let root;
  try {
    root = parseXml(xml);
  } catch (e) {
    if (e instanceof XmlError) {
      report("xml", `not well-formed XML: ${e.message}`);
      return { problems, root: null };
    }
    throw e;
  }

  if (root.local !== "OfficeApp" || root.ns !== NS.app) {
    report("root", `the root element must be <OfficeApp> in namespace ${NS.app}, found <${root.name}> in "${root.ns}"`, root);
    return { problems, root };
  }
  if (attr(root, "type", NS.xsi) !== "TaskPaneApp") report("xsi-type", 'the root <OfficeApp> must have xsi:type="TaskPaneApp"', root);

  // ---- structure: order, cardinality, namespaces, xsi:type, required attributes, values ----
  const refs = []; // { kind, resid, el, size? }
  const resources = new Map(); // id -> { kind, el }
  const byType = new Map(); // type name -> elements

  const checkValue = (kind, value, what, el) => {
    if (kind === "short" || kind === "long") {
      const max = kind === "short" ? SHORT : LONG;
      const len = charLength(value);
      if (len < 1 || len > max) report("string-length", `${what} has ${len} characters; it must have 1 to ${max}`, el);
    } else if (kind === "url") {
      checkUrl(value, what, el);
    }
  };
  const checkUrl = (value, what, el) => {
    if (value.length > URL_MAX) {
      report("url-invalid", `${what} is longer than ${URL_MAX} characters`, el);
      return;
    }
    let u;
    try {
      u = new URL(value);
    } catch {
      report("url-invalid", `${what} "${value}" is not an absolute URL`, el);
      return;
    }
    if (u.protocol !== "https:") report("url-scheme", `${what} "${value}" must use https`, el);
    else if (u.hostname === "localhost" && u.origin !== "https://localhost:3000") report("url-localhost", `${what} "${value}": localhost URLs must be on https://localhost:3000`, el);
  };

  function validate(el, typeName) {
    if (!byType.has(typeName)) byType.set(typeName, []);
    byType.get(typeName).push(el);
    if (typeName === "any") return;
    if (TEXT_TYPES.has(typeName)) {
      if (el.children.length) report("unexpected-element", `<${el.local}> holds text only; <${el.children[0].local}> is not allowed in it`, el.children[0]);
      checkText(el, typeName);
      return;
    }
    const t = TYPES[typeName];
    if (t.xsiType) {
      const x = attr(el, "type", NS.xsi);
      if (!x || !t.xsiType[x]) {
        report("xsi-type", `<${el.local}> needs xsi:type ${Object.keys(t.xsiType).map((k) => `"${k}"`).join(" or ")}${x ? `, not "${x}"` : ""}`, el);
      }
    }
    for (const a of t.attrs || []) {
      if (attr(el, a) === undefined) report("attribute", `<${el.local}> needs the attribute ${a}`, el);
    }
    if (t.value) {
      const what = (a) => `${el.local}${attr(el, "id") ? ` "${attr(el, "id")}"` : el.parent ? ` in <${el.parent.local}>` : ""} ${a}`;
      if (attr(el, "DefaultValue") !== undefined) checkValue(t.value, attr(el, "DefaultValue"), what("DefaultValue"), el);
      if (attr(el, "Value") !== undefined) checkValue(t.value, attr(el, "Value"), `${el.parent ? el.parent.local : ""} ${attr(el, "Locale")} override`, el);
      const loc = attr(el, "Locale");
      if (loc !== undefined && !CULTURE_RE.test(loc)) report("locale", `"${loc}" is not a culture name like zh-CN`, el);
    }
    if (t.resource) {
      const id = attr(el, "id");
      if (id !== undefined) {
        const len = charLength(id);
        if (len < 1 || len > RESID_MAX) report("resid-length", `resource id "${id}" has ${len} characters; at most ${RESID_MAX} are allowed`, el);
        if (resources.has(id)) report("resid-duplicate", `resource id "${id}" is defined twice`, el);
        else resources.set(id, { kind: t.resource, el });
      }
    }
    if (t.ref) {
      const resid = attr(el, "resid");
      if (resid !== undefined) {
        const len = charLength(resid);
        if (len < 1 || len > RESID_MAX) report("resid-length", `resid "${resid}" has ${len} characters; at most ${RESID_MAX} are allowed`, el);
        refs.push({ kind: t.ref, resid, el, size: attr(el, "size") });
      }
    }
    const seq = t.seq || [];
    if (!t.seq && el.children.length) report("unexpected-element", `<${el.local}> takes no child elements`, el);
    const counts = new Array(seq.length).fill(0);
    let pos = 0;
    for (const c of el.children) {
      let k = pos;
      while (k < seq.length && seq[k][0] !== c.local) k++;
      if (k === seq.length) {
        const earlier = seq.findIndex((s) => s[0] === c.local);
        if (earlier >= 0) {
          report("order", `<${c.local}> is out of order in <${el.local}>: it must come before <${seq[pos][0]}>`, c);
          counts[earlier]++;
          if (counts[earlier] > seq[earlier][2]) report("duplicate", `<${c.local}> may appear only once in <${el.local}>`, c);
          validate(c, seq[earlier][3]);
        } else {
          report("unexpected-element", `<${c.local}> is not allowed in <${el.local}> (allowed: ${seq.map((s) => s[0]).join(", ") || "nothing"})`, c);
        }
        continue;
      }
      pos = k;
      counts[k]++;
      const [, , max, childType, ns] = seq[k];
      if (counts[k] > max) report("duplicate", `<${c.local}> may appear only ${max === 1 ? "once" : `${max} times`} in <${el.local}>`, c);
      if (c.ns !== ns) report("namespace", `<${c.name}> in <${el.local}> must be in namespace ${ns}, not "${c.ns}"`, c);
      validate(c, childType);
    }
    seq.forEach(([name, min], k) => {
      if (counts[k] < min) report("missing", `<${el.local}> needs <${name}>`, el);
    });
  }

  function checkText(el, typeName) {
    const v = el.text.trim();
    if (typeName === "uuid" && !UUID_RE.test(v)) report("id", `<Id> "${v}" is not a GUID`, el);
    if (typeName === "version" && !/^[0-9]{1,5}\.[0-9]{1,5}\.[0-9]{1,5}\.[0-9]{1,5}$/.test(v)) report("version", `<Version> "${v}" must be four numbers like 1.0.0.0`, el);
    if (typeName === "shortText" && (charLength(v) < 1 || charLength(v) > SHORT)) report("string-length", `<${el.local}> must have 1 to ${SHORT} characters`, el);
    if (typeName === "longText" && (charLength(v) < 1 || charLength(v) > LONG)) report("string-length", `<${el.local}> must have 1 to ${LONG} characters`, el);
    if (typeName === "culture" && !CULTURE_RE.test(v)) report("locale", `<${el.local}> "${v}" is not a culture name`, el);
    if (typeName === "permissions" && !PERMISSIONS.includes(v)) report("permissions", `<Permissions> "${v}" is not one of ${PERMISSIONS.join(", ")}`, el);
  }

  validate(root, "OfficeApp");

  // ---- resource references ----
  const used = new Set();
  for (const r of refs) {
    const res = resources.get(r.resid);
    if (!res) {
      report("resid-missing", `resid "${r.resid}" of <${r.el.local}> in <${r.el.parent.local}> is not defined in <Resources>`, r.el);
      continue;
    }
    used.add(r.resid);
    if (res.kind !== r.kind) report("resid-kind", `resid "${r.resid}" of <${r.el.local}> must point into bt:${r.kind}, but it is in bt:${res.kind}`, r.el);
  }
  for (const [id, res] of resources) if (!used.has(id)) report("resource-unused", `resource "${id}" is never used`, res.el);

  // ---- icons: sizes, files, pixel dimensions ----
  for (const icon of byType.get("Icon") || []) {
    const sizes = children(icon, "Image").map((im) => Number(attr(im, "size")));
    for (const s of sizes) if (!ICON_SIZES.has(s)) report("icon-size", `icon size ${s} is not one of ${[...ICON_SIZES].join(", ")}`, icon);
    for (const s of ICON_REQUIRED) if (!sizes.includes(s)) report("icon-size", `<Icon> in <${icon.parent.local}> needs an image of size ${s}`, icon);
  }
  const wantSize = new Map(); // url -> { size, el, what }
  const wantImage = (url, size, el, what) => {
    const prev = wantSize.get(url);
    if (prev && prev.size !== size) report("icon-size", `${url} is used both as a ${prev.size}px and a ${size}px icon`, el);
    else if (!prev) wantSize.set(url, { size, el, what });
  };
  for (const r of refs) {
    if (r.kind !== "Images") continue;
    const res = resources.get(r.resid);
    if (res && res.kind === "Images") wantImage(attr(res.el, "DefaultValue"), Number(r.size), r.el, `image "${r.resid}"`);
  }
  for (const [name, size] of [["IconUrl", 32], ["HighResolutionIconUrl", 64]]) {
    for (const el of children(root, name)) wantImage(attr(el, "DefaultValue"), size, el, `<${name}>`);
  }
  if (options.rootDir) {
    for (const [url, { size, el, what }] of wantSize) {
      if (url === undefined) continue;
      if (!url.startsWith(baseUrl)) {
        report("icon-external", `${what} ${url} is not served by the add-in (${baseUrl})`, el);
        continue;
      }
      const rel = decodeURIComponent(url.slice(baseUrl.length).split(/[?#]/)[0]);
      const file = path.join(options.rootDir, ...rel.split("/"));
      if (rel.split("/").includes("..") || !fs.existsSync(file)) {
        report("icon-missing", `${what}: file ${rel} does not exist`, el);
        continue;
      }
      const dim = pngSize(fs.readFileSync(file));
      if (!dim) report("icon-size", `${what}: ${rel} is not a PNG file`, el);
      else if (dim.width !== size || dim.height !== size) report("icon-size", `${what}: ${rel} is ${dim.width}x${dim.height}, expected ${size}x${size}`, el);
    }
  }

  // ---- project policy ----
  const id = children(root, "Id")[0];
  if (id && expectedId && id.text.trim().toLowerCase() !== expectedId.toLowerCase()) {
    report("id", `<Id> must stay ${expectedId} (changing it makes Office treat the add-in as a new one)`, id);
  }
  const hosts = children(root, "Hosts")[0];
  if (!hosts || !children(hosts, "Host").some((h) => attr(h, "Name") === "Document")) report("host", 'the add-in must declare <Host Name="Document"/> (Word)', root);
  const perm = children(root, "Permissions")[0];
  if (perm && perm.text.trim() !== "ReadWriteDocument") report("permissions", "<Permissions> must be ReadWriteDocument", perm);
  checkRequirements(root, report);
  checkLocales(root, resources, report);
  return { problems, root };
}

function checkRequirements(root, report) {
  const req = children(root, "Requirements")[0];
  const sets = req ? children(req, "Sets")[0] : undefined;
  const word = sets ? children(sets, "Set").find((s) => attr(s, "Name") === "WordApi") : undefined;
  if (!word) {
    report("requirements", "<Requirements> must list the WordApi set (MinVersion 1.3)", req || root);
    return;
  }
  const v = attr(word, "MinVersion") || attr(sets, "DefaultMinVersion") || "1.1";
  for (const el of [word, sets]) {
    for (const a of ["MinVersion", "DefaultMinVersion"]) {
      const x = attr(el, a);
      if (x !== undefined && !SHORT_VERSION_RE.test(x)) report("requirements", `${a} "${x}" must look like 1.3`, el);
    }
  }
  const [maj, min] = v.split(".").map(Number);
  if (!(maj > 1 || (maj === 1 && min >= 3))) report("requirements", `WordApi MinVersion is ${v}; the add-in needs 1.3`, word);
}

/** English defaults (DefaultLocale en-US) and a Chinese zh-CN override on every user-visible string. */
function checkLocales(root, resources, report) {
  const dl = children(root, "DefaultLocale")[0];
  if (dl && dl.text.trim() !== "en-US") report("locale", "<DefaultLocale> must be en-US (the defaults are English)", dl);
  const strings = [...children(root, "DisplayName"), ...children(root, "Description")];
  for (const res of resources.values()) if (res.kind === "ShortStrings" || res.kind === "LongStrings") strings.push(res.el);
  for (const el of strings) {
    const name = attr(el, "id") ? `string "${attr(el, "id")}"` : `<${el.local}>`;
    const def = attr(el, "DefaultValue") || "";
    if (HAN_RE.test(def)) report("locale", `${name}: DefaultValue must be English (the zh-CN text goes in an Override)`, el);
    const zh = children(el, "Override").filter((o) => (attr(o, "Locale") || "").toLowerCase() === "zh-cn");
    if (zh.length !== 1) report("locale", `${name} needs exactly one zh-CN Override, found ${zh.length}`, el);
    else if (!HAN_RE.test(attr(zh[0], "Value") || "")) report("locale", `${name}: the zh-CN Override must be in Chinese`, zh[0]);
  }
}

/** Width and height from a PNG's IHDR chunk, or null if the bytes are not a PNG. */
function pngSize(bytes) {
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || sig.some((b, k) => bytes[k] !== b)) return null;
  if (String.fromCharCode(bytes[12], bytes[13], bytes[14], bytes[15]) !== "IHDR") return null;
  const u32 = (o) => ((bytes[o] << 24) | (bytes[o + 1] << 16) | (bytes[o + 2] << 8) | bytes[o + 3]) >>> 0;
  return { width: u32(16), height: u32(20) };
}

/**
 * The ribbon buttons, resolved through <Resources>: id, labels, tooltip, URL and task pane id.
 * @param {object} root the parsed manifest (from checkManifest(...).root)
 */
function describeButtons(root) {
  const res = new Map();
  const vo = children(root, "VersionOverrides")[0];
  const resources = vo && children(vo, "Resources")[0];
  for (const group of resources ? resources.children : []) {
    for (const r of group.children) {
      const o = { value: attr(r, "DefaultValue") };
      for (const ov of children(r, "Override")) o[attr(ov, "Locale")] = attr(ov, "Value");
      res.set(attr(r, "id"), o);
    }
  }
  const look = (el) => (el ? res.get(attr(el, "resid")) || {} : {});
  const out = [];
  const walk = (el) => {
    if (el.local === "Control") {
      const action = children(el, "Action")[0];
      const tip = children(el, "Supertip")[0];
      out.push({
        id: attr(el, "id"),
        type: attr(el, "type", NS.xsi),
        label: look(children(el, "Label")[0]),
        tipTitle: look(tip && children(tip, "Title")[0]),
        tip: look(tip && children(tip, "Description")[0]),
        icons: (children(el, "Icon")[0] ? children(children(el, "Icon")[0], "Image") : []).map((im) => Number(attr(im, "size"))),
        action: action && attr(action, "type", NS.xsi),
        taskpaneId: action && children(action, "TaskpaneId")[0] ? children(action, "TaskpaneId")[0].text.trim() : undefined,
        url: look(action && children(action, "SourceLocation")[0]).value,
      });
    }
    el.children.forEach(walk);
  };
  walk(root);
  return out;
}

module.exports = { checkManifest, describeButtons, pngSize, parseXml, STABLE_ID, DEV_BASE_URL, NS };

if (require.main === module) {
  const file = path.resolve(process.argv[2] || path.join(__dirname, "..", "..", "manifest.xml"));
  const { problems } = checkManifest(fs.readFileSync(file, "utf8"), { rootDir: path.join(__dirname, "..", "..") });
  for (const p of problems) console.error(`${path.basename(file)}${p.line ? `:${p.line}` : ""}: [${p.code}] ${p.message}`);
  if (problems.length) process.exit(1);
  console.log(`${path.basename(file)}: no problems`);
}
