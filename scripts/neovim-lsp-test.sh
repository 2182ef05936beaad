#!/usr/bin/env bash
# `detritus server` driven by Neovim's built-in LSP client, headless:
# diagnostics arrive for a dirty article with the rule's code, and the
# first quick fix, applied by Neovim, repairs the line. Installs Debian's
# neovim when it is missing. (Uses vim.lsp.start_client, which Neovim 0.7,
# the Debian version, has; the README shows the 0.11 vim.lsp.config form.)
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
bin="${DETRITUS_BIN:-$repo/target/release/detritus}"
if ! command -v nvim >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq neovim >/dev/null
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
printf 'An experimental model , which never shipped.\n' > "$work/article.txt"
cat > "$work/test.lua" <<LUA
local buf = vim.api.nvim_get_current_buf()
local id = vim.lsp.start_client({ name = 'detritus', cmd = { '$bin', 'server' }, root_dir = '$work' })
vim.lsp.buf_attach_client(buf, id)
local ok = vim.wait(20000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
if not ok then print('NO-DIAGNOSTICS') vim.cmd('cquit 1') end
local d = vim.diagnostic.get(buf)[1]
print('CODE=' .. tostring(d.code) .. ' SOURCE=' .. tostring(d.source))
local client = vim.lsp.get_client_by_id(id)
local params = vim.lsp.util.make_range_params()
params.context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(buf) }
local reply = client.request_sync('textDocument/codeAction', params, 20000, buf)
local action = reply and reply.result and reply.result[1]
if not action or not action.edit then print('NO-ACTION') vim.cmd('cquit 1') end
vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16')
print('LINE=' .. vim.api.nvim_buf_get_lines(buf, 0, 1, false)[1])
client.stop()
vim.cmd('qall!')
LUA
cd "$work"
out="$(nvim --headless -n -u NONE article.txt -c "luafile test.lua" 2>&1)"
if [[ $out != *CODE=W001* || $out != *"SOURCE=detritus"* || $out != *"LINE=An experimental model, which never shipped."* ]]; then
  echo "Neovim did not get the diagnostics and the fix:" >&2
  echo "$out" >&2
  exit 1
fi
echo "Neovim: diagnostics from detritus server, and its quick fix applied"
