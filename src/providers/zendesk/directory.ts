import type {ZendeskGroup, ZendeskOrganization, ZendeskUser} from './schemas.js';

/** A custom status as csr shows it: the agent's label, and whether it is one of Zendesk's defaults. */
export type CustomStatus = {readonly agentLabel: string; readonly isDefault: boolean};

/**
 * Users, groups and organisations seen in sideloads, kept for the desk's lifetime so a write's response (which has
 * no sideloads) still maps to a ticket with names.
 */
export type Directory = {
	readonly users: Map<number, ZendeskUser>;
	readonly groups: Map<number, ZendeskGroup>;
	readonly organizations: Map<number, ZendeskOrganization>;
	customStatuses: Map<number, CustomStatus> | null;
	absorb(sideloads: {
		users?: readonly ZendeskUser[] | undefined;
		groups?: readonly ZendeskGroup[] | undefined;
		organizations?: readonly ZendeskOrganization[] | undefined;
	}): void;
};

export function createDirectory(): Directory {
	const users = new Map<number, ZendeskUser>();
	const groups = new Map<number, ZendeskGroup>();
	const organizations = new Map<number, ZendeskOrganization>();
	return {
		users,
		groups,
		organizations,
		customStatuses: null,
		absorb(sideloads) {
			for (const user of sideloads.users ?? []) if (user.id !== null) users.set(user.id, user);
			for (const group of sideloads.groups ?? []) groups.set(group.id, group);
			for (const organization of sideloads.organizations ?? []) organizations.set(organization.id, organization);
		},
	};
}
