/**
 * Nothing leaves the machine: scans the built add-in (dist/, made by `npm run build`, which
 * `npm test` runs first) for network endpoints and checks the Content-Security-Policy.
 */
import * as fs from "fs";
import * as path from "path";

const dist = path.join(__dirname, "..", "..", "dist");

/** URLs that appear in the bundles but are identifiers or documentation links, never requested. */
const INERT_URLS = [
  /^http:\/\/www\.w3\.org\/(2000\/svg|1999\/xlink|1998\/Math\/MathML|XML\/1998\/namespace)$/, // DOM namespace URIs (React)
  /^https:\/\/react\.dev\/errors\/$/, // the link inside React's minified error messages
  /^http:\/\/schemas\.(openxmlformats\.org|microsoft\.com)\/[\w./-]*$/, // OOXML namespace URIs
  // The namespaces of a .docx's core properties (docProps/core.xml: Dublin Core, XML Schema instance).
  /^http:\/\/purl\.org\/dc\/(elements\/1\.1|terms)\/$/,
  /^http:\/\/www\.w3\.org\/2001\/XMLSchema-instance$/,
];
/**
 * The archived @microsoft/office-js-helpers ships as one UMD bundle that cannot be tree-shaken; its
 * Authenticator module carries these OAuth provider defaults. We never import Authenticator or
 * EndpointManager (only src/office/host.ts may import the package, and only for host detection and
 * Storage), so these are dead code. Any URL beyond this exact list fails.
 */
const HELPERS_DEAD_URLS = new Set([
  "https://accounts.google.com",
  "https://graph.facebook.com",
  "https://graph.microsoft.com",
  "https://graph.microsoft.com/user.read",
  "https://login.microsoftonline.com/common/oauth2/v2.0",
  "https://login.windows.net/",
  "https://www.dropbox.com/1",
  "https://www.facebook.com",
  "https://www.googleapis.com",
  "https://www.googleapis.com/auth/plus.me",
]);
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

function files(ext: string): string[] {
  if (!fs.existsSync(dist)) throw new Error("dist/ 不存在：请先运行 npm run build");
  return fs.readdirSync(dist).filter((f) => f.endsWith(ext)).map((f) => path.join(dist, f));
}

const URL_RE = /\b(?:https?|wss?|ftp):\/\/[A-Za-z0-9._~:/?#@!$&'()*+,;=%-]*[A-Za-z0-9/]/g;

describe("the built add-in sends nothing anywhere", () => {
  const scripts = files(".js");
  const pages = files(".html");

  it("has bundles to scan", () => {
    expect(scripts.length).toBeGreaterThanOrEqual(2);
    expect(pages.map((p) => path.basename(p)).sort()).toEqual(["preview.html", "taskpane.html"]);
  });

  it("contains no network endpoint but the inert ones", () => {
    const unexpected: string[] = [];
    for (const f of scripts) {
      const text = fs.readFileSync(f, "utf8");
      const isHelpers = text.includes("office-js-helpers");
      for (const m of text.matchAll(URL_RE)) {
        const url = m[0];
        if (INERT_URLS.some((re) => re.test(url))) continue;
        if (isHelpers && HELPERS_DEAD_URLS.has(url)) continue;
        unexpected.push(`${path.basename(f)}: ${url}`);
      }
    }
    expect(unexpected).toEqual([]);
  });

  it("our own code makes no network calls", () => {
    // The one exception: the spelling model file from the add-in's own origin (src/taskpane/spellAsset.ts),
    // a fetch the browser refuses for any other address.
    const sameOriginFetch = /\bfetch\([\w$]+,\{mode:"same-origin",credentials:"same-origin"\}\)/g;
    for (const f of scripts) {
      const text = fs.readFileSync(f, "utf8").replace(sameOriginFetch, "");
      if (text.includes("office-js-helpers")) continue; // the dead Authenticator code, see above
      for (const api of ["fetch(", "sendBeacon", "new WebSocket", "new EventSource", "XMLHttpRequest"]) {
        expect(`${path.basename(f)} ${text.includes(api) ? api : ""}`.trim()).toBe(path.basename(f));
      }
    }
  });

  it("pages load only their own scripts and office.js, under a strict CSP", () => {
    for (const p of pages) {
      const html = fs.readFileSync(p, "utf8");
      const csp = /http-equiv="?Content-Security-Policy"? content="([^"]+)"/.exec(html)?.[1] ?? "";
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("connect-src 'self'");
      expect(csp).toMatch(/script-src 'self'( https:\/\/appsforoffice\.microsoft\.com)?;/);
      expect(csp).toContain("object-src 'none'");
      const urls = [...html.matchAll(URL_RE)].map((m) => m[0]);
      for (const u of urls) expect([OFFICE_JS, "https://appsforoffice.microsoft.com"]).toContain(u);
    }
  });
});
