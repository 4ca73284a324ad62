import type {AgentRef, GroupRef} from '../../domain/ticket.js';
import {useServices} from '../services.js';
import {type AsyncResult, useAsync} from './use-async.js';

export type Directory = {readonly agents: readonly AgentRef[]; readonly groups: readonly GroupRef[]};

/** The desk's agents and groups, for assign and escalate. */
export function useDirectory(): AsyncResult<Directory> {
	const {listAgents, listGroups} = useServices();
	return useAsync(
		async (signal) => {
			const [agents, groups] = await Promise.all([listAgents(signal), listGroups(signal)]);
			return {agents, groups};
		},
		[listAgents, listGroups],
	);
}
