/** Outline templates (提纲模板), their types and the outline actions (next heading, renumber, format plan). */
export * from "./types";
export * from "./templates";
export * from "./actions";
