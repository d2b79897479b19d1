// Files a root tool reads and writes where someone else might have put a link: never followed, never trusted.
import {closeSync, constants, existsSync, fstatSync, lstatSync, mkdirSync, openSync, readSync, renameSync, rmSync, statSync, writeSync, type Stats} from 'node:fs';
import path from 'node:path';
import {InputError} from '../domain/types.js';

const noFollow = constants.O_NOFOLLOW;

/** An I/O error as one line naming the path (EEXIST, EROFS, ENOSPC, EACCES…), for an InputError. */
export function describeError(error: unknown): string {
	const {code, message} = error as NodeJS.ErrnoException;
	const reasons: Record<string, string> = {
		ENOENT: 'no such file or directory',
		EEXIST: 'already exists',
		ENOTDIR: 'not a directory',
		EROFS: 'read-only file system',
		ENOSPC: 'no space left on the device',
		EDQUOT: 'disk quota exceeded',
		EACCES: 'permission denied',
		EPERM: 'operation not permitted',
		ELOOP: 'is a symbolic link',
		EISDIR: 'is a directory',
	};
	return (code && reasons[code]) ?? message.replace(/^[A-Z]+: /, '').split('\n')[0]!;
}

const uid = () => process.geteuid?.() ?? 0;

/** Why others could change what is at `stats` (owned by someone else, or writable by group or others), or undefined. */
function othersCanWrite(stats: Stats): string | undefined {
	if (stats.uid !== uid() && stats.uid !== 0) return `owned by uid ${stats.uid}`;
	if ((stats.mode & 0o022) !== 0) return `writable by ${(stats.mode & 0o002) === 0 ? 'its group' : 'others'} (mode ${(stats.mode & 0o777).toString(8)})`;
	return undefined;
}

/**
 * Checks that nobody but this user (and root) can change `directory` or swap one of the directories above it: each
 * ancestor is owned by root or this user and not writable by others, unless it is sticky (/tmp). Throws InputError
 * naming the path. The directory itself must be owned by this user, with no write bit for group or others.
 */
export function checkPrivateDirectory(directory: string, flag = '--state'): void {
	let stats: Stats;
	try {
		stats = lstatSync(directory);
	} catch (error) {
		throw new InputError(`${directory}: ${describeError(error)}`, flag);
	}

	if (stats.isSymbolicLink()) throw new InputError(`${directory} is a symbolic link: give the directory itself`, flag);
	if (!stats.isDirectory()) throw new InputError(`${directory} is not a directory`, flag);
	if (stats.uid !== uid()) throw new InputError(`${directory} is owned by uid ${stats.uid}, not by this user (uid ${uid()}): refused`, flag);
	if ((stats.mode & 0o022) !== 0) {
		throw new InputError(`${directory} is writable by others (mode ${(stats.mode & 0o777).toString(8)}): refused (chmod go-w it)`, flag);
	}

	for (let dir = path.dirname(directory); ; dir = path.dirname(dir)) {
		const parent = statSync(dir);
		const sticky = (parent.mode & 0o1000) !== 0;
		const problem = othersCanWrite(parent);
		if (problem && !(sticky && (parent.uid === 0 || parent.uid === uid()))) throw new InputError(`${directory}: its parent ${dir} is ${problem}: refused`, flag);
		if (dir === path.dirname(dir)) break;
	}
}

/** Whether `file` is a symbolic link (false when it does not exist). */
export function isLink(file: string): boolean {
	try {
		return lstatSync(file).isSymbolicLink();
	} catch {
		return false;
	}
}

/** Whether `directory` exists and passes checkPrivateDirectory: where a cache may be read and written. */
export function isPrivateDirectory(directory: string): boolean {
	try {
		if (!existsSync(directory)) return false;
		checkPrivateDirectory(directory);
		return true;
	} catch {
		return false;
	}
}

/** Creates `directory` (and its parents) with mode 0700 when missing, then checks it (see checkPrivateDirectory). */
export function ensurePrivateDirectory(directory: string, flag = '--state'): void {
	try {
		mkdirSync(directory, {recursive: true, mode: 0o700});
	} catch (error) {
		// A file or a link in its place is described by the check below.
		if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw new InputError(`cannot create ${directory}: ${describeError(error)}`, flag);
	}

	checkPrivateDirectory(directory, flag);
}

/**
 * Opens `file` without following a symbolic link (O_NOFOLLOW) and checks that it is a regular file; `exclusive`
 * creates it and fails when it exists. Returns the descriptor.
 */
export function openNoFollow(file: string, flags: 'read' | 'write' | 'append' | 'exclusive', mode = 0o600): number {
	const bits = {
		read: constants.O_RDONLY | constants.O_NONBLOCK,
		write: constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC,
		append: constants.O_WRONLY | constants.O_CREAT | constants.O_APPEND,
		exclusive: constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL,
	}[flags];
	// O_NONBLOCK on a read: opening a FIFO must not wait for a writer before fstat can refuse it.
	const fd = openSync(file, bits | noFollow | (flags === 'read' ? 0 : constants.O_NONBLOCK), mode);
	const stats = fstatSync(fd);
	if (!stats.isFile()) {
		closeSync(fd);
		throw Object.assign(new Error(`${file} is not a regular file`), {code: 'ENOTREG'});
	}

	return fd;
}

/** Writes `text` (or bytes) to `file` through openNoFollow (`exclusive`: only when it does not exist yet). */
export function writeNoFollow(file: string, text: string | Uint8Array, options: {mode?: number; exclusive?: boolean} = {}): void {
	const fd = openNoFollow(file, options.exclusive ? 'exclusive' : 'write', options.mode ?? 0o600);
	const bytes = typeof text === 'string' ? Buffer.from(text) : text;
	try {
		for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written);
	} finally {
		closeSync(fd);
	}
}

/**
 * Replaces `file` with `content` at once, for a cache: written to a new temporary beside it (through writeNoFollow,
 * exclusive, 0600), then renamed over it, in its directory made private first (ensurePrivateDirectory). Best effort:
 * a failure leaves no temporary behind and is not an error.
 */
export function replaceCacheFile(file: string, content: string | Uint8Array): void {
	const temporary = `${file}.${process.pid}.tmp`;
	try {
		ensurePrivateDirectory(path.dirname(file));
		writeNoFollow(temporary, content, {exclusive: true});
		renameSync(temporary, file);
	} catch {
		rmSync(temporary, {force: true});
	}
}

/** Reads a regular file without following a link (a FIFO, a device or a link → error with code ENOTREG or ELOOP). */
export function readNoFollow(file: string, limit = 64 * 1024 * 1024): string {
	const fd = openNoFollow(file, 'read');
	try {
		return readAll(fd, file, limit);
	} finally {
		closeSync(fd);
	}
}

// The whole content of an open file of `size` bytes (its fstat size unless given), refused past `limit`.
function readAll(fd: number, file: string, limit: number, size = fstatSync(fd).size): string {
	return readAllBytes(fd, file, limit, size).toString('utf8');
}

function readAllBytes(fd: number, file: string, limit: number, size = fstatSync(fd).size): Buffer {
	if (size > limit) throw Object.assign(new Error(`${file} is larger than ${limit} bytes`), {code: 'EFBIG'});
	const buffer = Buffer.alloc(size);
	let read = 0;
	while (read < size) {
		const count = readSync(fd, buffer, read, size - read, null);
		if (count === 0) break;
		read += count;
	}

	return buffer.subarray(0, read);
}

/**
 * Reads a file only this user can have written: no link (O_NOFOLLOW), a regular file owned by this user with no write
 * bit for group or others, checked on the open descriptor. Anything else → error with code ENOTREG, ELOOP or EPERM.
 */
export function readPrivateFile(file: string, limit = 64 * 1024 * 1024): string {
	return readPrivateBytes(file, limit).toString('utf8');
}

/** readPrivateFile's bytes, undecoded. */
export function readPrivateBytes(file: string, limit = 64 * 1024 * 1024): Buffer {
	const fd = openNoFollow(file, 'read');
	try {
		const stats = fstatSync(fd);
		if (stats.uid !== uid() || (stats.mode & 0o022) !== 0) throw Object.assign(new Error(`${file} is not this user's own file`), {code: 'EPERM'});
		return readAllBytes(fd, file, limit, stats.size);
	} finally {
		closeSync(fd);
	}
}

/**
 * Why root should not run a document at `file` that others can change, or undefined: the file writable by group or
 * others or owned by another non-root user, or a directory above it writable by others without the sticky bit.
 */
export function untrustedDocumentReason(file: string): string | undefined {
	const real = path.resolve(file);
	const stats = statSync(real);
	const problem = othersCanWrite(stats);
	if (problem) return `the document is ${problem}`;
	for (let dir = path.dirname(real); ; dir = path.dirname(dir)) {
		const parent = statSync(dir);
		const sticky = (parent.mode & 0o1000) !== 0;
		if ((parent.mode & 0o002) !== 0 && !sticky) return `its directory ${dir} is writable by others`;
		if (parent.uid !== 0 && parent.uid !== uid()) return `its directory ${dir} is owned by uid ${parent.uid}`;
		if (dir === path.dirname(dir)) break;
	}

	return undefined;
}

/**
 * Reads `file` following links, but only when it is a regular file: a FIFO, a device (/dev/zero) or a socket is
 * refused (error code ENOTREG) instead of blocking or reading forever.
 */
export function readRegularFile(file: string, limit = 64 * 1024 * 1024): string {
	const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
	try {
		const stats = fstatSync(fd);
		if (!stats.isFile()) throw Object.assign(new Error(`${file} is not a regular file`), {code: 'ENOTREG'});
		return readAll(fd, file, limit, stats.size);
	} finally {
		closeSync(fd);
	}
}
