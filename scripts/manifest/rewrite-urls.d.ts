/** Types for rewrite-urls.js (used by test/project/manifest.test.ts). */
export const ENV_NAME: string;
export function checkBaseUrl(value: string | undefined): string;
export function rewriteManifestUrls(xml: string, baseUrl: string, options?: { rootDir?: string }): string;
export function productionBaseUrl(args: { production: boolean; env?: Record<string, string | undefined> }): string | null;
