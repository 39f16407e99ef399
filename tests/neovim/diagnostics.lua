-- Opens an article in headless Neovim with medlint's language server
-- attached through Neovim's own LSP client, waits for the diagnostics and
-- writes them as JSON. Arguments (environment): MEDLINT_BIN, ARTICLE, OUT.
local bin = os.getenv("MEDLINT_BIN")
local article = os.getenv("ARTICLE")
local out = os.getenv("OUT")

local function finish(result)
  local file = assert(io.open(out, "w"))
  file:write(vim.fn.json_encode(result))
  file:close()
  vim.cmd("qall!")
end

vim.cmd("edit " .. vim.fn.fnameescape(article))
local buffer = vim.api.nvim_get_current_buf()
local start = vim.lsp.start or nil
local client_id
if start then
  client_id = vim.lsp.start({
    name = "medlint",
    cmd = { bin, "server" },
    root_dir = vim.fn.fnamemodify(article, ":h"),
    init_options = { today = "2026-11-24" },
  })
else
  -- Neovim 0.7 has no vim.lsp.start: start the client and attach it.
  client_id = vim.lsp.start_client({
    name = "medlint",
    cmd = { bin, "server" },
    root_dir = vim.fn.fnamemodify(article, ":h"),
    init_options = { today = "2026-11-24" },
  })
  vim.lsp.buf_attach_client(buffer, client_id)
end

local got = vim.wait(20000, function()
  return #vim.diagnostic.get(buffer) > 0
end, 50)
if not got then
  finish({ error = "no diagnostics within 20 seconds" })
  return
end
local diagnostics = {}
for _, d in ipairs(vim.diagnostic.get(buffer)) do
  local lsp = (d.user_data or {}).lsp or {}
  table.insert(diagnostics, {
    lnum = d.lnum,
    col = d.col,
    end_lnum = d.end_lnum,
    end_col = d.end_col,
    severity = d.severity,
    source = d.source,
    message = d.message,
    code = d.code or lsp.code,
  })
end
-- Stop the server the way an editor does on quit: shutdown, then exit.
local client = vim.lsp.get_client_by_id(client_id)
client.stop()
vim.wait(5000, function()
  return client.is_stopped()
end, 50)
finish({ diagnostics = diagnostics, stopped = client.is_stopped() })
