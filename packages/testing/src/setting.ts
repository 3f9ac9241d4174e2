/** Where the tests run: the repository, the shared test data beside it, and whether this is CI. */
import { fileURLToPath } from "node:url";

/** The repository root (this file is packages/testing/src/setting.ts). */
export const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));

/** `../shared` beside the repository, where the real reports, the course checker's numbers and schemas live. */
export const SHARED = fileURLToPath(new URL("../../../../shared/", import.meta.url));

/** Under CI a missing tool or data set fails the tests that need it instead of skipping them. */
export const inCI = Boolean(process.env.CI);
