import {spawn} from 'node:child_process';
import process from 'node:process';
import type {CheckExec} from './check-context.js';

// Output kept per check: the verdict needs only the expected lines and the tail.
const maxOutput = 256 * 1024;

/**
 * Runs a check's command with bash in its own process group (so a timeout kills the whole tree), stdin closed so
 * nothing can wait for input. `user` commands run as the sudo user when the tool is root under sudo.
 */
export const defaultCheckExec: CheckExec = async (command, options) =>
	new Promise(resolve => {
		const sudoUser = process.env.SUDO_USER;
		const asUser = options.as === 'user' && sudoUser && sudoUser !== 'root' && process.getuid?.() === 0;
		const [file, args] = asUser ? ['runuser', ['-u', sudoUser, '--', 'bash', '-c', command]] : ['bash', ['-c', command]];
		const child = spawn(file, args as string[], {
			cwd: options.cwd,
			env: {...process.env, ...options.env},
			stdio: ['ignore', 'pipe', 'pipe'],
			detached: true,
		});
		let output = '';
		let timedOut = false;
		const collect = (chunk: Buffer) => {
			if (output.length < maxOutput) output += chunk.toString('utf8');
		};

		child.stdout.on('data', collect);
		child.stderr.on('data', collect);
		const kill = () => {
			try {
				process.kill(-child.pid!, 'SIGKILL');
			} catch {}
		};

		const timer = setTimeout(() => {
			timedOut = true;
			kill();
		}, options.timeoutMs);
		options.signal?.addEventListener('abort', kill, {once: true});
		child.on('error', error => {
			clearTimeout(timer);
			resolve({exitCode: error.message.includes('ENOENT') ? 127 : 1, output: `${output}${error.message}\n`});
		});
		child.on('close', code => {
			clearTimeout(timer);
			options.signal?.removeEventListener('abort', kill);
			resolve({exitCode: code, output, timedOut});
		});
	});
