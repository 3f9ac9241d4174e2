-- Opens $REPORT, starts `mlops-report lsp --stdio` for it as Neovim's own LSP client does, waits for the first
-- diagnostics, and writes what vim.diagnostic.get() holds to $OUT as JSON; then quits.
vim.cmd("edit " .. vim.fn.fnameescape(vim.env.REPORT))
local client = vim.lsp.start_client({
  name = "mlops-report",
  cmd = { vim.env.NODE, vim.env.CLI, "lsp", "--stdio" },
  root_dir = vim.env.ROOT,
})
vim.lsp.buf_attach_client(0, client)
-- A bound on a hang, not a time limit: the test fails on the missing diagnostics instead of waiting forever.
local arrived = vim.wait(100000, function()
  return #vim.diagnostic.get(0) > 0
end, 50)
local diagnostics = {}
for _, d in ipairs(vim.diagnostic.get(0)) do
  local lsp = d.user_data and d.user_data.lsp or {}
  table.insert(diagnostics, {
    lnum = d.lnum,
    col = d.col,
    severity = d.severity,
    message = d.message,
    source = d.source,
    code = lsp.code or d.code,
  })
end
vim.fn.writefile({ vim.fn.json_encode({ arrived = arrived, diagnostics = diagnostics }) }, vim.env.OUT)
vim.lsp.stop_client(client)
vim.cmd("qa!")
