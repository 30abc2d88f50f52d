/** Types for check-manifest.js (used by test/project/manifest.test.ts). */
export interface XmlAttr { name: string; prefix: string; local: string; ns: string; value: string }
export interface XmlElement {
  name: string;
  prefix: string;
  local: string;
  ns: string;
  attrs: XmlAttr[];
  children: XmlElement[];
  text: string;
  offset: number;
  line: number;
  parent: XmlElement | null;
}
export interface Problem { code: string; message: string; line?: number }
export interface CheckOptions { rootDir?: string; baseUrl?: string; expectedId?: string }
export interface Localized { value?: string; [locale: string]: string | undefined }
export interface ButtonInfo {
  id: string | undefined;
  type: string | undefined;
  label: Localized;
  tipTitle: Localized;
  tip: Localized;
  icons: number[];
  action: string | undefined;
  taskpaneId: string | undefined;
  url: string | undefined;
}
export function checkManifest(xml: string, options?: CheckOptions): { problems: Problem[]; root: XmlElement | null };
export function describeButtons(root: XmlElement): ButtonInfo[];
export function pngSize(bytes: Uint8Array): { width: number; height: number } | null;
export function parseXml(text: string): XmlElement;
export const STABLE_ID: string;
export const DEV_BASE_URL: string;
export const NS: { app: string; vo: string; bt: string; xsi: string };
