import pkg from "../package.json" with { type: "json" };

export const VERSION: string = pkg.version;

/** The options that print the version. */
export const VERSION_FLAGS = ["-v", "--version"] as const;
