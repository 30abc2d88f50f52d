#!/usr/bin/env node
/**
 * npm start — the "try it" command: serves the add-in and the browser preview on
 * https://localhost:3000 (localhost only), sideloads the add-in into Word desktop where it is
 * installed (Windows, macOS), and otherwise prints how to sideload it into Word on the web.
 */
"use strict";
const { spawn, execFileSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

const root = path.resolve(__dirname, "..");
const manifest = path.join(root, "manifest.xml");
const URL_BASE = "https://localhost:3000";

function sideload() {
  if (process.platform === "darwin") {
    const wef = path.join(os.homedir(), "Library", "Containers", "com.microsoft.Word", "Data", "Documents", "wef");
    if (!fs.existsSync(path.dirname(path.dirname(wef)))) return "未找到 Mac 版 Word（~/Library/Containers/com.microsoft.Word）。";
    fs.mkdirSync(wef, { recursive: true });
    fs.copyFileSync(manifest, path.join(wef, "biganzi.manifest.xml"));
    return `已把加载项清单复制到 ${wef}。重新打开 Word，在“插入 → 我的加载项”（或“开始”选项卡的“笔杆子”组）中打开笔杆子。`;
  }
  if (process.platform === "win32") {
    try {
      execFileSync("reg", ["add", "HKCU\\Software\\Microsoft\\Office\\16.0\\WEF\\Developer", "/v", "biganzi", "/t", "REG_SZ", "/d", manifest, "/f"], { stdio: "ignore" });
      return "已在注册表中登记加载项（HKCU\\Software\\Microsoft\\Office\\16.0\\WEF\\Developer）。重新打开 Word，“开始”选项卡上会出现“笔杆子”组。";
    } catch {
      return "未能写入注册表，请手动旁加载：Word →“插入 → 获取加载项 → 我的加载项 → 上传我的加载项”，选择 manifest.xml。";
    }
  }
  return undefined;
}

/** Fails early, in plain Chinese, when port 3000 is taken (e.g. an earlier npm start still running). */
function checkPort() {
  return new Promise((resolve) => {
    const srv = require("net").createServer();
    srv.once("error", () => resolve(false));
    srv.listen(3000, "localhost", () => srv.close(() => resolve(true)));
  });
}

async function main() {
if (!(await checkPort())) {
  console.error("端口 3000 已被占用（可能另一个 npm start 还在运行）。请先停止它再试。");
  process.exit(1);
}
const desktop = sideload();
console.log("笔杆子：正在构建并启动本地服务（只监听 localhost，不联网）……\n");
console.log(`  浏览器预览（无需 Word）：${URL_BASE}/preview.html`);
console.log(`  任务窗格地址：            ${URL_BASE}/taskpane.html`);
console.log("  首次打开时浏览器会提示证书不受信任（本机自签名证书），选择“继续访问”即可。\n");
if (desktop) console.log(desktop + "\n");
else {
  console.log("在 Word 网页版中试用：先在同一浏览器中打开一次上面的地址并接受证书，");
  console.log("然后在 Word 网页版中选择“插入 → 加载项 → 我的加载项 → 上传我的加载项”，上传本目录下的 manifest.xml。");
  console.log("Windows / Mac 上的 Word：在那台电脑上运行 npm start 会自动旁加载。\n");
}
console.log("按 Ctrl+C 停止。\n");

const child = spawn(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "serve", "--mode", "development"], { cwd: root, stdio: "inherit" });
const stop = () => child.kill("SIGTERM");
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
child.on("exit", (code) => process.exit(code ?? 0));
}

main();
