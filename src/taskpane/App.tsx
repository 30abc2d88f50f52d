import { Body1, FluentProvider, Title2, webLightTheme } from "@fluentui/react-components";

/** The taskpane shell; the 大纲 / 提示语 / 检查 tabs come with the add-in issue. */
export function App() {
  return (
    <FluentProvider theme={webLightTheme}>
      <main style={{ padding: 16 }}>
        <Title2 as="h1">笔杆子</Title2>
        <Body1 as="p">送审前检查目前可在命令行使用：npx biganzi check 文稿.docx。Word 中的检查、提纲和提示语即将推出。</Body1>
      </main>
    </FluentProvider>
  );
}
