// Start / stop code-server (installed by test/e2e/setup.sh into test/e2e/.work)
// on 127.0.0.1 with isolated state, and install .vsix files into it.
// Every wait is bounded; stop() kills the whole process group.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import http from 'node:http';
import { spawn, execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const E2E_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const WORK_DIR = path.join(E2E_DIR, '.work');
export const CODE_SERVER_ENTRY = path.join(WORK_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

// Process groups of running code-servers, killed when this process exits however it exits
// (a failed assertion, Ctrl+C, mocha's own exit), so no server outlives a test run.
const running = new Set();
process.on('exit', () => {
  for (const pid of running) {
    try { process.kill(-pid, 'SIGKILL'); } catch { /* already gone */ }
  }
});

/** A free TCP port on 127.0.0.1 (asked from the OS, then released). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Creates the isolated directories for one code-server instance under
 * test/e2e/.work/run-<tag>: user-data, extensions, xdg/{config,data}, config.yaml.
 */
export function makeRunDir(tag = `${Date.now()}-${process.pid}`) {
  const root = path.join(WORK_DIR, `run-${tag}`);
  const dirs = {
    root,
    userData: path.join(root, 'user-data'),
    extensions: path.join(root, 'extensions'),
    xdgConfig: path.join(root, 'xdg', 'config'),
    xdgData: path.join(root, 'xdg', 'data'),
    config: path.join(root, 'config.yaml'),
    log: path.join(root, 'code-server.log'),
  };
  for (const d of [dirs.userData, dirs.extensions, dirs.xdgConfig, dirs.xdgData]) fs.mkdirSync(d, { recursive: true });
  return dirs;
}

/** Settings that keep the workbench quiet and deterministic (no welcome page, no network chatter). */
export const DEFAULT_USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'git.autoRepositoryDetection': false,
  'chat.commandCenter.enabled': false,
  'editor.hover.delay': 200,
  'files.autoSave': 'off',
};

/** Writes <user-data>/User/settings.json (code-server keeps user settings server-side). */
export function writeUserSettings(dirs, settings = DEFAULT_USER_SETTINGS) {
  const userDir = path.join(dirs.userData, 'User');
  fs.mkdirSync(userDir, { recursive: true });
  fs.writeFileSync(path.join(userDir, 'settings.json'), JSON.stringify(settings, null, 2));
}

/** Environment for code-server: XDG dirs inside the run dir; no VSCODE_* from a surrounding VS Code. */
export function codeServerEnv(dirs) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    // VSCODE_IPC_HOOK_CLI etc. would make the CLI forward to an outer VS Code.
    if (!k.startsWith('VSCODE_') && k !== 'ELECTRON_RUN_AS_NODE') env[k] = v;
  }
  env.XDG_CONFIG_HOME = dirs.xdgConfig;
  env.XDG_DATA_HOME = dirs.xdgData;
  return env;
}

function commonArgs(dirs) {
  return ['--config', dirs.config, '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions];
}

function ensureConfig(dirs, port = 0) {
  if (!fs.existsSync(dirs.config) || port) {
    fs.writeFileSync(dirs.config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  }
}

function run(cmd, args, { env, timeoutMs }) {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { env, timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 16 << 20 }, (err, stdout, stderr) => {
      if (err) {
        err.message += `\nstdout: ${stdout}\nstderr: ${stderr}`;
        reject(err);
      } else resolve({ stdout, stderr });
    });
  });
}

/** `code-server --install-extension <vsix> --force`, then checks --list-extensions. */
export async function installExtension(dirs, vsix, { timeoutMs = 60_000 } = {}) {
  ensureConfig(dirs);
  const env = codeServerEnv(dirs);
  const t0 = Date.now();
  const inst = await run(process.execPath, [CODE_SERVER_ENTRY, ...commonArgs(dirs), '--install-extension', path.resolve(vsix), '--force'], { env, timeoutMs });
  const list = await run(process.execPath, [CODE_SERVER_ENTRY, ...commonArgs(dirs), '--list-extensions', '--show-versions'], { env, timeoutMs });
  return { ms: Date.now() - t0, output: (inst.stdout + inst.stderr).trim(), installed: list.stdout.trim().split('\n').filter(Boolean) };
}

function get(url, timeoutMs) {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: timeoutMs }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
  });
}

/**
 * Starts code-server in its own process group and waits for /healthz.
 * Returns { url, port, proc, ms, stop() }.
 */
export async function startCodeServer(dirs, { startTimeoutMs = 60_000, extraArgs = [] } = {}) {
  if (!fs.existsSync(CODE_SERVER_ENTRY)) throw new Error(`code-server not installed: run bash test/e2e/setup.sh (${CODE_SERVER_ENTRY} missing)`);
  const port = await freePort();
  ensureConfig(dirs, port);
  const args = [
    CODE_SERVER_ENTRY,
    ...commonArgs(dirs),
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    ...extraArgs,
  ];
  const t0 = Date.now();
  const logStream = fs.createWriteStream(dirs.log, { flags: 'a' });
  const proc = spawn(process.execPath, args, {
    env: codeServerEnv(dirs),
    detached: true, // own process group: stop() kills code-server and its extension hosts / pty hosts
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  proc.stdout.pipe(logStream);
  proc.stderr.pipe(logStream);
  let exited = null;
  running.add(proc.pid);
  proc.on('exit', (code, signal) => { exited = { code, signal }; });

  const stop = async (graceMs = 5_000) => {
    if (exited) {
      // code-server itself is gone; its extension host may not be.
      try { process.kill(-proc.pid, 'SIGKILL'); } catch { /* all gone */ }
      running.delete(proc.pid);
      return;
    }
    const gone = new Promise((r) => proc.once('exit', r));
    try { process.kill(-proc.pid, 'SIGTERM'); } catch { /* already gone */ }
    const t = setTimeout(() => { try { process.kill(-proc.pid, 'SIGKILL'); } catch { /* gone */ } }, graceMs);
    let t2;
    await Promise.race([gone, new Promise((r) => { t2 = setTimeout(r, graceMs + 2_000); })]);
    clearTimeout(t);
    clearTimeout(t2);
    // Extension hosts and other children share the group; make sure none survive.
    try { process.kill(-proc.pid, 'SIGKILL'); } catch { /* all gone */ }
    running.delete(proc.pid);
    logStream.end();
  };

  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + startTimeoutMs;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`code-server exited early (${JSON.stringify(exited)}); see ${dirs.log}`);
    if ((await get(`${url}healthz`, 1_000)) === 200) return { url, port, proc, ms: Date.now() - t0, stop };
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error(`code-server did not answer ${url}healthz within ${startTimeoutMs} ms; see ${dirs.log}`);
}

/** Workbench URL opening a folder. */
export function workbenchUrl(base, folder) {
  return `${base}?folder=${encodeURIComponent(folder)}`;
}
