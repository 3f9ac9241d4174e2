export { serveStdio as lspCommand } from "@mlops-report/lsp";
