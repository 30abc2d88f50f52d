/** Outline templates (提纲模板) and their types. */
export * from "./types";
export * from "./templates";
