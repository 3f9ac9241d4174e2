/**
 * The language server of mlops-report: it lints the reports an editor has open with the engine the command uses,
 * and shows the findings, the safe fixes and each question's counts where the report is written.
 */
export { DEBOUNCE_MS, serve, serveStdio } from "./server.js";
