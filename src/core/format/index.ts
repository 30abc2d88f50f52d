/** Shared formatting helpers: font families, detected paragraph roles and the house style by role. */
export * from "./fonts";
export * from "./levels";
export * from "./roles";
