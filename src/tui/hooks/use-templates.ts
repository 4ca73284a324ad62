import {type TemplateSummary, useServices} from '../services.js';
import {type AsyncResult, useAsync} from './use-async.js';

/** The reply templates the agent can pick from (team, user and built-in). */
export function useTemplates(): AsyncResult<readonly TemplateSummary[]> {
	const {listTemplates} = useServices();
	return useAsync(() => listTemplates(), [listTemplates]);
}
