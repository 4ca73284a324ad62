import {describe, expect, it} from 'vitest';
import {type CustomerProfile, type HelpDesk, hasCustomerDirectory} from '../../src/providers/help-desk.js';

export type CustomerDirectoryFixture = {
	readonly desk: HelpDesk;
	/** A customer the desk holds, exactly as findCustomer must give it. */
	readonly known: CustomerProfile & {readonly email: string};
	/** An address and an id the desk has no customer for. */
	readonly unknown: {readonly email: string; readonly id: string};
};

/**
 * The CustomerDirectory capability (`csr customer`): by email (any case) and by the desk's id, the same profile with
 * phone, language, organisation and time zone; nobody by that key is null, not an error.
 */
export function describeCustomerDirectoryContract(
	name: string,
	setup: () => Promise<CustomerDirectoryFixture>,
	options: {skip?: () => boolean} = {},
): void {
	describe(`${name}: CustomerDirectory contract`, () => {
		const run = (title: string, body: (fixture: CustomerDirectoryFixture) => Promise<void>) =>
			it(title, async (context) => {
				if (options.skip?.()) context.skip();
				const fixture = await setup();
				try {
					expect(hasCustomerDirectory(fixture.desk)).toBe(true);
					await body(fixture);
				} finally {
					await fixture.desk.close();
				}
			});

		run('finds a customer by email in any case, with phone, language, organisation and time zone', async (f) => {
			if (!hasCustomerDirectory(f.desk)) throw new Error('no directory');
			expect(await f.desk.findCustomer({email: f.known.email.toUpperCase()})).toEqual(f.known);
		});

		run("finds the same customer by the desk's id", async (f) => {
			if (!hasCustomerDirectory(f.desk)) throw new Error('no directory');
			expect(await f.desk.findCustomer({id: f.known.id})).toEqual(f.known);
		});

		run('gives null, not an error, for an address or id the desk does not know', async (f) => {
			if (!hasCustomerDirectory(f.desk)) throw new Error('no directory');
			expect(await f.desk.findCustomer({email: f.unknown.email})).toBeNull();
			expect(await f.desk.findCustomer({id: f.unknown.id})).toBeNull();
		});
	});
}
