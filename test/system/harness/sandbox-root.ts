// A throwaway Debian sid server for the end-to-end test: a cached debootstrap root filesystem, an overlay per run,
// mount + pid + network namespaces whose PID 1 reaps zombies, and no systemd. Only apt reaches the outside, through
// the proxy of apt-proxy.ts; every other name lives in the sandbox's /etc/hosts.
import {spawn, spawnSync, type ChildProcess} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, renameSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';

/** Where the base root filesystem and the downloaded packages are kept between runs. */
export const cacheDir = process.env.TOMESH_E2E_CACHE ?? '/var/cache/tomesh-setup-e2e';

const mirror = 'http://deb.debian.org/debian';

/** Why the end-to-end sandbox cannot run here, or undefined when it can. */
export function e2eUnavailable(): string | undefined {
	if (process.getuid?.() !== 0) return 'the end-to-end sandbox needs root';
	for (const tool of ['debootstrap', 'unshare', 'nsenter', 'perl', 'openssl', 'pebble', 'ip']) {
		if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0) return `the end-to-end sandbox needs ${tool} (see .ci/run)`;
	}

	return undefined;
}

/** Makes the cached sid root filesystem when it is missing; resolves to its path and whether it was made now. */
export async function baseRoot(): Promise<{root: string; made: boolean}> {
	const root = path.join(cacheDir, 'rootfs');
	if (existsSync(path.join(root, 'usr/bin/apt-get'))) return {root, made: false};
	mkdirSync(cacheDir, {recursive: true});
	const partial = `${root}.partial`;
	rmSync(partial, {recursive: true, force: true});
	await run('debootstrap', ['--variant=minbase', '--include=ca-certificates', 'sid', partial, mirror]);
	renameSync(partial, root);
	return {root, made: true};
}

/** A command's result inside the sandbox. */
export interface SandboxExec {
	code: number | null;
	stdout: string;
	stderr: string;
}

// PID 1 of the sandbox: runs its main command and reaps every orphan, or init scripts wait 30 s on a zombie.
const reaper = 'my $m = fork; if (!$m) { exec @ARGV or exit 127 } while ((my $p = wait) != -1) { exit($? >> 8) if $p == $m }';

/** A running sandbox. */
export class ServerSandbox {
	readonly dir: string;
	readonly merged: string;
	/** A host directory seen inside as /opt/e2e (certificates, fixtures, the client script). */
	readonly shared: string;
	private child?: ChildProcess;
	private pid1 = 0;

	constructor(
		private readonly base: string,
		private readonly repo: string,
	) {
		this.dir = mkdtempSync(path.join(tmpdir(), 'tomesh-matrix-server-'));
		this.merged = path.join(this.dir, 'merged');
		this.shared = path.join(this.dir, 'shared');
		mkdirSync(this.shared, {recursive: true});
	}

	/** Mounts the overlay and the binds, and starts PID 1. `hosts` are written to the sandbox's /etc/hosts. */
	async start(hosts: string[]): Promise<void> {
		const archives = path.join(cacheDir, 'archives');
		mkdirSync(path.join(archives, 'partial'), {recursive: true});
		const modules = realpathSync(path.join(this.repo, 'node_modules'));
		const m = this.merged;
		const setup = [
			'set -e',
			`cd ${this.dir} && mkdir -p layer merged && mount -t tmpfs -o size=4g tmpfs layer && mkdir layer/upper layer/work`,
			`mount -t overlay overlay -o lowerdir=${this.base},upperdir=layer/upper,workdir=layer/work ${m}`,
			`mount -t proc proc ${m}/proc && mount --rbind /dev ${m}/dev && mount -t tmpfs tmpfs ${m}/run && mount -t tmpfs tmpfs ${m}/tmp`,
			`mount --bind ${archives} ${m}/var/cache/apt/archives`,
			`mkdir -p ${m}/opt/tomesh-setup ${m}/opt/e2e && mount --bind ${this.shared} ${m}/opt/e2e`,
			...['dist', 'runbooks', 'package.json'].map(name => `${name === 'package.json' ? 'touch' : 'mkdir -p'} ${m}/opt/tomesh-setup/${name} && mount --bind -o ro ${this.repo}/${name} ${m}/opt/tomesh-setup/${name}`),
			`mkdir -p ${m}/opt/tomesh-setup/node_modules && mount --bind -o ro ${modules} ${m}/opt/tomesh-setup/node_modules`,
			...['node', 'pebble'].map(tool => `touch ${m}/usr/local/bin/${tool} && mount --bind -o ro $(command -v ${tool}) ${m}/usr/local/bin/${tool}`),
			`printf '%s\\n' ${['127.0.0.1 localhost', ...hosts].map(line => `'${line}'`).join(' ')} > ${m}/etc/hosts`,
			`printf '#!/bin/sh\\nexit 101\\n' > ${m}/usr/sbin/policy-rc.d && chmod 755 ${m}/usr/sbin/policy-rc.d`,
			`printf '%s\\n' 'Acquire::http::Proxy "http://127.0.0.1:3142";' 'Acquire::http::Pipeline-Depth "0";' 'Acquire::Check-Valid-Until "false";' 'Acquire::Languages "none";' > ${m}/etc/apt/apt.conf.d/00e2e-sandbox`,
			`echo 'deb ${mirror} sid main' > ${m}/etc/apt/sources.list`,
			'ip link set lo up',
			'echo ready',
			'exec sleep infinity',
		].join('\n');
		const child = spawn('unshare', ['--mount', '--net', '--pid', '--fork', '--mount-proc', '--propagation', 'private', 'perl', '-e', reaper, 'bash', '-c', setup], {
			stdio: ['ignore', 'pipe', 'pipe'],
			detached: true,
		});
		this.child = child;
		let errors = '';
		child.stderr!.on('data', (chunk: Buffer) => {
			errors += chunk.toString();
		});
		await new Promise<void>((resolve, reject) => {
			child.stdout!.on('data', (chunk: Buffer) => {
				if (chunk.toString().includes('ready')) resolve();
			});
			child.on('close', code => {
				reject(new Error(`sandbox setup exited ${code}: ${errors}`));
			});
		});
		const children = readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8').trim();
		this.pid1 = Number(children.split(' ')[0]);
	}

	/** The argv that runs `argv` inside the sandbox (chrooted unless `host` is set). */
	enter(argv: string[], options: {host?: boolean} = {}): string[] {
		const base = ['nsenter', '--target', String(this.pid1), '--mount', '--pid', '--net'];
		return options.host ? [...base, ...argv] : [...base, 'chroot', this.merged, ...argv];
	}

	/** Runs a bash script as root inside the chrooted sandbox. */
	async exec(script: string, options: {env?: Record<string, string>; timeoutMs?: number} = {}): Promise<SandboxExec> {
		const env = {PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOME: '/root', LANG: 'C.UTF-8', TERM: 'dumb', ...options.env};
		const argv = this.enter(['/usr/bin/env', '-i', ...Object.entries(env).map(([key, value]) => `${key}=${value}`), '/bin/bash', '-c', script]);
		// A cold cache downloads every package during `run --yes`: on a busy two-core machine that took 10 min and more.
		return capture(argv, options.timeoutMs ?? 20 * 60_000);
	}

	/** Runs argv in the sandbox's namespaces without chroot (the host's files: node, the repository). */
	async execHost(argv: string[], timeoutMs = 120_000): Promise<SandboxExec> {
		return capture(this.enter(argv, {host: true}), timeoutMs);
	}

	/** Starts a long-lived process inside the sandbox; it ends with the sandbox. */
	background(argv: string[], options: {host?: boolean; env?: Record<string, string>} = {}): ChildProcess {
		return spawn(argv[0] === 'nsenter' ? argv[0] : 'nsenter', this.enter(argv, options).slice(1), {stdio: ['ignore', 'ignore', 'inherit'], env: {...process.env, ...options.env}});
	}

	/** Ends every process inside and removes the run's files. */
	stop(): void {
		if (this.child?.pid && this.child.exitCode === null) {
			try {
				process.kill(-this.child.pid, 'SIGKILL');
			} catch {}
		}

		spawnSync('umount', ['-l', this.merged]);
		spawnSync('umount', ['-l', path.join(this.dir, 'layer')]);
		rmSync(this.dir, {recursive: true, force: true});
	}
}

/** Runs a command and resolves with its output; rejects when it exits non-zero. */
export async function run(command: string, args: string[]): Promise<string> {
	const result = await capture([command, ...args], 900_000);
	if (result.code !== 0) throw new Error(`${command} exited ${result.code}: ${(result.stderr || result.stdout).slice(-2000)}`);
	return result.stdout;
}

function capture(argv: string[], timeoutMs: number): Promise<SandboxExec> {
	return new Promise((resolve, reject) => {
		const child = spawn(argv[0]!, argv.slice(1), {stdio: ['ignore', 'pipe', 'pipe']});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => {
			stdout += chunk.toString();
		});
		child.stderr.on('data', (chunk: Buffer) => {
			stderr += chunk.toString();
		});
		const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
		child.on('error', reject);
		child.on('close', code => {
			clearTimeout(timer);
			resolve({code, stdout, stderr});
		});
	});
}

/** Writes a file into the directory the sandbox sees as /opt/e2e. */
export function share(sandbox: ServerSandbox, name: string, content: string | Buffer): string {
	writeFileSync(path.join(sandbox.shared, name), content);
	return `/opt/e2e/${name}`;
}
