"use strict";
/**
 * Production URLs from one setting. manifest.xml is written for the dev server (every URL starts with
 * https://localhost:3000/); a production build copies it into dist/ with that prefix replaced by the
 * value of BIGANZI_URL, e.g. BIGANZI_URL=https://addin.example.gov.cn/biganzi/ npm run build
 */
const { checkManifest, DEV_BASE_URL } = require("./check-manifest");

const ENV_NAME = "BIGANZI_URL";

/**
 * Validate the production base URL and return it. Throws an Error with a message a person can act on.
 * @param {string | undefined} value
 * @returns {string}
 */
function checkBaseUrl(value) {
  const hint = `${ENV_NAME} must be the https address the add-in is served from, ending with "/", e.g. https://addin.example.gov.cn/biganzi/`;
  if (typeof value !== "string" || value.trim() === "") throw new Error(`${ENV_NAME} is empty. ${hint}`);
  let u;
  try {
    u = new URL(value);
  } catch {
    throw new Error(`${ENV_NAME}="${value}" is not an absolute URL. ${hint}`);
  }
  if (u.protocol !== "https:") throw new Error(`${ENV_NAME}="${value}" must use https (Office loads add-ins only over https). ${hint}`);
  if (!value.endsWith("/")) throw new Error(`${ENV_NAME}="${value}" must end with "/". ${hint}`);
  if (u.search || u.hash || value.includes("?") || value.includes("#")) throw new Error(`${ENV_NAME}="${value}" must not have a query or fragment. ${hint}`);
  if (u.username || u.password) throw new Error(`${ENV_NAME}="${value}" must not contain a user name or password. ${hint}`);
  if (u.href !== value) throw new Error(`${ENV_NAME}="${value}" is not in normal form; use ${u.href}`);
  if (/[&'"<>\s]/.test(value)) throw new Error(`${ENV_NAME}="${value}" contains a character that is not allowed in the manifest (& ' " < > or a space)`);
  return value;
}

/**
 * Replace every https://localhost:3000/ in the manifest with baseUrl (checked with checkBaseUrl).
 * Fails if a localhost address survives, or if the rewritten manifest does not pass checkManifest.
 * @param {string} xml
 * @param {string} baseUrl
 * @param {{ rootDir?: string }} [options] rootDir: also check that the icons exist (as in the source tree)
 * @returns {string}
 */
function rewriteManifestUrls(xml, baseUrl, options = {}) {
  const base = checkBaseUrl(baseUrl);
  const out = xml.split(DEV_BASE_URL).join(base);
  if (/localhost/i.test(out)) throw new Error(`manifest.xml still mentions localhost after rewriting ${DEV_BASE_URL}; every URL must start with ${DEV_BASE_URL}`);
  const { problems } = checkManifest(out, { baseUrl: base, rootDir: options.rootDir });
  if (problems.length) {
    throw new Error(`manifest.xml rewritten for ${base} has problems:\n${problems.map((p) => `  ${p.line ? `line ${p.line}: ` : ""}[${p.code}] ${p.message}`).join("\n")}`);
  }
  return out;
}

/**
 * For webpack.config.js: the base URL to use for this build, or null to copy manifest.xml unchanged.
 * Production builds use BIGANZI_URL when it is set (an invalid value throws, failing the build).
 * @param {{ production: boolean, env?: Record<string, string | undefined> }} args
 * @returns {string | null}
 */
function productionBaseUrl({ production, env = process.env }) {
  if (!production || env[ENV_NAME] === undefined) return null;
  return checkBaseUrl(env[ENV_NAME]);
}

module.exports = { checkBaseUrl, rewriteManifestUrls, productionBaseUrl, ENV_NAME };
