/**
 * useHostAction: busy while the action runs, one Chinese sentence with 重试 when it fails, 重试 runs
 * the same action again, a notice when it succeeds, and nothing set after the component is gone.
 */
import { act, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { GENERIC_ERROR } from "../../src/taskpane/errors";
import { useHostAction } from "../../src/taskpane/hooks/useHostAction";
import { StatusBlock, type StatusNotice } from "../../src/taskpane/StatusBlock";

/** A promise the test settles by hand. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

type Call = ReturnType<typeof deferred<number>>;

type Seen = Array<{ busy?: string; error?: string; notice?: string }>;

function Probe({ calls, seen, after }: { calls: Call[]; seen: Seen; after: string[] }) {
  const { busy, error, notice, run } = useHostAction<"saving", StatusNotice>();
  seen.push({ busy, error: error?.text, notice: notice?.text });
  const save = () =>
    run("saving", async ({ alive }) => {
      const call = deferred<number>();
      calls.push(call);
      const n = await call.promise;
      // A second host call only while the pane is still there (alive() says so).
      if (!alive()) return;
      after.push(`第二步 ${n}`);
      return { intent: "success", text: `已保存 ${n} 段。` };
    });
  return (
    <>
      <button type="button" onClick={() => void save()}>
        保存
      </button>
      <StatusBlock busy={busy && "正在保存…"} error={error} notice={notice} disabled={busy !== undefined} />
    </>
  );
}

function renderProbe() {
  const calls: Call[] = [];
  const seen: Seen = [];
  const after: string[] = [];
  const view = render(
    <FluentProvider theme={webLightTheme}>
      <Probe calls={calls} seen={seen} after={after} />
    </FluentProvider>,
  );
  return { calls, seen, after, view };
}

describe("useHostAction with StatusBlock", () => {
  test("busy → error in Chinese with 重试 → 重试 runs the same action → success notice", async () => {
    const user = userEvent.setup();
    const { calls } = renderProbe();
    await user.click(screen.getByRole("button", { name: "保存" }));
    expect(screen.getByText("正在保存…")).toBeInTheDocument();
    expect(calls).toHaveLength(1);

    // A Chinese message is shown as it is.
    await act(async () => calls[0].reject(new Error("文档已关闭，无法保存。")));
    expect(await screen.findByText("文档已关闭，无法保存。")).toBeInTheDocument();
    expect(screen.queryByText("正在保存…")).not.toBeInTheDocument();
    const retry = screen.getByRole("button", { name: "重试" });
    expect(retry).toBeEnabled();

    await user.click(retry);
    expect(calls).toHaveLength(2);
    expect(screen.getByText("正在保存…")).toBeInTheDocument();
    // The error goes as soon as the action runs again, and 重试 with it.
    expect(screen.queryByText("文档已关闭，无法保存。")).not.toBeInTheDocument();

    // An English (internal) message becomes the one generic sentence.
    await act(async () => calls[1].reject(new Error("GeneralException at line 3")));
    expect(await screen.findByText(GENERIC_ERROR)).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "重试" }));
    expect(calls).toHaveLength(3);
    await act(async () => calls[2].resolve(7));
    expect(await screen.findByText("已保存 7 段。")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "重试" })).not.toBeInTheDocument();
    expect(screen.queryByText("正在保存…")).not.toBeInTheDocument();
  });

  test("a new run clears the last notice", async () => {
    const user = userEvent.setup();
    const { calls } = renderProbe();
    await user.click(screen.getByRole("button", { name: "保存" }));
    await act(async () => calls[0].resolve(1));
    expect(await screen.findByText("已保存 1 段。")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "保存" }));
    expect(screen.queryByText("已保存 1 段。")).not.toBeInTheDocument();
    await act(async () => calls[1].resolve(2));
    expect(await screen.findByText("已保存 2 段。")).toBeInTheDocument();
  });

  test("after unmount the action is told so and stops; nothing is rendered or warned", async () => {
    const user = userEvent.setup();
    const errors = jest.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const { calls, seen, after, view } = renderProbe();
      // Mounted: the second step runs.
      await user.click(screen.getByRole("button", { name: "保存" }));
      await act(async () => calls[0].resolve(1));
      expect(after).toEqual(["第二步 1"]);
      await user.click(screen.getByRole("button", { name: "保存" }));
      await waitFor(() => expect(seen.at(-1)?.busy).toBe("saving"));
      view.unmount();
      const renders = seen.length;
      await act(async () => calls[1].resolve(3));
      await act(async () => new Promise((r) => setTimeout(r, 0)));
      expect(after).toEqual(["第二步 1"]);
      expect(seen.length).toBe(renders);
      expect(errors).not.toHaveBeenCalled();
    } finally {
      errors.mockRestore();
    }
  });
});
