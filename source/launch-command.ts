import {shellQuote} from './domain/params/shell-quote.js';

/**
 * The command that starts tomesh-setup again the way the operator started it, for the commands it tells them to type
 * (continue after a reboot, run again as root): the clone's `./tomesh-setup` launcher names itself in
 * TOMESH_SETUP_LAUNCHER; otherwise the installed package's bin, `tomesh-setup`.
 */
export function launchCommand(env: NodeJS.ProcessEnv = process.env): string {
	return env.TOMESH_SETUP_LAUNCHER ? shellQuote(env.TOMESH_SETUP_LAUNCHER) : 'tomesh-setup';
}
