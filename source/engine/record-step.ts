import {reduceStep, type StepTransition} from '../domain/step-state.js';
import type {ProgressData, ProgressStore} from '../store/progress-store.js';

/**
 * Saves step status changes: the one place the engine changes a step's saved status, always through the reducer and
 * in one write together with whatever else must change with it (`also`).
 */
export function recordSteps(store: ProgressStore, changes: Array<[stepId: string, transition: StepTransition]>, also?: (data: ProgressData) => void): void {
	store.update(data => {
		for (const [stepId, transition] of changes) data.steps[stepId] = reduceStep(data.steps[stepId], transition);
		also?.(data);
	});
}
