-- Headless Neovim (0.7.2, Debian bookworm) as an LSP client of factcheck-ls, for
-- test/e2e/neovim.test.mjs, which starts it and checks the JSON lines it prints:
--
--   FACTCHECK_LS="node bin/factcheck-ls.js --stdio" FACTCHECK_FILE=/tmp/x/draft.md \
--     nvim --headless --clean -u test/neovim/harness.lua
--
-- Steps, all inside one time budget (FACTCHECK_TIMEOUT_MS, default 20000):
--   1. start the server (vim.lsp.start_client), open FACTCHECK_FILE as a
--      markdown buffer, attach (vim.lsp.buf_attach_client),
--   2. wait for pushed diagnostics (textDocument/publishDiagnostics; Neovim
--      0.7 has no pull diagnostics), print them,
--   3. textDocument/codeAction for one diagnostic's range (the first, or the first
--      with code FACTCHECK_FIX_CODE), with the raw LSP diagnostic as context; apply
--      the preferred quickfix's WorkspaceEdit (vim.lsp.util.apply_workspace_edit);
--      a quickfix that carries only a command is run via workspace/executeCommand,
--   4. wait for the diagnostics published for the edited version, print them,
--   5. :write the buffer, stop the server, exit 0.
-- Any failure or timeout: an {"event":"error"} line on stdout, a message on
-- stderr, exit code 1 (2 for the overall deadline).
--
-- Output: one JSON object per line on stdout:
--   {"event":"attached","client":"...","offset_encoding":"utf-16","capabilities":{...}}
--   {"event":"diagnostics","phase":"initial"|"after-fix","version":N,"count":N,
--    "items":[vim.diagnostic view: 0-based lnum, byte col],
--    "lsp":[as published: range (UTF-16), code, message, source, severity]}
--   {"event":"codeActions","diagnostic":{...},"actions":[{"title","kind","isPreferred"}]}
--   {"event":"applied","title":"...","kind":"quickfix"}
--   {"event":"written","file":"..."}
--   {"event":"done","ok":true,"ms":N}
--
-- Other env vars:
--   FACTCHECK_ROOT            workspace root (default: current directory)
--   FACTCHECK_SETTINGS        JSON returned for workspace/configuration (default {})
--   FACTCHECK_MIN_DIAGNOSTICS how many initial diagnostics to wait for (default 1;
--                             0 = just the first publish, and skip steps 3-4)
--   FACTCHECK_FIX_CODE        fix the first diagnostic with this code (default: the first)
--   FACTCHECK_LOG             any value: Neovim's LSP log at debug level (path on stderr)

local uv = vim.loop
local t_start = uv.hrtime()
local function now_ms() return (uv.hrtime() - t_start) / 1e6 end

local env = function(k, default)
  local v = os.getenv(k)
  if v == nil or v == '' then return default end
  return v
end

local TOTAL_MS = tonumber(env('FACTCHECK_TIMEOUT_MS', '20000'))
local function remaining() return math.max(0, TOTAL_MS - now_ms()) end

local function emit(obj)
  io.stdout:write(vim.fn.json_encode(obj) .. '\n')
  io.stdout:flush()
end

local exiting = false
local client_id

local function finish(code, message)
  if exiting then return end
  exiting = true
  if code ~= 0 then
    emit({ event = 'error', message = message, ms = math.floor(now_ms()) })
    io.stderr:write('neovim harness FAILED: ' .. tostring(message) .. '\n')
  else
    emit({ event = 'done', ok = true, ms = math.floor(now_ms()) })
  end
  if client_id then
    pcall(vim.lsp.stop_client, client_id)
    vim.wait(1000, function() return vim.lsp.client_is_stopped(client_id) end, 20)
    if not vim.lsp.client_is_stopped(client_id) then pcall(vim.lsp.stop_client, client_id, true) end
  end
  io.stderr:flush()
  if code == 0 then
    vim.cmd('qall!')
  else
    vim.cmd('cquit ' .. code)
  end
end

-- Overall deadline, independent of where we are stuck (vim.wait runs timers).
local deadline_timer = uv.new_timer()
deadline_timer:start(TOTAL_MS + 2000, 0, vim.schedule_wrap(function()
  finish(2, string.format('overall deadline of %d ms exceeded', TOTAL_MS))
end))

-- pred may raise to abort the wait (e.g. the server exited); the error is
-- re-raised here without vim.wait's traceback.
local function wait_for(what, pred, budget_ms)
  local budget = math.min(budget_ms or remaining(), remaining())
  local failure
  local ok = vim.wait(budget, function()
    local pok, r = pcall(pred)
    if not pok then failure = r; return true end
    return r
  end, 20)
  if failure then error(failure, 0) end
  if not ok then error(string.format('timeout after %d ms waiting for %s', budget, what), 0) end
end

-- Diagnostics bookkeeping from the publishDiagnostics notifications themselves,
-- so that we keep the raw LSP diagnostics (exact UTF-16 ranges, data, ...).
local publishes = {} -- list of { version = n|nil, diagnostics = raw list }
local target_uri

local function simplify(d)
  return {
    lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
    severity = d.severity, message = d.message, source = d.source, code = d.code,
  }
end

local function raw_view(d)
  return { range = d.range, code = d.code, message = d.message, source = d.source, severity = d.severity }
end

local function print_diagnostics(phase, bufnr, ns)
  local last = publishes[#publishes]
  local items = vim.tbl_map(simplify, vim.diagnostic.get(bufnr, { namespace = ns }))
  emit({
    event = 'diagnostics', phase = phase, version = last.version, count = #items,
    items = items, lsp = vim.tbl_map(raw_view, last.diagnostics),
  })
  return items
end

local function main()
  local cmd_str = env('FACTCHECK_LS')
  local file = env('FACTCHECK_FILE')
  if not cmd_str then error('FACTCHECK_LS is not set (e.g. "node bin/factcheck-ls.js --stdio")', 0) end
  if not file then error('FACTCHECK_FILE is not set', 0) end
  file = vim.fn.fnamemodify(file, ':p')
  if vim.fn.filereadable(file) ~= 1 then error('cannot read ' .. file, 0) end
  local root = vim.fn.fnamemodify(env('FACTCHECK_ROOT', vim.fn.getcwd()), ':p')
  local settings = vim.fn.json_decode(env('FACTCHECK_SETTINGS', '{}'))
  local min_diags = tonumber(env('FACTCHECK_MIN_DIAGNOSTICS', '1'))
  local fix_code = env('FACTCHECK_FIX_CODE')

  if env('FACTCHECK_LOG') then
    vim.lsp.set_log_level('debug')
    -- 0.7 has no API to move the log file; report where it is.
    io.stderr:write('LSP log: ' .. vim.lsp.get_log_path() .. '\n')
  else
    vim.lsp.set_log_level('warn')
  end

  -- Open the document first so the buffer exists before attaching.
  vim.cmd('silent edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  if vim.bo[bufnr].filetype == '' then vim.bo[bufnr].filetype = 'markdown' end
  target_uri = vim.uri_from_bufnr(bufnr)

  local exited = nil
  client_id = vim.lsp.start_client({
    name = 'factcheck',
    cmd = vim.split(cmd_str, '%s+', { trimempty = true }),
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = vim.fn.fnamemodify(root, ':h:t') } },
    settings = settings,
    flags = { debounce_text_changes = 50 },
    -- Neovim calls plain text 'text'; LSP (and the server's defaults) call it 'plaintext'.
    get_language_id = function(_, filetype) return filetype == 'text' and 'plaintext' or filetype end,
    handlers = {
      ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
        if result and result.uri == target_uri then
          table.insert(publishes, { version = result.version, diagnostics = result.diagnostics or {} })
        end
        return vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
      end,
      -- Keep headless runs free of prompts / UI messages.
      ['window/showMessage'] = function(_, result)
        emit({ event = 'showMessage', type = result.type, message = result.message })
      end,
    },
    on_exit = function(code, signal) exited = { code = code, signal = signal } end,
  })
  if not client_id then error('vim.lsp.start_client failed for: ' .. cmd_str, 0) end
  if not vim.lsp.buf_attach_client(bufnr, client_id) then error('vim.lsp.buf_attach_client failed', 0) end

  wait_for('server initialize', function()
    if exited then error(string.format('server exited during startup (code %s, signal %s)', exited.code, exited.signal), 0) end
    local c = vim.lsp.get_client_by_id(client_id)
    return c ~= nil and c.initialized == true
  end, 10000)
  local client = vim.lsp.get_client_by_id(client_id)
  local encoding = client.offset_encoding or 'utf-16'
  emit({
    event = 'attached', client = client.name, offset_encoding = encoding,
    capabilities = {
      codeAction = client.server_capabilities.codeActionProvider ~= nil,
      hover = client.server_capabilities.hoverProvider ~= nil,
      textDocumentSync = client.server_capabilities.textDocumentSync,
    },
    ms = math.floor(now_ms()),
  })
  local ns = vim.lsp.diagnostic.get_namespace(client_id)

  -- 2. initial diagnostics
  wait_for(string.format('%d diagnostic(s) to be published', min_diags), function()
    if exited then error('server exited', 0) end
    if #publishes == 0 then return false end
    return #publishes[#publishes].diagnostics >= min_diags
  end)
  local before = print_diagnostics('initial', bufnr, ns)
  if min_diags == 0 or #before == 0 then return 0 end

  -- 3. code actions for one diagnostic (raw LSP form, as the server sent it)
  local raw = vim.deepcopy(publishes[#publishes].diagnostics)
  table.sort(raw, function(a, b)
    if a.range.start.line ~= b.range.start.line then return a.range.start.line < b.range.start.line end
    return a.range.start.character < b.range.start.character
  end)
  local target
  for _, d in ipairs(raw) do
    if not fix_code or d.code == fix_code then target = d; break end
  end
  if not target then error('no diagnostic with code ' .. tostring(fix_code), 0) end
  local params = {
    textDocument = { uri = target_uri },
    range = target.range,
    context = { diagnostics = { target } },
  }
  local responses, req_err = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, math.min(5000, remaining()))
  if not responses then error('textDocument/codeAction: ' .. tostring(req_err), 0) end
  local resp = responses[client_id]
  if not resp then error('textDocument/codeAction: no response from client ' .. client_id, 0) end
  if resp.err or resp.error then error('textDocument/codeAction error: ' .. vim.inspect(resp.err or resp.error), 0) end
  local actions = resp.result or {}
  emit({
    event = 'codeActions', diagnostic = raw_view(target),
    actions = vim.tbl_map(function(a) return { title = a.title, kind = a.kind, isPreferred = a.isPreferred == true } end, actions),
  })

  -- The preferred quickfix, as an editor's "apply the fix" would take; else the first one.
  local fix
  for _, a in ipairs(actions) do
    local quick = a.kind and (a.kind == 'quickfix' or vim.startswith(a.kind, 'quickfix.'))
    if quick and (a.isPreferred or not fix) then fix = a end
    if quick and a.isPreferred then break end
  end
  if not fix then error('no quickfix code action for the diagnostic', 0) end

  if not fix.edit and not fix.command and fix.data and client.server_capabilities.codeActionProvider
      and type(client.server_capabilities.codeActionProvider) == 'table'
      and client.server_capabilities.codeActionProvider.resolveProvider then
    local r = vim.lsp.buf_request_sync(bufnr, 'codeAction/resolve', fix, math.min(5000, remaining()))
    if r and r[client_id] and r[client_id].result then fix = r[client_id].result end
  end

  local published_before_fix = #publishes
  if fix.edit then
    vim.lsp.util.apply_workspace_edit(fix.edit, encoding) -- 'utf-16' unless the server negotiated otherwise
  end
  local command = fix.command
  if type(command) == 'string' then command = fix end -- a bare Command object
  if command and command.command then
    local r = vim.lsp.buf_request_sync(bufnr, 'workspace/executeCommand',
      { command = command.command, arguments = command.arguments }, math.min(5000, remaining()))
    if not r or not r[client_id] or r[client_id].err then
      error('workspace/executeCommand failed: ' .. vim.inspect(r and r[client_id]), 0)
    end
  end
  if not fix.edit and not (command and command.command) then error('quickfix has neither edit nor command', 0) end
  emit({ event = 'applied', title = fix.title, kind = fix.kind })

  -- 4. diagnostics for the edited document
  local version = vim.lsp.util.buf_versions[bufnr]
  wait_for('diagnostics after the fix', function()
    if exited then error('server exited', 0) end
    for i = published_before_fix + 1, #publishes do
      local v = publishes[i].version
      if v == nil or v >= version then return true end
    end
    return false
  end, 10000)
  -- Let a burst of publishes settle (bounded).
  local n = #publishes
  vim.wait(math.min(300, remaining()), function() return #publishes > n end, 20)
  print_diagnostics('after-fix', bufnr, ns)

  -- 5. save
  vim.cmd('silent write')
  emit({ event = 'written', file = file })
  return 0
end

vim.api.nvim_create_autocmd('VimEnter', {
  once = true,
  callback = function()
    -- Run after startup has finished (filetype detection etc.).
    vim.schedule(function()
      local ok, err = pcall(main)
      if ok then finish(0) else finish(1, err) end
    end)
  end,
})
