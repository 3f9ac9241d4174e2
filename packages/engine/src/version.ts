import pkg from "../package.json" with { type: "json" };

/** The engine's version: a cache entry of another one never matches. */
export const VERSION: string = pkg.version;
