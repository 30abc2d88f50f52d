/* Builds the taskpane (and the browser preview, preview.html) into dist/. `npm run dev-server` serves them on https://localhost:3000 (localhost only). */
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { productionBaseUrl, rewriteManifestUrls } = require("./scripts/manifest/rewrite-urls");

module.exports = (_env, argv) => {
  const dev = argv.mode !== "production";
  // Production builds rewrite https://localhost:3000/ in the copied manifest to $BIGANZI_URL when set (invalid: the build fails).
  const baseUrl = productionBaseUrl({ production: !dev });
  const manifestCopy = { from: "manifest.xml", to: "manifest.xml" };
  if (baseUrl) manifestCopy.transform = (content) => rewriteManifestUrls(content.toString("utf8"), baseUrl, { rootDir: __dirname });
  return {
    entry: { taskpane: "./src/taskpane/index.tsx", preview: "./src/preview/preview.tsx" },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: dev ? "[name].js" : "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        { test: /\.tsx?$/, loader: "ts-loader", exclude: /node_modules/, options: { transpileOnly: true } },
        // The spelling model (src/taskpane/spellAsset.ts): fetched same-origin when a check first needs
        // it. The content hash in the name lets the browser (and any server, with `immutable`) cache it
        // for good; a new model gets a new name, so no stale copy outlives an update.
        { test: /\.bin$/, include: path.resolve(__dirname, "assets/spell"), type: "asset/resource", generator: { filename: "spell/[name].[contenthash:8][ext]" } },
      ],
    },
    // No eval-based source maps: the pages' CSP forbids eval.
    devtool: "source-map",
    plugins: [
      new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./src/taskpane/taskpane.html", chunks: ["taskpane"] }),
      // The taskpane on an in-memory document, for a plain browser (no Word): /preview.html.
      new HtmlWebpackPlugin({ filename: "preview.html", template: "./src/preview/preview.html", chunks: ["preview"] }),
      // The spelling model is emitted by the rule above (hashed name), not copied a second time.
      new CopyWebpackPlugin({ patterns: [{ from: "assets", to: "assets", globOptions: { ignore: ["**/spell/**"] } }, manifestCopy] }),
    ],
    devServer: {
      host: "localhost",
      port: 3000,
      server: "https",
      headers: { "Access-Control-Allow-Origin": "https://localhost:3000" },
      static: false,
      hot: false,
      liveReload: false,
      webSocketServer: false,
    },
    performance: { hints: false },
  };
};
