import * as fs from "fs";
import * as path from "path";
import { checkManifest, describeButtons, parseXml, pngSize, STABLE_ID, NS, type XmlElement, type Problem } from "../../scripts/manifest/check-manifest";
import { checkBaseUrl, productionBaseUrl, rewriteManifestUrls } from "../../scripts/manifest/rewrite-urls";

const root = path.join(__dirname, "..", "..");
const manifest = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");
const PROD = "https://addin.example.gov.cn/biganzi/";

const check = (xml: string) => checkManifest(xml, { rootDir: root }).problems;
const codes = (ps: Problem[]) => [...new Set(ps.map((p) => p.code))].sort();
/** The manifest with one exact piece of text replaced; fails the test if that text is not there. */
function mutate(from: string, to: string, xml = manifest): string {
  const at = xml.indexOf(from);
  if (at < 0) throw new Error(`manifest.xml does not contain ${JSON.stringify(from)}`);
  return xml.slice(0, at) + to + xml.slice(at + from.length);
}
function all(el: XmlElement, out: XmlElement[] = []): XmlElement[] {
  out.push(el);
  el.children.forEach((c) => all(c, out));
  return out;
}
const parsed = checkManifest(manifest, { rootDir: root });
const tree = parsed.root as XmlElement;

describe("manifest.xml", () => {
  it("passes every offline check", () => {
    expect(parsed.problems).toEqual([]);
  });

  it("is an OfficeApp 1.1 TaskPaneApp with the basic-types namespace declared", () => {
    expect(tree.local).toBe("OfficeApp");
    expect(tree.ns).toBe(NS.app);
    expect(tree.attrs.find((a) => a.local === "type" && a.ns === NS.xsi)?.value).toBe("TaskPaneApp");
    expect(tree.attrs.find((a) => a.name === "xmlns:bt")?.value).toBe(NS.bt);
    const vo = tree.children.find((c) => c.local === "VersionOverrides")!;
    expect(vo.ns).toBe(NS.vo);
    expect(vo.attrs.find((a) => a.local === "type" && a.ns === NS.xsi)?.value).toBe("VersionOverridesV1_0");
  });

  it("has the top-level elements in schema order", () => {
    const schemaOrder = ["Id", "AlternateId", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl", "HighResolutionIconUrl", "SupportUrl", "AppDomains", "Hosts", "Requirements", "DefaultSettings", "Permissions", "VersionOverrides"];
    const names = tree.children.map((c) => c.local);
    expect(names).toEqual(schemaOrder.filter((n) => names.includes(n)));
    expect(names).toEqual(expect.arrayContaining(["Id", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl", "HighResolutionIconUrl", "DefaultSettings", "Permissions", "VersionOverrides"]));
  });

  it("keeps the stable Id and a four-part Version that matches package.json", () => {
    const text = (n: string) => tree.children.find((c) => c.local === n)!.text.trim();
    expect(text("Id")).toBe("0ce6d305-d435-493a-bcd5-f0638a585f92");
    expect(STABLE_ID).toBe("0ce6d305-d435-493a-bcd5-f0638a585f92");
    expect(text("Version")).toMatch(/^\d{1,5}\.\d{1,5}\.\d{1,5}\.\d{1,5}$/);
    const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
    expect(text("Version")).toBe(`${pkg.version}.0`);
    expect(text("Permissions")).toBe("ReadWriteDocument");
  });

  it("requires WordApi 1.3 and runs in Word", () => {
    const req = tree.children.find((c) => c.local === "Requirements")!;
    const set = req.children[0].children.find((s) => s.attrs.some((a) => a.local === "Name" && a.value === "WordApi"))!;
    expect(set.attrs.find((a) => a.local === "MinVersion")?.value).toBe("1.3");
    const hosts = tree.children.find((c) => c.local === "Hosts")!;
    expect(hosts.children.map((h) => h.attrs.find((a) => a.local === "Name")?.value)).toEqual(["Document"]);
  });

  it("shows 笔杆子 with a plain Chinese description for zh-CN", () => {
    const zh = (n: string) => tree.children.find((c) => c.local === n)!.children.find((o) => o.attrs.some((a) => a.local === "Locale" && a.value === "zh-CN"))!;
    expect(zh("DisplayName").attrs.find((a) => a.local === "Value")?.value).toBe("笔杆子");
    expect(zh("Description").attrs.find((a) => a.local === "Value")?.value).toMatch(/^[\u4e00-\u9fff，、。：“”]+$/);
  });

  it("puts three buttons 大纲 / 提示语 / 检查 in one 笔杆子 group on the Home tab, sharing one task pane", () => {
    const tab = all(tree).find((e) => e.local === "OfficeTab")!;
    expect(tab.attrs.find((a) => a.local === "id")?.value).toBe("TabHome");
    expect(tab.children.map((g) => g.local)).toEqual(["Group"]);
    const buttons = describeButtons(tree);
    expect(buttons.map((b) => b.label["zh-CN"])).toEqual(["大纲", "提示语", "检查"]);
    expect(buttons.map((b) => b.label.value)).toEqual(["Outline", "Phrases", "Check"]);
    expect(buttons.map((b) => b.url)).toEqual(["outline", "phrases", "check"].map((t) => `https://localhost:3000/taskpane.html?tab=${t}`));
    for (const b of buttons) {
      expect(b.type).toBe("Button");
      expect(b.action).toBe("ShowTaskpane");
      expect(b.icons).toEqual([16, 32, 80]);
      expect(b.tipTitle["zh-CN"]).toMatch(/[\u4e00-\u9fff]/);
      expect(b.tip["zh-CN"]).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(new Set(buttons.map((b) => b.taskpaneId)).size).toBe(1);
    expect(buttons[0].taskpaneId).toBeTruthy();
  });

  it("uses only https URLs, and localhost only on https://localhost:3000", () => {
    const urls = all(tree).flatMap((e) => e.attrs.filter((a) => !a.name.startsWith("xmlns") && /^[a-z][a-z0-9+.-]*:/i.test(a.value)).map((a) => a.value));
    expect(urls.length).toBeGreaterThan(8);
    for (const u of urls) expect(u.startsWith("https://localhost:3000/")).toBe(true);
  });

  it("references icons that exist in assets/ with the right pixel size", () => {
    for (const s of [16, 32, 64, 80, 128]) expect(pngSize(fs.readFileSync(path.join(root, "assets", `icon-${s}.png`)))).toEqual({ width: s, height: s });
    expect(pngSize(new TextEncoder().encode("not a png at all, really not"))).toBeNull();
    const icon = (n: string) => tree.children.find((c) => c.local === n)!.attrs.find((a) => a.local === "DefaultValue")!.value;
    expect(icon("IconUrl")).toBe("https://localhost:3000/assets/icon-32.png");
    expect(icon("HighResolutionIconUrl")).toBe("https://localhost:3000/assets/icon-64.png");
  });
});

describe("check-manifest finds broken manifests", () => {
  const longEn = "x".repeat(126);
  const cases: [string, string, string[]][] = [
    // [what, broken manifest, problem codes it must report (exactly)]
    ["a resid that is not defined", mutate('<Label resid="BGZ.Check.Label"/>', '<Label resid="BGZ.Check.Lable"/>'), ["resid-missing", "resource-unused"]],
    ["a Label pointing to a long string", mutate('<Label resid="BGZ.Check.Label"/>', '<Label resid="BGZ.Check.Tip"/>'), ["resid-kind", "resource-unused"]],
    ["an http URL", mutate("https://localhost:3000/taskpane.html?tab=check", "http://localhost:3000/taskpane.html?tab=check"), ["url-scheme"]],
    ["an http URL in an override", mutate('<SupportUrl DefaultValue="https://localhost:3000/taskpane.html"/>', '<SupportUrl DefaultValue="https://localhost:3000/taskpane.html"><Override Locale="zh-CN" Value="http://example.com/"/></SupportUrl>'), ["url-scheme"]],
    ["localhost on another port", mutate('<SupportUrl DefaultValue="https://localhost:3000/taskpane.html"/>', '<SupportUrl DefaultValue="https://localhost:8443/taskpane.html"/>'), ["url-localhost"]],
    ["a relative URL", mutate('<SupportUrl DefaultValue="https://localhost:3000/taskpane.html"/>', '<SupportUrl DefaultValue="taskpane.html"/>'), ["url-invalid"]],
    ["Version before Id", mutate("<Id>0ce6d305-d435-493a-bcd5-f0638a585f92</Id>\n  <Version>0.1.0.0</Version>", "<Version>0.1.0.0</Version>\n  <Id>0ce6d305-d435-493a-bcd5-f0638a585f92</Id>"), ["order"]],
    ["Permissions before DefaultSettings", mutate("<Permissions>ReadWriteDocument</Permissions>\n", "").replace("<DefaultSettings>", "<Permissions>ReadWriteDocument</Permissions>\n  <DefaultSettings>"), ["order"]],
    ["Requirements before Hosts", mutate('<Hosts>\n    <Host Name="Document"/>\n  </Hosts>\n', "").replace("<DefaultSettings>", '<Hosts><Host Name="Document"/></Hosts>\n  <DefaultSettings>'), ["order"]],
    ["Icon before Supertip in a button", mutate('<Label resid="BGZ.Check.Label"/>\n                  <Supertip>\n                    <Title resid="BGZ.Check.TipTitle"/>\n                    <Description resid="BGZ.Check.Tip"/>\n                  </Supertip>', '<Label resid="BGZ.Check.Label"/>').replace('<Action xsi:type="ShowTaskpane">\n                    <TaskpaneId>BGZ.Taskpane</TaskpaneId>\n                    <SourceLocation resid="BGZ.Check.Url"/>', '<Supertip><Title resid="BGZ.Check.TipTitle"/><Description resid="BGZ.Check.Tip"/></Supertip>\n<Action xsi:type="ShowTaskpane">\n                    <TaskpaneId>BGZ.Taskpane</TaskpaneId>\n                    <SourceLocation resid="BGZ.Check.Url"/>'), ["order"]],
    ["a button without a Supertip", mutate('<Supertip>\n                    <Title resid="BGZ.Check.TipTitle"/>\n                    <Description resid="BGZ.Check.Tip"/>\n                  </Supertip>', ""), ["missing", "resource-unused"]],
    ["Resources with Urls before Images", mutate("<bt:Images>", "<bt:Urls/>\n<bt:Images>"), ["duplicate", "order"]],
    ["an unknown element", mutate("<Permissions>", "<Permission>ReadWriteDocument</Permission>\n  <Permissions>"), ["unexpected-element"]],
    ["a short string of 126 characters", mutate('DefaultValue="Outline of the draft"', `DefaultValue="${longEn}"`), ["string-length"]],
    ["a zh-CN long string of 251 characters", mutate('Value="送审前检查标点、序号、数字用法和格式，逐条列出，能改的可以一键改正。"', `Value="${"检".repeat(251)}"`), ["string-length"]],
    ["a DisplayName of 126 characters", mutate('<DisplayName DefaultValue="Biganzi">', `<DisplayName DefaultValue="${longEn}">`), ["string-length"]],
    ["a Description of 251 characters", mutate(/<Description DefaultValue="[^"]*"/.exec(manifest)![0], `<Description DefaultValue="${"y".repeat(251)}"`), ["string-length"]],
    ["a resource id of 33 characters", mutate('<bt:Url id="BGZ.Check.Url"', `<bt:Url id="${"B".repeat(33)}"`).replace('resid="BGZ.Check.Url"', `resid="${"B".repeat(33)}"`), ["resid-length"]],
    ["a resource id defined twice", mutate('<bt:Url id="BGZ.LearnMore.Url"', '<bt:Url id="BGZ.Check.Url" DefaultValue="https://localhost:3000/x"/>\n<bt:Url id="BGZ.LearnMore.Url"'), ["resid-duplicate"]],
    ["an icon file that does not exist", mutate("assets/icon-16.png", "assets/icon-17.png"), ["icon-missing"]],
    ["a 32px file used as the 16px icon", mutate("assets/icon-16.png", "assets/icon-32.png"), ["icon-size"]],
    ["a 64px file as IconUrl", mutate('<IconUrl DefaultValue="https://localhost:3000/assets/icon-32.png"/>', '<IconUrl DefaultValue="https://localhost:3000/assets/icon-64.png"/>'), ["icon-size"]],
    ["an icon without the 80px size", mutate('<bt:Image size="80" resid="BGZ.Icon.80"/>\n                  </Icon>\n                  <Action xsi:type="ShowTaskpane">\n                    <TaskpaneId>BGZ.Taskpane</TaskpaneId>\n                    <SourceLocation resid="BGZ.Check.Url"/>', '</Icon>\n                  <Action xsi:type="ShowTaskpane">\n                    <TaskpaneId>BGZ.Taskpane</TaskpaneId>\n                    <SourceLocation resid="BGZ.Check.Url"/>'), ["icon-size"]],
    ["a changed Id", mutate("<Id>0ce6d305-d435-493a-bcd5-f0638a585f92</Id>", "<Id>11111111-2222-3333-4444-555555555555</Id>"), ["id"]],
    ["an Id that is not a GUID", mutate("<Id>0ce6d305-d435-493a-bcd5-f0638a585f92</Id>", "<Id>biganzi</Id>"), ["id"]],
    ["a three-part Version", mutate("<Version>0.1.0.0</Version>", "<Version>0.1.0</Version>"), ["version"]],
    ["WordApi 1.2", mutate('<Set Name="WordApi" MinVersion="1.3"/>', '<Set Name="WordApi" MinVersion="1.2"/>'), ["requirements"]],
    ["no WordApi set", mutate('<Set Name="WordApi" MinVersion="1.3"/>', '<Set Name="DialogApi" MinVersion="1.1"/>'), ["requirements"]],
    ["ReadDocument permission", mutate("<Permissions>ReadWriteDocument</Permissions>", "<Permissions>ReadDocument</Permissions>"), ["permissions"]],
    ["an unknown permission", mutate("<Permissions>ReadWriteDocument</Permissions>", "<Permissions>Everything</Permissions>"), ["permissions"]],
    ["an Excel-only add-in", mutate('<Host Name="Document"/>', '<Host Name="Workbook"/>'), ["host"]],
    ["a string without a zh-CN override", mutate('\n          <bt:Override Locale="zh-CN" Value="检查"/>', ""), ["locale"]],
    ["a Chinese DefaultValue", mutate('DefaultValue="Check">', 'DefaultValue="检查">'), ["locale"]],
    ["an English zh-CN override", mutate('Value="笔杆子已经装好"', 'Value="Ready"'), ["locale"]],
    ["a bad locale name", mutate('<Override Locale="zh-CN" Value="笔杆子"/>', '<Override Locale="zh-CN" Value="笔杆子"/><Override Locale="chinese_simplified" Value="笔杆子"/>'), ["locale"]],
    ["a button that runs a function", mutate('<Action xsi:type="ShowTaskpane">', '<Action xsi:type="ExecuteFunction">'), ["xsi-type"]],
    ["a Host without xsi:type", mutate('<Host xsi:type="Document">', "<Host>"), ["xsi-type"]],
    ["a button without an id", mutate('<Control xsi:type="Button" id="BGZ.Check.Button">', '<Control xsi:type="Button">'), ["attribute"]],
    ["an icon image in the wrong namespace", mutate('<bt:Image size="16" resid="BGZ.Icon.16"/>', '<Image size="16" resid="BGZ.Icon.16"/>'), ["namespace"]],
    ["an empty AppDomains", mutate("<Hosts>", "<AppDomains/>\n  <Hosts>"), ["missing"]],
    ["a wrong root namespace", manifest.replace('xmlns="http://schemas.microsoft.com/office/appforoffice/1.1"', 'xmlns="http://schemas.microsoft.com/office/appforoffice/1.0"'), ["root"]],
    ["a ContentApp", mutate('xsi:type="TaskPaneApp"', 'xsi:type="ContentApp"'), ["xsi-type"]],
    ["an unclosed element", mutate("</Permissions>", ""), ["xml"]],
    ["a raw ampersand", mutate('DefaultValue="Stock phrases"', 'DefaultValue="Stock & phrases"'), ["xml"]],
    ["an undeclared prefix", mutate('<bt:Image size="16" resid="BGZ.Icon.16"/>', '<bx:Image size="16" resid="BGZ.Icon.16"/>'), ["xml"]],
  ];

  it.each(cases)("%s", (_what, xml, expected) => {
    expect(xml).not.toBe(manifest);
    const problems = check(xml);
    expect(codes(problems)).toEqual([...expected].sort());
    for (const p of problems) expect(p.message.length).toBeGreaterThan(10);
  });

  it("counts characters, not UTF-16 units or bytes: 125 Chinese characters are fine", () => {
    expect(check(mutate('Value="文稿大纲"', `Value="${"纲".repeat(125)}"`))).toEqual([]);
    expect(check(mutate('Value="文稿大纲"', `Value="${"𠀀".repeat(125)}"`))).toEqual([]);
    expect(codes(check(mutate('Value="文稿大纲"', `Value="${"𠀀".repeat(126)}"`)))).toEqual(["string-length"]);
  });

  it("reports the line of the problem", () => {
    const broken = mutate("https://localhost:3000/taskpane.html?tab=check", "http://localhost:3000/taskpane.html?tab=check");
    const p = check(broken)[0];
    expect(broken.split("\n")[p.line! - 1]).toContain("http://localhost:3000/taskpane.html?tab=check");
  });

  it("skips the icon file checks without rootDir", () => {
    expect(checkManifest(mutate("assets/icon-16.png", "assets/icon-17.png")).problems).toEqual([]);
  });
});

describe("parseXml (strict)", () => {
  it("decodes entities, character references and CDATA, and resolves namespaces", () => {
    const el = parseXml('<?xml version="1.0" encoding="utf-8"?>\n<!-- c --><a xmlns="urn:a" xmlns:p="urn:p" x="1 &amp; 2 &#x4E2D;&#22269;"><p:b p:y=\'&quot;\'>t&lt;<![CDATA[<raw>&]]></p:b><c/></a>\n');
    expect(el.local).toBe("a");
    expect(el.ns).toBe("urn:a");
    expect(el.attrs.find((a) => a.name === "x")!.value).toBe("1 & 2 中国");
    const b = el.children[0];
    expect([b.local, b.ns, b.text]).toEqual(["b", "urn:p", "t<<raw>&"]);
    expect(b.attrs[0]).toMatchObject({ local: "y", ns: "urn:p", value: '"' });
    expect(el.children[1]).toMatchObject({ local: "c", ns: "urn:a", line: 2 });
  });

  it.each([
    ["an unclosed root", "<a><b></b>"],
    ["mismatched tags", "<a><b></a></b>"],
    ["a raw &", "<a>x & y</a>"],
    ["an unknown entity", "<a>&nbsp;</a>"],
    ["a duplicate attribute", '<a x="1" x="2"/>'],
    ["the same attribute through two prefixes", '<a xmlns:p="urn:x" xmlns:q="urn:x" p:x="1" q:x="2"/>'],
    ["an undeclared prefix", "<p:a/>"],
    ["< in an attribute", '<a x="<"/>'],
    ["an unquoted attribute", "<a x=1/>"],
    ["attributes without a space", '<a x="1"y="2"/>'],
    ["two roots", "<a/><b/>"],
    ["text after the root", "<a/>tail"],
    ["a DOCTYPE", '<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>'],
    ["-- in a comment", "<a><!-- a -- b --></a>"],
    ["a late XML declaration", '<a/><?xml version="1.0"?>'],
    ["a non-UTF-8 encoding", '<?xml version="1.0" encoding="GB2312"?><a/>'],
    ["a control character", "<a>\u0001</a>"],
    ["]]> in text", "<a>]]></a>"],
    ["nothing", ""],
  ])("rejects %s", (_what, xml) => {
    expect(() => parseXml(xml)).toThrow(/^line \d+: /);
  });

  it("handles large input (speed is measured by npm run bench)", () => {
    const big = `<a>${'<b x="1 &amp; 2">text &lt; more</b>'.repeat(60000)}</a>`;
    expect(parseXml(big).children.length).toBe(60000);
  });
});

describe("production URLs (BIGANZI_URL)", () => {
  it("accepts an https base URL ending with /", () => {
    expect(checkBaseUrl(PROD)).toBe(PROD);
    expect(checkBaseUrl("https://addin.example.gov.cn:8443/")).toBe("https://addin.example.gov.cn:8443/");
  });

  it.each([
    ["empty", "", /empty/],
    ["http", "http://addin.example.gov.cn/biganzi/", /https/],
    ["no trailing slash", "https://addin.example.gov.cn/biganzi", /end with "\/"/],
    ["relative", "/biganzi/", /absolute URL/],
    ["a query", "https://addin.example.gov.cn/?a=1/", /query/],
    ["credentials", "https://u:p@addin.example.gov.cn/", /user name/],
    ["upper case host", "https://Addin.Example.gov.cn/", /normal form; use https:\/\/addin\.example\.gov\.cn\//],
    ["an ampersand", "https://addin.example.gov.cn/a&b/", /not allowed/],
  ])("rejects %s with a clear message", (_what, value, message) => {
    expect(() => checkBaseUrl(value)).toThrow(/BIGANZI_URL/);
    expect(() => checkBaseUrl(value)).toThrow(message);
  });

  it("rewrites every https://localhost:3000/ and the result passes the checks", () => {
    const before = manifest.split("https://localhost:3000/").length - 1;
    const out = rewriteManifestUrls(manifest, PROD, { rootDir: root });
    expect(before).toBeGreaterThan(8);
    expect(out).not.toMatch(/localhost/);
    expect(out.split(PROD).length - 1).toBe(before);
    expect(out.replaceAll(PROD, "https://localhost:3000/")).toBe(manifest);
    expect(checkManifest(out, { baseUrl: PROD, rootDir: root }).problems).toEqual([]);
    expect(describeButtons(checkManifest(out).root!).map((b) => b.url)).toEqual(["outline", "phrases", "check"].map((t) => `${PROD}taskpane.html?tab=${t}`));
  });

  it("refuses a manifest with a localhost URL it cannot rewrite, or an invalid base", () => {
    const odd = mutate('<SupportUrl DefaultValue="https://localhost:3000/taskpane.html"/>', '<SupportUrl DefaultValue="https://localhost:3001/taskpane.html"/>');
    expect(() => rewriteManifestUrls(odd, PROD)).toThrow(/still mentions localhost/);
    expect(() => rewriteManifestUrls(manifest, "http://addin.example.gov.cn/")).toThrow(/https/);
    const broken = mutate('<Label resid="BGZ.Check.Label"/>', '<Label resid="BGZ.Nope"/>');
    expect(() => rewriteManifestUrls(broken, PROD)).toThrow(/resid-missing/);
  });

  it("uses BIGANZI_URL only in production builds", () => {
    expect(productionBaseUrl({ production: false, env: { BIGANZI_URL: PROD } })).toBeNull();
    expect(productionBaseUrl({ production: true, env: {} })).toBeNull();
    expect(productionBaseUrl({ production: true, env: { BIGANZI_URL: PROD } })).toBe(PROD);
    expect(() => productionBaseUrl({ production: true, env: { BIGANZI_URL: "http://x.cn/" } })).toThrow(/https/);
    expect(() => productionBaseUrl({ production: true, env: { BIGANZI_URL: "" } })).toThrow(/empty/);
  });

  describe("webpack.config.js", () => {
    const saved = process.env.BIGANZI_URL;
    afterEach(() => {
      if (saved === undefined) delete process.env.BIGANZI_URL;
      else process.env.BIGANZI_URL = saved;
    });
    type Pattern = { from: string; to: string; transform?: (content: Buffer, file: string) => string };
    const config = require(path.join(root, "webpack.config.js")) as (env: unknown, argv: { mode: string }) => { plugins: { patterns?: Pattern[] }[] };
    const manifestPattern = (mode: string) => config(undefined, { mode }).plugins.flatMap((p) => p.patterns || []).find((p) => p.from === "manifest.xml")!;

    it("rewrites the copied manifest in a production build with BIGANZI_URL set", () => {
      process.env.BIGANZI_URL = PROD;
      const p = manifestPattern("production");
      const out = p.transform!(Buffer.from(manifest, "utf8"), path.join(root, "manifest.xml"));
      expect(out).toContain(`${PROD}taskpane.html?tab=check`);
      expect(out).not.toMatch(/localhost/);
    });

    it("copies it unchanged in development, and without BIGANZI_URL", () => {
      process.env.BIGANZI_URL = PROD;
      expect(manifestPattern("development").transform).toBeUndefined();
      delete process.env.BIGANZI_URL;
      expect(manifestPattern("production").transform).toBeUndefined();
    });

    it("fails the production build on an invalid BIGANZI_URL", () => {
      process.env.BIGANZI_URL = "http://addin.example.gov.cn/biganzi";
      expect(() => config(undefined, { mode: "production" })).toThrow(/BIGANZI_URL/);
    });
  });
});
