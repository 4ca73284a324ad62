import {useEffect} from 'react';
import type {DashboardServices} from '../dashboard-model.js';
import {useAsync} from './use-async.js';

/** The board's data, loaded now and again every `intervalMs` (quietly: the last board stays until the new one). */
export function useDashboard(services: DashboardServices) {
	const result = useAsync((signal) => services.load(signal), [services]);
	const {reload} = result;
	useEffect(() => {
		if (services.intervalMs <= 0) return;
		const timer = setInterval(() => reload({quiet: true}), services.intervalMs);
		return () => clearInterval(timer);
	}, [services.intervalMs, reload]);
	return result;
}
