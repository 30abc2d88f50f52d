/* Builds the taskpane into dist/. `npm run dev-server` serves it on https://localhost:3000 (localhost only). */
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

module.exports = (_env, argv) => {
  const dev = argv.mode !== "production";
  return {
    entry: { taskpane: "./src/taskpane/index.tsx" },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: dev ? "[name].js" : "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [{ test: /\.tsx?$/, loader: "ts-loader", exclude: /node_modules/, options: { transpileOnly: true } }],
    },
    devtool: dev ? "eval-source-map" : "source-map",
    plugins: [
      new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./src/taskpane/taskpane.html", chunks: ["taskpane"] }),
      new CopyWebpackPlugin({ patterns: [{ from: "assets", to: "assets" }, { from: "manifest.xml", to: "manifest.xml" }] }),
    ],
    devServer: {
      host: "localhost",
      port: 3000,
      server: "https",
      headers: { "Access-Control-Allow-Origin": "https://localhost:3000" },
      static: false,
      hot: false,
      client: { overlay: false },
    },
    performance: { hints: false },
  };
};
