// `npm run test:e2e`: the end-to-end test on real software in a throwaway sandbox (root, network to Debian's mirror).
export default {
	extensions: {ts: 'module'},
	nodeArguments: ['--import=tsx'],
	files: ['test/system/**/*.test.ts'],
	timeout: '30m',
	workerThreads: false,
	// One sandbox at a time: they share the cached base (made once, cold) and the machine's two cores.
	concurrency: 1,
	verbose: true,
};
