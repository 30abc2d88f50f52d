/** Reading a file the clerk picked (import of 提示语, 单位样式): nothing leaves the machine. */

/** The file's text (FileReader where Blob.text is missing, as in older engines and jsdom). */
export function readText(file: Blob): Promise<string> {
  if (typeof file.text === "function") return file.text();
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result ?? ""));
    r.onerror = () => reject(new Error("无法读取这个文件。"));
    r.readAsText(file, "utf-8");
  });
}
