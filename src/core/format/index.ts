/** Shared formatting helpers: font families and paragraph roles (the format rules and the taskpane use them). */
export * from "./fonts";
export * from "./levels";
