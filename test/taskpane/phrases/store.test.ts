/** createStore (src/office/host.ts): office-js-helpers' Storage over localStorage, with fallbacks. */
import type { KeyValueStore } from "../../../src/taskpane/phrases/store";

type HostModule = typeof import("../../../src/office/host");

/** A fresh copy of host.ts (its helpers import is cached per module instance). */
function freshHost(mockHelpers?: () => unknown): HostModule {
  let mod!: HostModule;
  jest.isolateModules(() => {
    if (mockHelpers) jest.doMock("@microsoft/office-js-helpers", mockHelpers);
    mod = jest.requireActual("../../../src/office/host") as HostModule;
  });
  return mod;
}

afterEach(() => {
  jest.restoreAllMocks();
  jest.dontMock("@microsoft/office-js-helpers");
  window.localStorage.clear();
});

function roundTrip(a: KeyValueStore, b: KeyValueStore) {
  expect(a.get("phrases.favourites")).toBeUndefined();
  a.set("phrases.favourites", '["p1-0001"]');
  expect(a.get("phrases.favourites")).toBe('["p1-0001"]');
  expect(b.get("phrases.favourites")).toBe('["p1-0001"]'); // another session sees it
  a.remove("phrases.favourites");
  a.remove("phrases.favourites"); // removing what is not there is fine
  expect(b.get("phrases.favourites")).toBeUndefined();
}

test("keeps values in localStorage through office-js-helpers, scoped by the store's name", async () => {
  const { createStore } = freshHost();
  const a = await createStore("biganzi");
  // The helpers' Storage marks its container in localStorage: proof the package was used.
  expect(window.localStorage.getItem("biganzi")).toBe("null");
  const b = await createStore("biganzi");
  roundTrip(a, b);
  a.set("phrases.mine", "[]");
  expect(window.localStorage.getItem("@biganzi/phrases.mine")).toBe(JSON.stringify("[]"));
  const other = await createStore("other");
  expect(other.get("phrases.mine")).toBeUndefined();
});

test("falls back to localStorage directly, with the same keys, when the package cannot load", async () => {
  const { createStore } = freshHost(() => {
    throw new Error("cannot load");
  });
  const a = await createStore("biganzi");
  expect(window.localStorage.getItem("biganzi")).toBeNull();
  const b = await createStore("biganzi");
  roundTrip(a, b);
  a.set("phrases.mine", '[{"id":"u-1"}]');
  expect(window.localStorage.getItem("@biganzi/phrases.mine")).toBe(JSON.stringify('[{"id":"u-1"}]'));
  // What the helpers wrote is read back by the fallback, and the other way round.
  const viaHelpers = await freshHost().createStore("biganzi");
  expect(viaHelpers.get("phrases.mine")).toBe('[{"id":"u-1"}]');
});

test("falls back to memory when localStorage is unavailable", async () => {
  jest.spyOn(window, "localStorage", "get").mockImplementation(() => {
    throw new Error("SecurityError");
  });
  const { createStore } = freshHost();
  const a = await createStore("biganzi");
  a.set("k", "v");
  expect(a.get("k")).toBe("v");
  const b = await createStore("biganzi");
  expect(b.get("k")).toBeUndefined(); // memory only: nothing shared, nothing thrown
  a.remove("k");
  expect(a.get("k")).toBeUndefined();
});
