// A throwaway root sandbox (DESIGN.md §5) for tests that must touch /etc, /var and friends: a mount, network and pid
// namespace whose system directories are overlays on a tmpfs. Everything written there vanishes when it exits.
import {spawn, spawnSync} from 'node:child_process';
import {lstat, mkdtemp, readFile, readlink, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import process from 'node:process';

/** Directories that get a writable overlay inside the sandbox (lower = the host's, upper = a tmpfs). */
export const overlaid = ['/etc', '/var', '/run', '/root', '/home', '/opt', '/srv'];

/**
 * The variable that tells a sandboxed script where the overlays' upper layers are: every file written to an overlaid
 * directory appears under `$TOMESH_SANDBOX_LAYERS/<n>/upper` — `sandboxWritesCommand` lists them.
 */
export const layersVariable = 'TOMESH_SANDBOX_LAYERS';

/** A shell command that prints, one per line, every path written (or copied up) in the overlaid directories so far. */
export const sandboxWritesCommand = `(for layer in "$${layersVariable}"/*; do index=\${layer##*/}; dirs=(${overlaid.join(' ')}); (cd "$layer/upper" && find . -mindepth 1 | sed "s|^\\.|\${dirs[$index]}|"); done) | sort`;

/** What a sandboxed script did. */
export interface SandboxResult {
	exitCode: number | null;
	stdout: string;
	stderr: string;
}

/** Why the sandbox cannot run here (not root, no unshare/ip), or undefined when it can. */
export function sandboxUnavailable(): string | undefined {
	if (process.getuid?.() !== 0) return 'the namespace sandbox needs root';
	for (const tool of ['unshare', 'ip', 'mount']) {
		if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0) return `the namespace sandbox needs ${tool}`;
	}

	return undefined;
}

/**
 * Runs a bash script as root in a fresh sandbox and resolves when it ends: `unshare --mount --net --pid --fork
 * --mount-proc --propagation private`, overlays over the `overlaid` directories, loopback up. Several commands go
 * in one script; the sandbox (and every process started in it) ends with the script. `set -e` is not implied.
 */
export async function runInSandbox(script: string, options: {env?: Record<string, string>; cwd?: string; timeoutMs?: number} = {}): Promise<SandboxResult> {
	const base = await mkdtemp(path.join(tmpdir(), 'tomesh-sandbox-'));
	const scriptFile = path.join(base, 'script.sh');
	const mnt = path.join(base, 'mnt');
	await writeFile(scriptFile, script);
	const mounts = overlaid.map((directory, index) => {
		const upper = `${mnt}/${index}/upper`;
		const work = `${mnt}/${index}/work`;
		return `mkdir -p ${upper} ${work} && mount -t overlay overlay -o lowerdir=${directory},upperdir=${upper},workdir=${work} ${directory}`;
	});
	const setup = ['set -e', `mkdir -p ${mnt}`, `mount -t tmpfs tmpfs ${mnt}`, ...mounts, 'ip link set lo up', `export ${layersVariable}=${mnt}`, 'set +e', `exec bash ${scriptFile}`].join('\n');
	try {
		return await new Promise<SandboxResult>((resolve, reject) => {
			const child = spawn('unshare', ['--mount', '--net', '--pid', '--fork', '--mount-proc', '--propagation', 'private', 'bash', '-c', setup], {
				cwd: options.cwd,
				env: {...process.env, ...options.env},
				stdio: ['ignore', 'pipe', 'pipe'],
				detached: true,
			});
			let stdout = '';
			let stderr = '';
			child.stdout.on('data', (chunk: Buffer) => {
				stdout += chunk.toString();
			});
			child.stderr.on('data', (chunk: Buffer) => {
				stderr += chunk.toString();
			});
			// Killing unshare's group ends the namespace's init, and with it every process inside.
			const timer = setTimeout(() => {
				stderr += `\nsandbox: killed after ${options.timeoutMs} ms\n`;
				process.kill(-child.pid!, 'SIGKILL');
			}, options.timeoutMs ?? 100_000);
			child.on('error', reject);
			child.on('close', exitCode => {
				clearTimeout(timer);
				resolve({exitCode, stdout, stderr});
			});
		});
	} finally {
		await rm(base, {recursive: true, force: true});
	}
}

/**
 * A snapshot of host paths (content, symlink target, or "missing") to assert that a sandboxed run left them untouched.
 */
export async function snapshot(paths: string[]): Promise<Record<string, string>> {
	const entries = await Promise.all(
		paths.map(async file => {
			try {
				const stats = await lstat(file);
				if (stats.isSymbolicLink()) return [file, `-> ${await readlink(file)}`];
				if (stats.isDirectory()) return [file, `dir mtime ${stats.mtimeMs}`];
				return [file, await readFile(file, 'utf8')];
			} catch {
				return [file, 'missing'];
			}
		}),
	);
	return Object.fromEntries(entries);
}
