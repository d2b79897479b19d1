// The thread that reads commands' output (started by output-readers.ts). A flood fills a pipe's 1 MiB in about 3 ms;
// read from the main thread, every frame the TUI draws would hold the command up. Here nothing else runs: the command
// writes at full speed, and the main thread gets only what it shows (a few thinned pieces a second).
import {parentPort} from 'node:worker_threads';
import type {ReaderReply, ReaderRequest} from './output-readers.js';
import {readStream, type StreamReader} from './output-stream.js';

const port = parentPort!;
const streams = new Map<number, StreamReader>();
const reply = (message: ReaderReply) => port.postMessage(message);

port.on('message', (request: ReaderRequest) => {
	if (request.type !== 'read') {
		streams.get(request.id)?.[request.type]();
		return;
	}

	const {id} = request;
	const stream = readStream({readFd: request.readFd, large: request.large}, request.passOn ? (text, skipped) => reply({type: 'output', id, text, skipped}) : undefined);
	streams.set(id, stream);
	void stream.ended.then(() => {
		streams.delete(id);
		reply({type: 'end', id, kept: stream.kept()});
	});
});
