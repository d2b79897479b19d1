import {Static, Text, useApp} from 'ink';
import {lazy, Suspense, useEffect, useRef, useState} from 'react';
import type {Controller} from '../engine/controller-types.js';
import {useKeys} from './hooks/use-keys.js';
import {changedValuesNote, parametersInScope} from './changed-values.js';
import {locateStep} from './checklist-model.js';
import {afterStep, askedBefore, firstScreen, openStep, type Screen} from './navigation.js';
import {BetweenProcedures} from './screens/between-procedures.js';
import {Checklist} from './screens/checklist.js';
import {NotRoot} from './screens/not-root.js';
import {ParamsForm} from './screens/params-form.js';

// Not needed for the first frame (the checklist): loaded on demand, and prefetched once it is on screen.
const loadStep = async () => import('./screens/step-screen.js');
const loadRunning = async () => import('./screens/running-screen.js');
const loadVerify = async () => import('./screens/verify-screen.js');
const StepScreen = lazy(async () => ({default: (await loadStep()).StepScreen}));
const RunningScreen = lazy(async () => ({default: (await loadRunning()).RunningScreen}));
const VerifyScreen = lazy(async () => ({default: (await loadVerify()).VerifyScreen}));

/** How the TUI ended: the exit code, and a command to run after it (the not-root screen's `plan`). */
export interface TuiResult {
	code: number;
	next?: 'plan';
}

/** Props of the app. */
export interface AppProps {
	controller: Controller;
	mode: 'run' | 'verify';
	/** `--only` was given: open that runbook's first unfinished step directly. */
	only?: boolean;
	isRoot: boolean;
	/** `--state` was given: a non-root trial is allowed. */
	trial?: boolean;
	/** Values were given with --set: the form is shown only for what is still missing. */
	preset?: boolean;
	onExit: (result: TuiResult) => void;
}

/** The guided walkthrough: one screen at a time, all state in the controller. */
export function App(props: AppProps) {
	const {controller, onExit} = props;
	const {exit} = useApp();
	const [screen, setScreen] = useState<Screen>(() => firstScreen(props.controller, props));
	const quit = (code: number, next?: 'plan') => {
		onExit({code, next});
		exit();
	};

	useEffect(() => {
		// Warm the next screens while the operator reads the checklist.
		const timer = setTimeout(() => void Promise.all([loadStep(), loadRunning()]).catch(() => undefined), 50);
		return () => clearTimeout(timer);
	}, []);
	useKeys((input, key) => {
		if (key.ctrl && input === 'c' && screen.name !== 'running' && screen.name !== 'verify') quit(0);
	});
	// Procedures of another kind the operator chose not to run now (an upgrade during the setup): not rolled into.
	const deferred = useRef(new Set<string>());
	const goNext = (stepId: string, flash: string) => setScreen(afterStep(controller, stepId, flash, deferred.current, props.preset));
	const open = (stepId: string) => setScreen(openStep(controller, stepId, undefined, props.preset));

	const skip = (stepId: string) => {
		controller.skipStep(stepId);
		goNext(stepId, `– Step ${controller.progress(stepId).step.number} skipped`);
	};

	const back = () => setScreen({name: 'checklist'});
	const loading = <Text dimColor>…</Text>;
	// Ink 6.8 keeps pointing at a <Static> that was removed (the running screen's, once the next screen shows) and
	// reads its freed layout node: a crash after enough screens. An empty <Static> made anew with every screen keeps
	// that pointer on a live node (fixed in Ink 7).
	const keepStaticAlive = <Static key={screenKey(screen)} items={noItems}>{() => null}</Static>;
	return (
		<>
			{keepStaticAlive}
			{renderScreen()}
		</>
	);

	function renderScreen() {
		switch (screen.name) {
			case 'not-root': {
				return <NotRoot onPlan={() => quit(0, 'plan')} onVerify={() => setScreen({name: 'verify', back: false})} onQuit={() => quit(0)} />;
			}

			case 'params': {
				const runbook = screen.runbookId ? controller.runbooks.find(r => r.id === screen.runbookId) : undefined;
				const asked = runbook ? askedBefore(controller, runbook.id, props.preset) : parametersInScope(controller);
				const then = screen.then;
				return (
					<ParamsForm
						key={screen.runbookId ?? 'all'}
						controller={controller}
						parameters={asked}
						purpose={runbook ? `${runbook.title} uses these values` : undefined}
						onDone={changed => setScreen(runbook ? then : {name: 'checklist', flash: changedValuesNote(controller, changed)})}
						onQuit={() => (runbook ? quit(0) : setScreen(then))}
					/>
				);
			}

			case 'between': {
				const {stepId, from, flash} = screen;
				return (
					<BetweenProcedures
						controller={controller}
						from={from}
						stepId={stepId}
						flash={flash}
						onRun={() => open(stepId)}
						onNotNow={() => {
							const runbook = locateStep(controller, stepId)?.runbook;
							if (runbook) deferred.current.add(runbook.id);
							goNext(stepId, flash ?? `${runbook?.title ?? 'It'} left for later`);
						}}
						onQuit={() => quit(0)}
					/>
				);
			}

			case 'checklist': {
				return (
					<Checklist
						controller={controller}
						flash={screen.flash}
						onOpenStep={open}
						onParams={() => setScreen({name: 'params', then: {name: 'checklist'}})}
						onVerify={() => setScreen({name: 'verify', back: true})}
						onQuit={() => quit(0)}
					/>
				);
			}

			case 'step': {
				return (
					<Suspense fallback={loading}>
						<StepScreen
							key={screen.stepId}
							controller={controller}
							stepId={screen.stepId}
							flash={screen.flash}
							onRun={stepId => setScreen({name: 'running', stepId})}
							onSkip={skip}
							onBack={back}
							onQuit={() => quit(0)}
						/>
					</Suspense>
				);
			}

			case 'running': {
				return (
					<Suspense fallback={loading}>
						<RunningScreen
							key={screen.stepId}
							controller={controller}
							stepId={screen.stepId}
							onDone={goNext}
							onSkip={skip}
							onBack={back}
							onUndone={(stepId, flash) => setScreen({name: 'step', stepId, flash})}
							onQuit={code => quit(code)}
						/>
					</Suspense>
				);
			}

			case 'verify': {
				return (
					<Suspense fallback={loading}>
						<VerifyScreen controller={controller} onQuit={quit} onBack={screen.back ? back : undefined} />
					</Suspense>
				);
			}
		}
	}
}

const noItems: never[] = [];

function screenKey(screen: Screen): string {
	return 'stepId' in screen ? `${screen.name} ${screen.stepId}` : screen.name;
}
