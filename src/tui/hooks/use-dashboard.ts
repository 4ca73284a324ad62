import {useCallback, useEffect, useRef} from 'react';
import type {DashboardServices} from '../dashboard-model.js';
import {useAsync} from './use-async.js';

/**
 * The board's data, loaded now and again every `intervalMs`, quietly (the last board stays until the new one). A tick
 * that comes while a load is under way, or asked for and not started yet, is skipped: a slow sync is never aborted
 * or doubled by the next tick.
 */
export function useDashboard(services: DashboardServices) {
	const running = useRef(0);
	const requested = useRef(false);
	const load = useCallback(
		async (signal: AbortSignal) => {
			requested.current = false;
			running.current++;
			try {
				return await services.load(signal);
			} finally {
				running.current--;
			}
		},
		[services],
	);
	const result = useAsync(load, [load]);
	const {reload} = result;
	useEffect(() => {
		if (services.intervalMs <= 0) return;
		const timer = setInterval(() => {
			if (running.current > 0 || requested.current) return;
			requested.current = true;
			reload({quiet: true});
		}, services.intervalMs);
		return () => clearInterval(timer);
	}, [services.intervalMs, reload]);
	return result;
}
