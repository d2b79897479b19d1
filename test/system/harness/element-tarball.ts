// A stand-in for Element Web's release tarball (it is not on npm in built form): same layout, a tiny page.
import {execFileSync} from 'node:child_process';
import {mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';

/** Writes `element-web.tar.gz` into `into` (a directory the sandbox sees, e.g. its shared one). */
export function elementTarball(into: string): void {
	const dir = path.join(into, 'element-build', 'element-v1.11.100');
	mkdirSync(dir, {recursive: true});
	writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Element</title><p>Element Web stand-in</p>\n');
	writeFileSync(path.join(dir, 'config.sample.json'), '{"default_server_config":{"m.homeserver":{"base_url":"https://matrix-client.matrix.org"}}}\n');
	execFileSync('tar', ['-czf', path.join(into, 'element-web.tar.gz'), '-C', path.join(into, 'element-build'), 'element-v1.11.100']);
}
